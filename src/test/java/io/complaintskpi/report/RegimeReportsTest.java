package io.complaintskpi.report;

import io.complaintskpi.disclosure.Cell;
import io.complaintskpi.events.Regime;
import io.complaintskpi.figures.FigureSettings;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.rules.CorporateTimescales;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Stage2ClockStart;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.complaintskpi.report.RegimesFixture.AUTHORITY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three regimes' annual reports reproduced from {@link RegimesFixture} figure by figure: the Complaint
 * Handling Code's report for corporate complaints, the adults' report (SI 2009/309 reg 18) and the children's,
 * which the other two leave alone.
 */
class RegimeReportsTest {

    private static final FinancialYear YEAR = FinancialYear.parse("2026/27");
    private static final FigureSettings SETTINGS = new FigureSettings(Stage2ClockStart.STATEMENT_AGREED, List.of(),
            List.of());
    private static final Instant GENERATED = Instant.parse("2027-05-01T09:00:00Z");
    private static final KpiEvaluator CATALOGUE = RegimesFixture.catalogue(1);

    private final AnnualReport corporate = AnnualReport.corporate(CATALOGUE, AUTHORITY, code -> code, YEAR, false,
            SETTINGS, CorporateTimescales.CODE, GENERATED, Commentary.NONE);
    private final AnnualReport adults = AnnualReport.adults(CATALOGUE, AUTHORITY, code -> code, YEAR, false, SETTINGS,
            GENERATED, Commentary.NONE);

    /** The tables of each report by a short name, in document order: table N is the N-th. */
    private static final List<String> CORPORATE_TABLES = List.of("timescales", "volumes", "service_areas_stage1",
            "service_areas_stage2", "timeliness_code", "timeliness_council", "extensions", "outcomes",
            "stage2_outcomes", "not_accepted", "causes", "improvements", "ombudsman", "self_assessment",
            "ombudsman_letter");
    private static final List<String> ADULTS_TABLES = List.of("regulation18", "service_areas", "outcomes", "causes",
            "timeliness", "improvements", "general_importance", "ombudsman_letter");

    private static ReportTable table(AnnualReport report, String name) {
        List<String> names = switch (report.regime()) {
            case CORPORATE -> CORPORATE_TABLES;
            case ADULTS -> ADULTS_TABLES;
            case CHILDREN -> List.of();
        };
        String id = names.contains(name) ? "table" + (names.indexOf(name) + 1) : name;
        return report.table(id).orElseThrow(() -> new AssertionError("no table " + name));
    }

    /** The cells of the row some cell of which reads {@code text}, as shown. */
    private static List<String> row(AnnualReport report, String table, String text) {
        return table(report, table).rows().stream()
                .filter(r -> r.cells().stream().anyMatch(c -> c.text().equals(text))).findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + text + "' in " + table))
                .cells().stream().map(Cell::text).toList();
    }

    @Test
    void theCodesReportHasItsTablesInOrder() {
        assertThat(corporate.regime()).isEqualTo(Regime.CORPORATE);
        assertThat(corporate.title()).isEqualTo(AUTHORITY + ": corporate complaints, annual complaints performance"
                + " and service improvement report 2026/27");
        assertThat(corporate.tables()).extracting(ReportTable::title).containsExactly(
                "Table 1: Timescales applied",
                "Table 2: Corporate complaints received, escalated and not accepted",
                "Table 3: Stage 1 complaints received by service area",
                "Table 4: Stage 2 requests received by service area",
                "Table 5: Acknowledgement and response times against the Complaint Handling Code",
                "Table 6: Acknowledgement and response times against the council's own timescales",
                "Table 7: Extensions of stages answered in the year, against the Complaint Handling Code",
                "Table 8: Stage 1 outcomes (complaints resolved in the year)",
                "Table 9: Stage 2 responses and outcomes (answered in the year)",
                "Table 10: Complaints not accepted, by reason (Code 8.1: the types of complaints refused)",
                "Table 11: Causes of complaints resolved at stage 1, with uphold rates",
                "Table 12: Actions taken and service improvements on upheld complaints",
                "Table 13: The Ombudsman's figures for the year",
                "Table 14: Self-assessment against the Complaint Handling Code",
                "Table 15: The Ombudsman's annual review letter");
        assertThat(corporate.about()).extracting(line -> line.get(0)).doesNotContain("Stage 2 clock starts at");
    }

    @Test
    void corporateVolumesEscalationAndRefusals() {
        // C1-C4 received; C3 and C4 asked for stage 2 (C4 before any stage 1 answer); R1-R3 not accepted.
        assertThat(row(corporate, "volumes", "Stage 1 complaints received")).containsExactly(
                "Stage 1 complaints received", "0", "4", "+4", "z");
        assertThat(row(corporate, "volumes", "Stage 2 requests received")).element(2).isEqualTo("2");
        assertThat(row(corporate, "volumes", "Escalation rate (stage 2 requests as % of stage 1)")).element(2)
                .isEqualTo("50.0%");
        assertThat(row(corporate, "volumes", "Stage 1 complaints moved to stage 2 before a stage 1 response"))
                .element(2).isEqualTo("1");
        assertThat(row(corporate, "volumes", "Complaints not accepted")).element(2).isEqualTo("3");
        // Stage 1: 4 received - 3 answered - 1 moved on = 0 open; stage 2: 2 requested - 1 answered = 1 open.
        assertThat(row(corporate, "volumes", "Open at stage 1 at year end")).element(2).isEqualTo("0");
        assertThat(row(corporate, "volumes", "Open at stage 2 at year end")).element(2).isEqualTo("1");
        assertThat(row(corporate, "service_areas_stage1", "Highways")).containsExactly("Highways", "0", "2", "+2");
        assertThat(row(corporate, "service_areas_stage1", "Waste")).element(2).isEqualTo("2");
        assertThat(row(corporate, "service_areas_stage2", "Waste")).element(2).isEqualTo("2");
        assertThat(row(corporate, "not_accepted", "Out of time (Code 2.2)")).element(2).isEqualTo("2");
        assertThat(row(corporate, "not_accepted", "Service request (Code 1.2, 1.7)")).element(2).isEqualTo("1");
        assertThat(row(corporate, "not_accepted", "Total")).element(2).isEqualTo("3");
    }

    @Test
    void corporateTimelinessAgainstTheCodeAndTheCouncil() {
        // Acknowledged: C1 in time, C2 late (due 18 May, on 19 May), C3 in time; C4 never.
        assertThat(row(corporate, "timeliness_code", "Stage 1: acknowledged in time")).containsExactly(
                "Stage 1: acknowledged in time", "0", "z", "2", "66.7%");
        assertThat(row(corporate, "timeliness_code", "Stage 1: acknowledgements")).element(3).isEqualTo("3");
        // Answered: C1 on its due day, C2 in time counted from the day its acknowledgement was due, C3 late
        // (its 15-day extension without a reason counts for 10 only).
        assertThat(row(corporate, "timeliness_code", "Stage 1: responded in time")).containsExactly(
                "Stage 1: responded in time", "0", "z", "2", "66.7%");
        assertThat(row(corporate, "timeliness_code", "Stage 1: responded late")).element(3).isEqualTo("1");
        assertThat(row(corporate, "timeliness_code", "Stage 2: acknowledged in time")).element(4).isEqualTo("100.0%");
        assertThat(row(corporate, "timeliness_code", "Stage 2: responded in time")).element(4).isEqualTo("100.0%");
        // With the Code's timescales as the council's own, the two tables agree.
        assertThat(row(corporate, "timeliness_council", "Stage 1: responded in time")).element(4).isEqualTo("66.7%");
        assertThat(row(corporate, "extensions", "Stage 1: beyond it without a reason (not compliant)")).element(3)
                .isEqualTo("1");
        assertThat(row(corporate, "extensions", "Stage 1: within the Code's limit")).containsExactly(
                "Stage 1: within the Code's limit", "0", "z", "0", "0.0%");
        assertThat(row(corporate, "timescales", "Stage 1: respond within (working days of the acknowledgement)"))
                .containsExactly("Stage 1: respond within (working days of the acknowledgement)", "10", "10");
    }

    @Test
    void theCouncilsOwnTimescalesAreStatedAndMeasured() {
        CorporateTimescales own = CorporateTimescales.parse("stage1-response=20", CorporateTimescales.CODE);
        AnnualReport report = AnnualReport.corporate(CATALOGUE, AUTHORITY, code -> code, YEAR, false, SETTINGS, own,
                GENERATED, Commentary.NONE);
        assertThat(row(report, "timescales", "Stage 1: respond within (working days of the acknowledgement)"))
                .containsExactly("Stage 1: respond within (working days of the acknowledgement)", "10", "20");
    }

    @Test
    void corporateOutcomesCausesImprovementsAndTheOmbudsman() {
        assertThat(row(corporate, "outcomes", "Totally upheld")).element(4).isEqualTo("33.3%");
        assertThat(row(corporate, "outcomes", "Upheld (totally or partly)")).element(3).isEqualTo("2");
        assertThat(row(corporate, "outcomes", "Upheld (totally or partly)")).element(4).isEqualTo("66.7%");
        assertThat(row(corporate, "outcomes", "Stage 1 complaints resolved")).element(3).isEqualTo("3");
        assertThat(row(corporate, "stage2_outcomes", "Stage 2 responses")).element(3).isEqualTo("1");
        assertThat(row(corporate, "stage2_outcomes", "Upheld (totally or partly)")).element(4).isEqualTo("0.0%");
        assertThat(row(corporate, "causes", "Delays in providing services")).containsExactly(
                "Delays in providing services", "0", "z", "2", "1", "50.0%");
        assertThat(row(corporate, "causes", "Quality of our work")).containsExactly(
                "Quality of our work", "0", "z", "1", "1", "100.0%");
        assertThat(row(corporate, "improvements", "Service change")).element(2).isEqualTo("1");
        assertThat(row(corporate, "improvements", "Share with an action beyond an apology")).element(2)
                .isEqualTo("50.0%");
        assertThat(row(corporate, "ombudsman", "New enquiries about corporate complaints")).element(2).isEqualTo("1");
        assertThat(row(corporate, "ombudsman", "... that found fault")).element(2).isEqualTo("1");
        assertThat(row(corporate, "ombudsman", "Uphold rate, corporate complaints")).element(2).isEqualTo("100.0%");
        assertThat(row(corporate, "ombudsman", "New enquiries received (all complaints of the council)")).element(2)
                .isEqualTo("3");
        assertThat(row(corporate, "ombudsman", "Remedies paid")).element(2).isEqualTo("£200");
    }

    @Test
    void theSelfAssessmentFillsTheMeasurableRowsAndLeavesTheRest() {
        assertThat(row(corporate, "self_assessment", "6.2")).element(2).isEqualTo("66.7% (2 of 3)");
        assertThat(row(corporate, "self_assessment", "6.3")).element(2).isEqualTo("66.7% (2 of 3)");
        assertThat(row(corporate, "self_assessment", "6.4")).element(2).isEqualTo("0.0% (0 of 1)");
        assertThat(row(corporate, "self_assessment", "Stage 2 responses within 20 working days of the acknowledgement"))
                .element(2).isEqualTo("100.0% (1 of 1)");
        assertThat(row(corporate, "self_assessment", "2.1-2.5")).element(2).isEqualTo("Complaints not accepted: 3");
        assertThat(row(corporate, "self_assessment", "2.4")).element(2).isEqualTo("to be completed by the council");
        assertThat(table(corporate, "self_assessment").columns()).containsExactly("Code", "Requirement",
                "From the data (2026/27)", "Comply (yes/no)", "Evidence and commentary");
    }

    @Test
    void theAdultsReportHasRegulation18sContents() {
        assertThat(adults.tables()).extracting(ReportTable::title).containsExactly(
                "Table 1: Complaints under the 2009 Regulations (reg 18)",
                "Table 2: Reg 18(d): subject matter - complaints received by service area",
                "Table 3: Reg 18(b): outcomes of complaints resolved in the year",
                "Table 4: Reg 18(d): subject matter - causes of complaints resolved, with uphold rates",
                "Table 5: Acknowledgement, response and complaints open past six months",
                "Table 6: Reg 18(d): action taken or planned to improve services",
                "Table 7: Reg 18(d): matters of general importance",
                "Table 8: The Ombudsman's annual review letter");
        assertThat(row(adults, "regulation18", "18(a) Complaints received")).element(2).isEqualTo("4");
        // Well-founded: A1 (partly upheld) of the two resolved (A1, A3).
        assertThat(row(adults, "regulation18", "18(b) Complaints decided to be well-founded (upheld totally or partly)"))
                .element(2).isEqualTo("1");
        assertThat(row(adults, "regulation18", "Well-founded, % of complaints resolved")).element(2).isEqualTo("50.0%");
        // Referred: O2 names an adults' complaint; O1 a corporate one and O3 none.
        assertThat(row(adults, "regulation18", "18(c) Complaints the council has been told were referred to the"
                + " Ombudsman")).element(2).isEqualTo("1");
        assertThat(row(adults, "service_areas", "Residential Care")).element(2).isEqualTo("2");
        assertThat(row(adults, "causes", "Keeping informed")).element(5).isEqualTo("100.0%");
        assertThat(row(adults, "improvements", "Apology given")).element(2).isEqualTo("1");
    }

    @Test
    void theAdultsTimelinessFigures() {
        // Acknowledged: A1 and A3 within 3 working days, A2 late; A4 never.
        assertThat(row(adults, "timeliness", "Acknowledged within 3 working days")).containsExactly(
                "Acknowledged within 3 working days", "0", "z", "2", "66.7%");
        assertThat(row(adults, "timeliness", "Responded within the agreed period")).element(4).isEqualTo("100.0%");
        // Open at 31 March 2027: A2 (received 1 June 2026, six months ended 30 November) and A4 (2 November).
        assertThat(row(adults, "timeliness", "Open at 31 March more than six months after receipt")).element(3)
                .isEqualTo("1");
        assertThat(row(adults, "timeliness", "Open at 31 March")).element(3).isEqualTo("2");
    }

    @Test
    void theNewReportsRenderWithTheSharedRenderers() {
        String html = AnnualReportHtml.render(corporate);
        assertThat(html).contains("Table 14: Self-assessment against the Complaint Handling Code")
                .contains("66.7% (2 of 3)").contains("Complaint Handling Code (2024)");
        String csv = AnnualReportCsv.render(adults);
        assertThat(csv).contains("Table 1: Complaints under the 2009 Regulations (reg 18)")
                .contains("18(c) Complaints the council has been told were referred to the Ombudsman");
    }

    @Test
    void theNewReportsTakeTheirOwnCommentaryAndRenderAsPdf() throws java.io.IOException {
        AnnualReport explained = AnnualReport.corporate(CATALOGUE, AUTHORITY, code -> "Testshire Council", YEAR, false,
                SETTINGS, CorporateTimescales.CODE, GENERATED,
                new Commentary("Corporate learning.", java.util.Map.of("table14", "Self-assessed in May.")));
        assertThat(explained.title()).startsWith("Testshire Council (" + AUTHORITY + "): corporate complaints");
        assertThat(AnnualReportHtml.render(explained)).contains("Corporate learning.").contains("Self-assessed in May.");
        byte[] pdf = AnnualReportPdf.render(adults);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("adult social care complaints, annual report (SI 2009").contains("Page 1 of");
        }
    }

    @Test
    void theChildrensReportCountsOnlyChildrensComplaints() {
        AnnualReport children = AnnualReport.build(CATALOGUE, AUTHORITY, code -> code, YEAR, false, SETTINGS, GENERATED,
                Commentary.NONE);
        assertThat(row(children, "table2", "Stage 1 complaints")).element(2).isEqualTo("1");
        assertThat(row(children, "table4", "Total")).element(2).isEqualTo("1");
    }
}
