package io.complaintskpi.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * The seed annual report 2015-16 (Leicestershire, /work/shared/seeds/000_ee327600fb15b8a7.txt), reproduced
 * end to end: the committed fixture published to the embedded broker, counted by the real topology and read
 * back over HTTP. Where the report contradicts itself, the KPI follows the figure named in
 * {@code fixtures/NOTES.md}.
 */
@ExtendWith(SeedService.Resolver.class)
class SeedReportEndToEndTest {

    private static final String NOW = "text";
    private static final String BEFORE = "priorText";
    private static final String CHANGE = "percentChange";

    /**
     * Every figure the seed report states for 2015/16, as {@code /api/v1/kpis?year=2015/16} must show it.
     * Columns: seed section, KPI ({@code id} or {@code id/DIMENSION}), field ({@link #NOW} 2015/16,
     * {@link #BEFORE} 2014/15, {@link #CHANGE} % change), the service's exact text, the report's printed
     * figure. The service gives one decimal place; it must round (half up) to the report's precision.
     */
    private static final List<Seed> SEED = List.of(
            // 2.2 table 1: context, 2014/15 -> 2015/16 (% change)
            seed("2.2 table 1 referrals", "context.referrals", NOW, "3953", "3953"),
            seed("2.2 table 1 referrals", "context.referrals", BEFORE, "4635", "4635"),
            seed("2.2 table 1 referrals", "context.referrals", CHANGE, "-14.7", "-15"),
            seed("2.2 table 1 single assessments", "context.single_assessments", NOW, "2139", "2139"),
            seed("2.2 table 1 single assessments", "context.single_assessments", BEFORE, "3671", "3671"),
            seed("2.2 table 1 single assessments", "context.single_assessments", CHANGE, "-41.7", "-42"),
            seed("2.2 table 1 children in care", "context.children_in_care", NOW, "470", "470"),
            seed("2.2 table 1 children in care", "context.children_in_care", BEFORE, "472", "472"),
            // The report prints -0.5%, but 2/472 is -0.42%: its own rounding slip, not followed.
            seed("2.2 table 1 children in care", "context.children_in_care", CHANGE, "-0.4", "-0.4"),
            seed("2.2 table 1 child protection plans", "context.child_protection_plans", NOW, "347", "347"),
            seed("2.2 table 1 child protection plans", "context.child_protection_plans", BEFORE, "398", "398"),
            seed("2.2 table 1 child protection plans", "context.child_protection_plans", CHANGE, "-12.8", "-13"),
            // 2.2: 65 stage 1 complaints, a 14% increase on 57; 1.6% of referrals (1.2% in 2014-15)
            seed("2.2 stage 1 received", "stage1.received", NOW, "65", "65"),
            seed("2.2 stage 1 received", "stage1.received", BEFORE, "57", "57"),
            seed("2.2 stage 1 received, 14% increase", "stage1.received", CHANGE, "14.0", "14"),
            seed("2.2 complaints as % of referrals", "stage1.referral.rate", NOW, "1.6%", "1.6%"),
            seed("2.2 complaints as % of referrals", "stage1.referral.rate", BEFORE, "1.2%", "1.2%"),
            // 2.3: 7 stage 2 requests, two fewer than the year before, an 11% escalation rate
            seed("2.3 stage 2 requests", "stage2.received", NOW, "7", "7"),
            seed("2.3 stage 2 requests, two fewer", "stage2.received", BEFORE, "9", "9"),
            seed("2.3 escalation rate", "escalation.rate", NOW, "10.8%", "11%"),
            // 2.3: of the seven, two withdrew and three are open (at 31 March 2016)
            seed("2.3 stage 2 withdrawn", "stage2.withdrawn", NOW, "2", "2"),
            seed("2.3 stage 2 open at 31 March", "stage2.open", NOW, "3", "3"),
            // 3.2: three stage 2 adjudications, one within 65 working days
            seed("3.2 stage 2 adjudicated", "stage2.responded", NOW, "3", "3"),
            seed("3.2 stage 2 adjudicated", "stage2.timeliness.total", NOW, "3", "3"),
            seed("3.2 stage 2 within 65 working days", "stage2.timeliness.within65", NOW, "1", "1"),
            // 2.3: three stage 3 requests; one closed by mediation, two completed the process
            seed("2.3 stage 3 requests", "stage3.received", NOW, "3", "3"),
            seed("2.3 stage 3 closed after mediation", "stage3.withdrawn", NOW, "1", "1"),
            seed("2.3 stage 3 completed", "stage3.responded", NOW, "2", "2"),
            // 2.5: 25 compliments (31 the year before)
            seed("2.5 compliments", "compliments.received", NOW, "25", "25"),
            seed("2.5 compliments", "compliments.received", BEFORE, "31", "31"),
            // 3.4: six complaints by children and young people, 9% (12% last year); the remaining 59
            seed("3.4 by children", "complainant.children", NOW, "6", "6"),
            seed("3.4 by children", "complainant.children.rate", NOW, "9.2%", "9%"),
            seed("3.4 by children, last year", "complainant.children.rate", BEFORE, "12.3%", "12%"),
            seed("3.4 by others", "complainant.others", NOW, "59", "59"),
            // 3.5 table 7: 23% upheld (11% fully, 12% partly), 33% in 2014-15
            seed("3.5 upheld", "stage1.upheld.rate", NOW, "23.1%", "23%"),
            seed("3.5 upheld, 2014-15", "stage1.upheld.rate", BEFORE, "33.3%", "33%"),
            seed("3.5 fully upheld", "stage1.outcome.totally_upheld.rate", NOW, "10.8%", "11%"),
            seed("3.5 partly upheld", "stage1.outcome.partly_upheld.rate", NOW, "12.3%", "12%"),
            // 5.1: fifteen complaints partly or fully upheld, an apology in all cases
            seed("5.1 upheld complaints", "stage1.upheld", NOW, "15", "15"),
            seed("5.1 upheld complaints reviewed", "actions.upheld_complaints", NOW, "15", "15"),
            seed("5.1 apology in all cases", "actions.taken/APOLOGY", NOW, "15", "15"),
            seed("5.1 financial re-imbursement in 3 cases", "actions.taken/REIMBURSEMENT", NOW, "3", "3"),
            // 5.1 table 9 "the remaining 7 cases" (not 15 - 6 = 9): NOTES.md, "Actions beyond an apology"
            seed("5.1 table 9 remaining cases", "actions.beyond_apology", NOW, "7", "7"),
            // 4: eight conciliation meetings, six resolved; one external mediation, which prevented a stage 2
            seed("4 conciliation meetings", "adr.conciliation.held", NOW, "8", "8"),
            seed("4 conciliation meetings resolved", "adr.conciliation.resolved", NOW, "6", "6"),
            seed("4 external mediation", "adr.mediation.held", NOW, "1", "1"),
            seed("4 mediation prevented a stage 2", "adr.mediation.prevented_escalation", NOW, "1", "1"),
            // 6: 10 new Ombudsman enquiries, 9 decisions, fault in two, one £300 payment (cases 1 to 9)
            seed("6 Ombudsman enquiries", "ombudsman.enquiries", NOW, "10", "10"),
            seed("6 Ombudsman decisions", "ombudsman.decisions", NOW, "9", "9"),
            seed("6 fault found", "ombudsman.fault_found", NOW, "2", "2"),
            seed("6 case 6 payment", "ombudsman.remedies", NOW, "£300", "£300"),
            seed("6 cases 1,4,5,7,8,9", "ombudsman.decisions.by_outcome/CLOSED_AFTER_INITIAL_ENQUIRIES", NOW, "6",
                    "6"),
            seed("6 case 2", "ombudsman.decisions.by_outcome/NOT_UPHELD", NOW, "1", "1"),
            seed("6 case 3", "ombudsman.decisions.by_outcome/UPHELD_MALADMINISTRATION_NO_INJUSTICE", NOW, "1", "1"),
            seed("6 case 6", "ombudsman.decisions.by_outcome/UPHELD_MALADMINISTRATION_INJUSTICE", NOW, "1", "1"),
            // 4 table 8: total spend
            seed("4 table 8 total", "costs.total", NOW, "£15,130", "£15,130"),
            seed("4 table 8 total", "costs.total", BEFORE, "£13,130", "£13,130"));

    /** 3.3 table 6: cause, resolved, upheld, the service's uphold rate, the report's uphold rate. */
    private static final List<List<String>> TABLE_6 = List.of(
            List.of("Sensitivity / empathy of staff", "11", "2", "18.2%", "18%"),
            List.of("Professional judgement / decision making", "11", "2", "18.2%", "18%"),
            List.of("Quality of our work", "8", "3", "37.5%", "38%"),
            List.of("Delays in providing services", "8", "6", "75.0%", "75%"),
            List.of("Multiple causes", "7", "3", "42.9%", "43%"),
            List.of("Our fairness to you", "4", "1", "25.0%", "25%"),
            List.of("Keeping informed", "3", "1", "33.3%", "33%"),
            List.of("Politeness, openness and honesty", "2", "1", "50.0%", "50%"),
            List.of("Accessibility of our services", "2", "1", "50.0%", "50%"),
            List.of("Clarity / accuracy of information", "1", "0", "0.0%", "0%"));

    /** 4 table 8: spend, 2013/14, 2014/15, 2015/16 (the report rounds to £10; the fixture is exact). */
    private static final List<List<String>> TABLE_8 = List.of(
            List.of("Independent Persons", "£4,040", "£2,870", "£3,910"),
            List.of("Investigating Officers", "£7,160", "£7,430", "£8,200"),
            List.of("Stage 3 panels", "£0", "£2,410", "£1,790"),
            List.of("Mediation", "£900", "£420", "£930"),
            List.of("Financial redress", "£0", "£0", "£300"),
            List.of("Total", "£12,100", "£13,130", "£15,130"));

    private static SeedService service;
    private static Map<String, JsonNode> kpis;

    @BeforeAll
    static void readFigures(SeedService seedService) {
        service = seedService;
        kpis = service.kpis("year=2015/16");
    }

    record Seed(String section, String kpi, String field, String service, String report) {
    }

    private static Seed seed(String section, String kpi, String field, String service, String report) {
        return new Seed(section, kpi, field, service, report);
    }

    @Test
    void every_figure_the_seed_report_states_for_2015_16() {
        assertThat(service.json("/api/v1/kpis?year=2015/16").get("priorPeriod").get("label").asText())
                .isEqualTo("2014/15");
        assertSoftly(softly -> {
            for (Seed figure : SEED) {
                JsonNode row = kpis.get(figure.kpi());
                softly.assertThat(row).as("%s: no KPI %s", figure.section(), figure.kpi()).isNotNull();
                if (row == null) {
                    continue;
                }
                String shown = row.get(figure.field()).asText();
                softly.assertThat(shown).as("%s: %s %s", figure.section(), figure.kpi(), figure.field())
                        .isEqualTo(figure.service());
                softly.assertThat(roundedLike(shown, figure.report()))
                        .as("%s: %s %s rounds to the report's %s", figure.section(), figure.kpi(), figure.field(),
                                figure.report())
                        .isEqualTo(number(figure.report()));
            }
        });
    }

    @Test
    void the_open_route_agrees_three_stage_2_complaints_were_open_on_31_march_2016() {
        JsonNode open = service.json("/api/v1/kpis/open?at=2016-03-31");
        assertThat(open.at("/openByStage/2").asLong()).isEqualTo(3);
        // NOTES.md: the three complaints received in March 2016 are still open at stage 1.
        assertThat(open.at("/openByStage/1").asLong()).isEqualTo(3);
    }

    @Test
    void table_6_causes_resolved_and_upheld_with_uphold_rates() {
        JsonNode table = service.json("/api/v1/tables/table9?year=2015/16");
        Map<String, List<String>> shown = new LinkedHashMap<>();
        for (JsonNode row : table.get("rows")) {
            if (!row.get("2015/16 resolved").asText().equals("0")) {
                shown.put(row.get("Cause").asText(), List.of(row.get("2015/16 resolved").asText(),
                        row.get("2015/16 upheld").asText(), row.get("2015/16 uphold rate").asText()));
            }
        }
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (List<String> cause : TABLE_6) {
            expected.put(cause.get(0), cause.subList(1, 4));
            assertThat(roundedLike(cause.get(3), cause.get(4))).as(cause.get(0)).isEqualTo(number(cause.get(4)));
        }
        assertThat(shown).containsExactlyInAnyOrderEntriesOf(expected);
        // NOTES.md, "Upheld causes 20 vs upheld complaints 15": causes count findings, not complaints.
        assertThat(TABLE_6.stream().mapToInt(c -> Integer.parseInt(c.get(1))).sum()).isEqualTo(57);
        assertThat(TABLE_6.stream().mapToInt(c -> Integer.parseInt(c.get(2))).sum()).isEqualTo(20);
    }

    @Test
    void table_8_costs_for_three_years_to_the_pound() {
        JsonNode table = service.json("/api/v1/tables/table11?year=2015/16");
        assertThat(table.get("columns")).extracting(JsonNode::asText)
                .containsExactly("Spend", "Total 2013/14", "Total 2014/15", "Total 2015/16");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : table.get("rows")) {
            rows.add(List.of(row.get("Spend").asText(), row.get("Total 2013/14").asText(),
                    row.get("Total 2014/15").asText(), row.get("Total 2015/16").asText()));
        }
        assertThat(rows).isEqualTo(TABLE_8);
    }

    @Test
    void the_annual_report_json_carries_the_figures_with_exact_values() {
        Report report = Report.of(service.json("/api/v1/reports/annual?year=2015/16"));
        assertThat(report.json().get("year").asText()).isEqualTo("2015/16");
        assertThat(report.json().get("publicOutput").asBoolean()).isFalse();
        assertThat(report.text("table1", "Referrals to children's social care", "2015/16")).isEqualTo("3953");
        assertThat(report.text("table2", "Stage 1 complaints", "2015/16")).isEqualTo("65");
        assertThat(report.text("table2", "Stage 1 complaints", "% change")).isEqualTo("+14.0%");
        assertThat(report.value("table2", "Stage 1 complaints", "% change")).isEqualByComparingTo("14.0");
        assertThat(report.text("table2", "Stage 1 complaints as % of referrals", "2015/16")).isEqualTo("1.6%");
        assertThat(report.text("table2", "Stage 3 requests", "2015/16")).isEqualTo("3");
        assertThat(report.text("table3", "Open at stage 2 at year end", "2015/16")).isEqualTo("3");
        assertThat(report.text("table6", "Children and young people", "2015/16 %")).isEqualTo("9.2%");
        assertThat(report.text("table8", "Stage 2: within 65 working days", "2015/16")).isEqualTo("1");
        assertThat(report.text("table10", "Upheld (totally or partly)", "2015/16")).isEqualTo("15");
        assertThat(report.text("table10", "Upheld (totally or partly)", "2015/16 %")).isEqualTo("23.1%");
        assertThat(report.value("table10", "Upheld (totally or partly)", "2015/16 %")).isEqualByComparingTo("23.1");
        assertThat(report.text("table10", "Upheld (totally or partly)", "2014/15 %")).isEqualTo("33.3%");
        assertThat(report.text("table11", "Total", "Total 2015/16")).isEqualTo("£15,130");
        assertThat(report.value("table11", "Total", "Total 2015/16")).isEqualByComparingTo("1513000");
        assertThat(report.text("table5", "Total", "2015/16")).isEqualTo("25");
        assertThat(report.text("table13", "Remedies paid", "2015/16")).isEqualTo("£300");
        assertThat(report.text("table13", "Fault found", "2015/16")).isEqualTo("2");
        assertThat(report.text("table14", "Conciliation meetings that resolved the complaint", "2015/16")).isEqualTo("6");
    }

    @Test
    void the_annual_report_csv_is_the_json_report_cell_for_cell() {
        Report report = Report.of(service.json("/api/v1/reports/annual?year=2015/16"));
        SeedService.Response csv = service.get("/api/v1/reports/annual?year=2015/16&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<List<String>> lines = Csv.parse(csv.text());
        assertThat(lines.get(0)).containsExactly("table", "row", "column", "value");
        // What the report rests on comes first (warning, generated at, events up to, settings), then the cells.
        List<List<String>> about = lines.subList(1, 8);
        assertThat(about).extracting(l -> l.get(0)).containsOnly("About this report");
        assertThat(about).extracting(l -> l.get(1)).containsExactly("Warning", "Generated at", "Events up to",
                "Stage 2 clock starts at", "Extra closure days", "Extra working days", "Publication");
        assertThat(lines.subList(8, lines.size())).isEqualTo(report.longForm());
        assertThat(lines).contains(
                List.of("Table 2: Statutory children's complaints received", "Stage 1 complaints", "2015/16", "65"),
                List.of("Table 7: Stage 1 outcomes (complaints resolved in the year)", "Upheld (totally or partly)",
                        "2015/16 %", "23.1%"),
                List.of("Table 8: Costs incurred through the complaints procedure", "Total", "Total 2015/16",
                        "£15,130"));
    }

    @Test
    void public_output_hides_small_counts_and_keeps_large_ones() {
        Map<String, JsonNode> published = service.kpis("year=2015/16&public=true");
        assertThat(published.get("stage3.received").get("text").asText()).isEqualTo("c");
        assertThat(published.get("stage3.received").get("value").isNull()).isTrue();
        assertThat(published.get("stage3.escalation.rate").get("text").asText()).isEqualTo("c");
        assertThat(published.get("ombudsman.fault_found").get("text").asText()).isEqualTo("c");
        assertThat(published.get("stage1.received").get("text").asText()).isEqualTo("65");
        assertThat(published.get("stage1.received").get("percentChange").asText()).isEqualTo("14.0");
        assertThat(published.get("stage2.received").get("text").asText()).isEqualTo("7");
        assertThat(published.get("compliments.received").get("text").asText()).isEqualTo("25");
        assertThat(published.get("stage1.upheld.rate").get("text").asText()).isEqualTo("23.1%");
        // Money counts spend, not people: never suppressed.
        assertThat(published.get("costs.total").get("text").asText()).isEqualTo("£15,130");
        assertThat(published.get("ombudsman.remedies").get("text").asText()).isEqualTo("£300");

        Report report = Report.of(service.json("/api/v1/reports/annual?year=2015/16&public=true"));
        assertThat(report.json().get("publicOutput").asBoolean()).isTrue();
        assertThat(report.text("table2", "Stage 3 requests", "2015/16")).isEqualTo("c");
        assertThat(report.text("table2", "Stage 1 complaints", "2015/16")).isEqualTo("65");
        assertThat(report.text("table11", "Total", "Total 2015/16")).isEqualTo("£15,130");
        assertThat(report.counts()).as("no count from 1 to 5 is published")
                .noneMatch(count -> count >= 1 && count <= 5);
        assertThat(report.counts()).contains(65L, 25L, 3953L);

        String csv = service.get("/api/v1/reports/annual?year=2015/16&format=csv&public=true").text();
        assertThat(Csv.parse(csv)).contains(
                List.of("Table 2: Statutory children's complaints received", "Stage 3 requests", "2015/16", "c"),
                List.of("Table 2: Statutory children's complaints received", "Stage 1 complaints", "2015/16", "65"));
    }

    /** {@code shown} rounded half up to as many decimals as {@code report} has, for comparison with it. */
    private static BigDecimal roundedLike(String shown, String report) {
        return number(shown).setScale(number(report).scale(), RoundingMode.HALF_UP);
    }

    private static BigDecimal number(String text) {
        return new BigDecimal(text.replaceAll("[£%,+]", ""));
    }
}
