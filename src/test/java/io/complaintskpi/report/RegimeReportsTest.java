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
                "Stage 1 complaints received", "0", "0", "4", "+4", "z");
        assertThat(row(corporate, "volumes", "Stage 2 requests received")).element(3).isEqualTo("2");
        assertThat(row(corporate, "volumes", "Escalation rate (stage 2 requests as % of stage 1)")).element(3)
                .isEqualTo("50.0%");
        assertThat(row(corporate, "volumes", "Stage 1 complaints moved to stage 2 before a stage 1 response"))
                .element(3).isEqualTo("1");
        assertThat(row(corporate, "volumes", "Complaints not accepted")).element(3).isEqualTo("3");
        // Stage 1: 4 received - 3 answered - 1 moved on = 0 open; stage 2: 2 requested - 1 answered = 1 open.
        assertThat(row(corporate, "volumes", "Open at stage 1 at year end")).element(3).isEqualTo("0");
        assertThat(row(corporate, "volumes", "Open at stage 2 at year end")).element(3).isEqualTo("1");
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

    /** Every row of a table as its cells joined by " | ", in order. */
    private static List<String> lines(AnnualReport report, String table) {
        return table(report, table).rows().stream()
                .map(r -> String.join(" | ", r.cells().stream().map(Cell::text).toList())).toList();
    }

    /**
     * Every figure of the Code's report, table by table (the prior year, 2025/26, has no complaints: 0, or z where
     * a rate has no denominator). Worked out from RegimesFixture: C1 received Wed 1 April, acknowledged the next
     * day (due Fri 10 April: Good Friday and Easter Monday are not working days), answered on its due day, Mon 20
     * April; C2 acknowledged late (due Mon 18 May), answered 29 May within 10 working days of 18 May (Tue 2 June,
     * the spring bank holiday skipped); C3 acknowledged in time, extended to 25 working days without a reason, so
     * compliant only up to 20 (Tue 30 June), answered Fri 3 July, late; its stage 2 acknowledged in time and answered
     * before Tue 11 August; C4 never acknowledged, moved to stage 2 unanswered, open there; R1-R3 refused; O1 about
     * C3, decided with fault and £200.
     */
    @Test
    void everyFigureOfTheCodesReport() {
        assertThat(lines(corporate, "volumes")).containsExactly(
                "Stage 1 complaints received | 0 | 0 | 4 | +4 | z",
                "Stage 2 requests received | 0 | 0 | 2 | +2 | z",
                "Escalation rate (stage 2 requests as % of stage 1) | z | z | 50.0% | z | z",
                "Stage 1 complaints moved to stage 2 before a stage 1 response | 0 | 0 | 1 | +1 | z",
                "Complaints not accepted | 0 | 0 | 3 | +3 | z",
                "Open at stage 1 at year end | 0 | 0 | 0 | 0 | z",
                "Open at stage 2 at year end | 0 | 0 | 1 | +1 | z");
        assertThat(lines(corporate, "service_areas_stage1")).containsExactly("Highways | 0 | 2 | +2",
                "Waste | 0 | 2 | +2", "Total | 0 | 4 | +4");
        assertThat(lines(corporate, "service_areas_stage2")).containsExactly("Waste | 0 | 2 | +2", "Total | 0 | 2 | +2");
        List<String> timeliness = List.of(
                "Stage 1: acknowledged in time | 0 | z | 2 | 66.7%", "Stage 1: acknowledged late | 0 |  | 1 | ",
                "Stage 1: acknowledgements | 0 |  | 3 | ", "Stage 1: responded in time | 0 | z | 2 | 66.7%",
                "Stage 1: responded late | 0 |  | 1 | ", "Stage 1: responses | 0 |  | 3 | ",
                "Stage 2: acknowledged in time | 0 | z | 1 | 100.0%", "Stage 2: acknowledged late | 0 |  | 0 | ",
                "Stage 2: acknowledgements | 0 |  | 1 | ", "Stage 2: responded in time | 0 | z | 1 | 100.0%",
                "Stage 2: responded late | 0 |  | 0 | ", "Stage 2: responses | 0 |  | 1 | ");
        assertThat(lines(corporate, "timeliness_code")).containsExactlyElementsOf(timeliness);
        assertThat(lines(corporate, "timeliness_council")).as("the council's timescales are the Code's")
                .containsExactlyElementsOf(timeliness);
        assertThat(lines(corporate, "extensions")).containsExactly(
                "Stage 1: within the Code's limit | 0 | z | 0 | 0.0%",
                "Stage 1: beyond it, with a recorded reason | 0 |  | 0 | ",
                "Stage 1: beyond it without a reason (not compliant) | 0 |  | 1 | ",
                "Stage 1: responses that had an extension | 0 |  | 1 | ",
                "Stage 2: within the Code's limit | 0 | z | 0 | z",
                "Stage 2: beyond it, with a recorded reason | 0 |  | 0 | ",
                "Stage 2: beyond it without a reason (not compliant) | 0 |  | 0 | ",
                "Stage 2: responses that had an extension | 0 |  | 0 | ");
        assertThat(lines(corporate, "outcomes")).containsExactly("Totally upheld | 0 | z | 1 | 33.3%",
                "Partly upheld | 0 | z | 1 | 33.3%", "Not upheld | 0 | z | 1 | 33.3%", "No finding | 0 | z | 0 | 0.0%",
                "Withdrawn | 0 | z | 0 | 0.0%", "Upheld (totally or partly) | 0 | z | 2 | 66.7%",
                "Stage 1 complaints resolved | 0 |  | 3 | ");
        assertThat(lines(corporate, "stage2_outcomes")).containsExactly("Upheld (totally or partly) | 0 | z | 0 | 0.0%",
                "Stage 2 responses | 0 |  | 1 | ", "Stage 2 complaints withdrawn | 0 |  | 0 | ");
        assertThat(lines(corporate, "not_accepted")).containsExactly("Out of time (Code 2.2) | 0 | 2 | +2",
                "Service request (Code 1.2, 1.7) | 0 | 1 | +1", "Statutory procedure (Code 2.3) | 0 | 0 | 0",
                "Other route of redress (Code 2.3) | 0 | 0 | 0", "Already considered (Code 2.3) | 0 | 0 | 0",
                "Other policy exclusion (Code 2.3) | 0 | 0 | 0", "Total | 0 | 3 | +3");
        assertThat(lines(corporate, "causes")).filteredOn(line -> !line.endsWith("| 0 | z | 0 | 0 | z"))
                .containsExactly("Quality of our work | 0 | z | 1 | 1 | 100.0%",
                        "Delays in providing services | 0 | z | 2 | 1 | 50.0%");
        assertThat(lines(corporate, "improvements")).containsExactly("Apology given | 0 | 1", "Reimbursement | 0 | 0",
                "Amended our records | 0 | 0", "Other remedy | 0 | 0", "Service change | 0 | 1",
                "Upheld stage 1 complaints resolved | 0 | 2", "... with an action beyond an apology | 0 | 1",
                "Share with an action beyond an apology | z | 50.0%");
        assertThat(lines(corporate, "ombudsman")).containsExactly(
                "New enquiries about corporate complaints | 0 | 1", "Decisions on corporate complaints | 0 | 1",
                "... that found fault | 0 | 1", "... after a detailed investigation | 0 | 1",
                "Uphold rate, corporate complaints | z | 100.0%",
                "New enquiries received (all complaints of the council) | 0 | 3", "Decisions made | 0 | 1",
                "Fault found | 0 | 1", "Detailed investigations | 0 | 1",
                "Uphold rate (% of detailed investigations) | z | 100.0%", "Remedies paid | £0 | £200");
        assertThat(lines(corporate, "self_assessment")).filteredOn(line -> !line.contains("to be completed"))
                .containsExactly(
                        "6.2 | Complaints acknowledged within five working days of receipt | 66.7% (2 of 3) |  | ",
                        "6.3 | Stage 1 responses within 10 working days of the acknowledgement | 66.7% (2 of 3) |  | ",
                        "6.4 | Stage 1 extensions no more than 10 working days without good reason | 0.0% (0 of 1) |  | ",
                        "Stage 2 | Stage 2 requests acknowledged within five working days | 100.0% (1 of 1) |  | ",
                        "Stage 2 | Stage 2 responses within 20 working days of the acknowledgement | 100.0% (1 of 1) |  | ",
                        "2.1-2.5 | Complaints not accepted, each with its reason (table not_accepted) |"
                                + " Complaints not accepted: 3 |  | ");
    }

    /**
     * Every figure of the adults' report: A1 acknowledged in time across Easter (due Wed 8 April), answered by its
     * agreed date, partly upheld (keeping informed), with an apology; A2 acknowledged late, open at 31 March more
     * than six months after receipt, referred to the Ombudsman (O2); A3 acknowledged in time, answered within six
     * months, not upheld; A4 open, not yet six months old.
     */
    @Test
    void everyFigureOfTheAdultsReport() {
        assertThat(lines(adults, "regulation18")).containsExactly("18(a) Complaints received | 0 | 4 | +4 | z",
                "18(b) Complaints decided to be well-founded (upheld totally or partly) | 0 | 1 | +1 | z",
                "Well-founded, % of complaints resolved | z | 50.0% | z | z",
                "18(c) Complaints the council has been told were referred to the Ombudsman | 0 | 1 |  | ");
        assertThat(lines(adults, "service_areas")).containsExactly("Home Care | 0 | 2 | +2",
                "Residential Care | 0 | 2 | +2", "Total | 0 | 4 | +4");
        assertThat(lines(adults, "outcomes")).containsExactly("Totally upheld | 0 | z | 0 | 0.0%",
                "Partly upheld | 0 | z | 1 | 50.0%", "Not upheld | 0 | z | 1 | 50.0%", "No finding | 0 | z | 0 | 0.0%",
                "Withdrawn | 0 | z | 0 | 0.0%", "Upheld (totally or partly) | 0 | z | 1 | 50.0%",
                "Stage 1 complaints resolved | 0 |  | 2 | ");
        assertThat(lines(adults, "causes")).filteredOn(line -> !line.endsWith("| 0 | z | 0 | 0 | z"))
                .containsExactly("Keeping informed | 0 | z | 1 | 1 | 100.0%");
        assertThat(lines(adults, "timeliness")).containsExactly(
                "Acknowledged within 3 working days | 0 | z | 2 | 66.7%", "Acknowledgements | 0 |  | 3 | ",
                "Responded within the agreed period | 0 | z | 2 | 100.0%", "Responses | 0 |  | 2 | ",
                "Open at 31 March more than six months after receipt | 0 |  | 1 | ", "Open at 31 March | 0 |  | 2 | ");
        assertThat(lines(adults, "improvements")).containsExactly("Apology given | 0 | 1", "Reimbursement | 0 | 0",
                "Amended our records | 0 | 0", "Other remedy | 0 | 0", "Service change | 0 | 0",
                "Upheld stage 1 complaints resolved | 0 | 1", "... with an action beyond an apology | 0 | 0",
                "Share with an action beyond an apology | z | 0.0%");
        assertThat(lines(adults, "general_importance")).containsExactly(
                "Matters of general importance arising from the complaints | to be completed by the council");
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

    /**
     * The children's report of the same year counts K1 alone (received Fri 1 May, answered not upheld on Fri 8 May,
     * four working days later: Mon 4 May is a bank holiday) and none of the other procedures' complaints.
     */
    @Test
    void theChildrensReportCountsOnlyChildrensComplaints() {
        AnnualReport children = AnnualReport.build(CATALOGUE, AUTHORITY, code -> code, YEAR, false, SETTINGS, GENERATED,
                Commentary.NONE);
        assertThat(lines(children, "table2")).containsExactly("Stage 1 complaints | 0 | 0 | 1 | +1 | z",
                "Stage 1 complaints as % of referrals | x | x | x | x | z", "Stage 2 requests | 0 | 0 | 0 | 0 | z",
                "Escalation rate (stage 2 requests as % of stage 1) | z | z | 0.0% | z | z",
                "Stage 3 requests | 0 | 0 | 0 | 0 | z", "Stage 3 requests as % of stage 2 | z | z | z | z | z");
        assertThat(lines(children, "table3")).allSatisfy(line -> assertThat(line).endsWith("| 0 | 0 | 0 | z"));
        assertThat(lines(children, "table4")).containsExactly("First Response | 0 | 1 | +1", "Total | 0 | 1 | +1");
        assertThat(lines(children, "table6")).containsExactly("Children and young people | 0 | z | 0 | 0.0%",
                "Everyone else | 0 | z | 1 | 100.0%", "Total | 0 |  | 1 | ");
        assertThat(lines(children, "table7")).containsExactly("Within 10 working days | 0 | z | 1 | 100.0%",
                "Within 20 working days | 0 | z | 1 | 100.0%", "Over 20 working days | 0 | z | 0 | 0.0%",
                "Stage 1 responses | 0 |  | 1 | ");
        assertThat(lines(children, "table10")).filteredOn(line -> !line.contains("| 0 | z | 0 | 0.0%")).containsExactly(
                "Not upheld | 0 | z | 1 | 100.0%", "Stage 1 complaints resolved | 0 |  | 1 | ");
        assertThat(lines(children, "table12")).contains("Upheld stage 1 complaints resolved | 0 | 0");
    }

    /**
     * Each report counts its own Ombudsman referrals: O1 names a corporate complaint (decided, upheld, £200), O2 an
     * adults' complaint, O3 no procedure at all (a revision 1 enquiry), which the children's report counts as its own.
     * The council's rows below the children's count all three.
     */
    @Test
    void eachReportCountsItsOwnOmbudsmanReferrals() {
        AnnualReport children = AnnualReport.build(CATALOGUE, AUTHORITY, code -> code, YEAR, false, SETTINGS, GENERATED,
                Commentary.NONE);
        assertThat(lines(children, "table13")).containsSubsequence(
                "New enquiries about children's complaints | 0 | 1", "Decisions on children's complaints | 0 | 0",
                "... that found fault | 0 | 0", "... after a detailed investigation | 0 | 0",
                "Uphold rate, children's complaints | z | z",
                "New enquiries received (all complaints of the council) | 0 | 3", "Decisions made | 0 | 1",
                "Decision: Upheld | 0 | 1", "Fault found | 0 | 1", "Remedies paid | £0 | £200");
        assertThat(row(corporate, "ombudsman", "New enquiries about corporate complaints")).element(2).isEqualTo("1");
        assertThat(row(corporate, "ombudsman", "Decisions on corporate complaints")).element(2).isEqualTo("1");
        assertThat(row(adults, "regulation18", "18(c) Complaints the council has been told were referred to the"
                + " Ombudsman")).element(2).isEqualTo("1");
    }
}
