package io.complaintskpi.report;

import io.complaintskpi.contributions.Metric;
import io.complaintskpi.disclosure.Cell;
import io.complaintskpi.figures.FigureSettings;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.testing.SeedFixture;
import io.complaintskpi.testing.Buckets;

import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Stage2ClockStart;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.complaintskpi.testing.SeedFixture.LEICS;
import static org.assertj.core.api.Assertions.assertThat;

class AnnualReportTest {

    private static final FinancialYear YEAR = FinancialYear.parse("2015/16");
    private final KpiEvaluator catalogue = new KpiEvaluator(SeedFixture.reader());
    private static final Instant GENERATED = Instant.parse("2026-11-30T12:00:00Z");
    private static final FigureSettings REQUEST_CLOCK = new FigureSettings(Stage2ClockStart.REQUEST,
            List.of(LocalDate.parse("2015-12-29"), LocalDate.parse("2015-12-30")), List.of(LocalDate.parse("2016-05-02")));
    private final AnnualReport internal = build(catalogue, LEICS, false);
    private final AnnualReport published = build(catalogue, LEICS, true);

    private static AnnualReport build(KpiEvaluator catalogue, String authority, boolean publicOutput) {
        return AnnualReport.build(catalogue, authority, code -> code, YEAR, publicOutput, REQUEST_CLOCK, GENERATED,
                Commentary.NONE);
    }

    private static List<String> row(AnnualReport report, String table, String label) {
        return report.table(table).orElseThrow().rows().stream().filter(r -> r.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + label + "' in " + table))
                .cells().stream().map(Cell::text).toList();
    }

    @Test
    void hasTheSeedReportsTablesInOrder() {
        assertThat(internal.tables()).extracting(ReportTable::id).containsExactly("table1", "table2", "table3",
                "table4", "table5", "table6", "table7", "table8", "table9", "table10", "table11", "table12",
                "table13", "table14", "table15");
        assertThat(internal.year()).isEqualTo("2015/16");
        assertThat(internal.priorYear()).isEqualTo("2014/15");
    }

    @Test
    void tablesShowThePriorYearBesideTheCurrentOne() {
        assertThat(internal.table("table1").orElseThrow().columns()).containsExactly("Measure", "2014/15", "2015/16",
                "% change");
        assertThat(row(internal, "table1", "Referrals to children's social care"))
                .containsExactly("Referrals to children's social care", "4635", "3953", "-14.7%");
        assertThat(row(internal, "table2", "Stage 1 complaints")).containsExactly("Stage 1 complaints", "0", "57",
                "65", "+8", "+14.0%");
        assertThat(internal.table("table2").orElseThrow().columns()).as("three years of volumes, oldest first")
                .containsExactly("Measure", "2013/14", "2014/15", "2015/16", "Change", "% change");
        assertThat(internal.table("table2").orElseThrow().chart().columns()).containsExactly(1, 2, 3);
        assertThat(row(internal, "table2", "Stage 1 complaints as % of referrals")).containsExactly(
                "Stage 1 complaints as % of referrals", "x", "1.2%", "1.6%", "+0.4 pp", "z");
        assertThat(row(internal, "table7", "Within 20 working days")).containsExactly("Within 20 working days", "50",
                "90.9%", "55", "90.2%");
        assertThat(row(internal, "table10", "Upheld (totally or partly)")).containsExactly(
                "Upheld (totally or partly)", "18", "32.7%", "15", "23.1%");
        assertThat(row(internal, "table9", "Delays in providing services")).containsExactly(
                "Delays in providing services", "0", "z", "8", "6", "75.0%");
        assertThat(row(internal, "table6", "Children and young people")).containsExactly("Children and young people",
                "7", "12.3%", "6", "9.2%");
        assertThat(row(internal, "table4", "Total")).containsExactly("Total", "57", "65", "+8");
        assertThat(row(internal, "table13", "Fault found, % of decisions")).containsExactly(
                "Fault found, % of decisions", "z", "22.2%");
        assertThat(row(internal, "table13", "Remedies paid")).containsExactly("Remedies paid", "£0", "£300");
        assertThat(row(internal, "table14", "Conciliation meetings that resolved the complaint, %")).containsExactly(
                "Conciliation meetings that resolved the complaint, %", "z", "75.0%");
    }

    @Test
    void table8ShowsThreeYearsOfExactCostsInPounds() {
        ReportTable costs = internal.table("table11").orElseThrow();
        assertThat(costs.columns()).containsExactly("Spend", "Total 2013/14", "Total 2014/15", "Total 2015/16");
        assertThat(row(internal, "table11", "Independent Persons")).containsExactly("Independent Persons", "£4,040",
                "£2,870", "£3,910");
        assertThat(row(internal, "table11", "Total")).containsExactly("Total", "£12,100", "£13,130", "£15,130");
        assertThat(row(published, "table11", "Financial redress")).containsExactly("Financial redress", "£0", "£0",
                "£300");
    }

    @Test
    void thePublishedVersionSuppressesSmallNumbers() {
        assertThat(row(published, "table2", "Stage 2 requests")).containsExactly("Stage 2 requests", "0", "9", "7",
                "-2", "-22.2%");
        assertThat(row(published, "table2", "Stage 3 requests")).containsExactly("Stage 3 requests", "0", "c", "c",
                "c", "c");
        // Six is above the threshold: shown. In 2014/15, 2 complaints were open at stage 1 at 31 March: none the
        // year before, 57 received, 55 resolved would give it away. Complaints received are a headline measure, so
        // the resolved side is hidden instead and the received, with their split, stay shown.
        assertThat(row(published, "table2", "Stage 1 complaints")).containsExactly("Stage 1 complaints", "0", "57",
                "65", "+8", "+14.0%");
        assertThat(row(published, "table6", "Children and young people")).containsExactly("Children and young people",
                "7", "12.3%", "6", "9.2%");
        assertThat(row(published, "table3", "Open at stage 1 at year end").subList(1, 2)).containsExactly("c");
        // Withdrawn (4) is small. Hiding another outcome would not protect it (complaints resolved less table 7's
        // responses is the withdrawn), so the complaints resolved are hidden, and every percentage of them.
        assertThat(row(published, "table10", "Withdrawn")).containsExactly("Withdrawn", "0", "c", "c", "c");
        assertThat(row(published, "table10", "Stage 1 complaints resolved").subList(3, 4)).containsExactly("c");
        assertThat(row(published, "table10", "No finding")).containsExactly("No finding", "0", "c", "6", "c");
        assertThat(row(published, "table10", "Not upheld")).containsExactly("Not upheld", "c", "c", "40", "c");
        // Stage 1 within 20 working days is a headline measure: the responses timed are hidden in its place.
        assertThat(row(published, "table7", "Within 20 working days")).containsExactly("Within 20 working days",
                "50", "c", "55", "90.2%");
        assertThat(row(published, "table7", "Stage 1 responses").subList(1, 2)).containsExactly("c");
        assertThat(row(published, "table9", "Delays in providing services")).containsExactly(
                "Delays in providing services", "0", "z", "8", "6", "75.0%");
        assertThat(row(published, "table9", "Our fairness to you")).containsExactly("Our fairness to you", "0", "z",
                "c", "c", "c");
        // The two small areas (2 + 2) hide each other; nothing else has to go.
        assertThat(row(published, "table4", "Strengthening Families").subList(2, 4)).containsExactly("c", "c");
        assertThat(row(published, "table4", "First Response").subList(2, 4)).containsExactly("11", "+11");
        assertThat(published.notes()).anySatisfy(n -> assertThat(n).contains("c = a count from 1 to 5"));
        assertThat(internal.notes()).anySatisfy(n -> assertThat(n).contains("not for publication"));
    }

    @Test
    void aContextFigureNotYetRecordedIsNotAvailableNotZero() {
        Buckets b = new Buckets("A").add(Metric.CONTEXT, "REFERRALS", "2014-04-01", 4635)
                .add(Metric.received(io.complaintskpi.events.Regime.CHILDREN, 1), Metric.ALL, "2015-06-01", 65);
        AnnualReport report = build(new KpiEvaluator(b.reader()), "A", true);
        // Recorded last year, not yet this year: x, and no -100% change.
        assertThat(row(report, "table1", "Referrals to children's social care"))
                .containsExactly("Referrals to children's social care", "4635", "x", "x");
        // Never recorded: x in both years, and so is the rate over it.
        assertThat(row(report, "table1", "Single assessments")).containsExactly("Single assessments", "x", "x", "x");
        assertThat(row(report, "table2", "Stage 1 complaints as % of referrals"))
                .containsExactly("Stage 1 complaints as % of referrals", "x", "0.0%", "x", "x", "z");
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("x = not available"));
    }

    @Test
    void rowsThatAreZeroInBothYearsAreShown() {
        // Service change was never an action in the seed years: its row is there, at 0.
        assertThat(row(published, "table12", "Service change")).containsExactly("Service change", "0", "0");
        assertThat(row(published, "table13", "Decision: Premature (referred back for local resolution)"))
                .containsExactly("Decision: Premature (referred back for local resolution)", "0", "0");
    }

    @Test
    void csvHasOneLinePerCellWithRfc4180Quoting() {
        String csv = AnnualReportCsv.render(internal);
        assertThat(csv).startsWith("table,row,column,value\r\n");
        assertThat(csv).contains("Table 1: Context - activity of children's social care,"
                + "Referrals to children's social care,2014/15,4635\r\n");
        assertThat(csv).contains("Table 11: Costs incurred through the complaints procedure,Total,Total 2013/14,"
                + "\"£12,100\"\r\n");
        assertThat(csv).contains("\"Politeness, openness and honesty\"");
        assertThat(csv).endsWith("\r\n");
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void csvFieldsAreQuotedOnlyWhenTheyMustBe() {
        assertThat(AnnualReportCsv.field("plain")).isEqualTo("plain");
        assertThat(AnnualReportCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(AnnualReportCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AnnualReportCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AnnualReportCsv.field("cr\r")).isEqualTo("\"cr\r\"");
        assertThat(AnnualReportCsv.field("")).isEmpty();
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsAFormulaAreNeutralised() {
        Buckets b = new Buckets(LEICS).add(Metric.serviceArea(io.complaintskpi.events.Regime.CHILDREN),
                "=HYPERLINK(\"http://evil.example\",\"click\")", "2015-06-01", 9);
        String csv = AnnualReportCsv.render(build(new KpiEvaluator(b.reader()), LEICS, false));
        List<List<String>> cells = Csv.parse(csv);
        assertThat(cells).anySatisfy(r -> assertThat(r.get(1)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")"));
        assertThat(cells).allSatisfy(r -> r.forEach(cell -> assertThat(cell).doesNotStartWith("=")
                .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r")));
        for (String hostile : List.of("=1+1", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1")) {
            assertThat(AnnualReportCsv.neutralise(hostile)).isEqualTo("'" + hostile);
        }
        // Figures keep their sign: a change or a negative amount is data a spreadsheet does not run.
        for (String figure : List.of("-14.7%", "+8", "-0.4 pp", "+£1,000", "-£300", "plain", "")) {
            assertThat(AnnualReportCsv.neutralise(figure)).isEqualTo(figure);
        }
    }

    @Test
    void htmlIsAPrintablePageWithEveryTable() {
        String html = AnnualReportHtml.render(published);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("@media print")
                .contains("<h1>E10000018: children&#39;s social care statutory complaints, annual report 2015/16</h1>")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=");
        for (ReportTable table : published.tables()) {
            assertThat(html).contains("<section id=\"" + table.id() + "\">")
                    .contains("<caption>" + AnnualReportHtml.escape(table.title()) + "</caption>");
        }
        assertThat(html).contains("<th scope=\"col\" class=\"num\">2014/15</th>")
                .contains("<td class=\"num\">£15,130</td>")
                .contains("<td class=\"num\">c</td>")
                .contains("Fostering &amp; Adoption")
                .contains("<footer>").contains("resolved in the year").contains("z = not applicable");
    }

    @Test
    void htmlEscapesEverythingItIsGiven() {
        assertThat(AnnualReportHtml.escape("<b>\"A&B\" 'c'</b>"))
                .isEqualTo("&lt;b&gt;&quot;A&amp;B&quot; &#39;c&#39;&lt;/b&gt;");
        Buckets b = new Buckets("<script>")
                .add(Metric.serviceArea(io.complaintskpi.events.Regime.CHILDREN), "<img src=x onerror=alert(1)>",
                        "2015-06-01", 9);
        AnnualReport hostile = build(new KpiEvaluator(b.reader()), "<script>", false);
        String html = AnnualReportHtml.render(hostile);
        assertThat(html).doesNotContain("<script>").doesNotContain("<img")
                .contains("&lt;img src=x onerror=alert(1)&gt;").contains("&lt;script&gt;: children");
    }

    @Test
    void everyFormatStatesWhenItWasMadeWhatDataItReflectsAndTheSettingsBehindItsFigures() throws Exception {
        assertThat(internal.provenance().generatedAt()).isEqualTo(GENERATED);
        assertThat(internal.provenance().dataUpTo()).isBetween(YEAR.start(), YEAR.end());
        Buckets late = new Buckets(LEICS)
                .add(Metric.received(io.complaintskpi.events.Regime.CHILDREN, 1), Metric.ALL, "2015-06-01", 9)
                .add(Metric.closed(io.complaintskpi.events.Regime.CHILDREN, 2), "UPHELD", "2016-02-10", 1)
                .add(Metric.received(io.complaintskpi.events.Regime.CHILDREN, 1), Metric.ALL, "2016-04-02", 1);
        assertThat(build(new KpiEvaluator(late.reader()), LEICS, false).provenance().dataUpTo())
                .isEqualTo("2016-02-10");
        assertThat(internal.provenance().settings()).isEqualTo(REQUEST_CLOCK);
        String json = io.complaintskpi.events.EventCodec.MAPPER.writeValueAsString(internal);
        String csv = AnnualReportCsv.render(internal);
        String html = AnnualReportHtml.render(internal);
        for (String text : List.of(json, csv, html)) {
            assertThat(text).contains(text == json ? "2026-11-30T12:00:00Z" : "30 November 2026 at 12:00").contains(internal.provenance().dataUpTo().toString())
                    .contains("2015-12-29").contains("2015-12-30").contains("2016-05-02")
                    .containsIgnoringCase("request");
        }
        assertThat(csv).contains("About this report,Stage 2 clock starts at,,the request for stage 2\r\n")
                .contains("About this report,Publication,,not for publication: small numbers shown\r\n");
        assertThat(AnnualReportCsv.render(published)).contains("About this report,Publication,,public copy");
    }

    @Test
    void everyTableIsNumberedInDocumentOrderTheSameInTitleIdAndEveryFormat() throws Exception {
        String csv = AnnualReportCsv.render(internal);
        String html = AnnualReportHtml.render(internal);
        String json = io.complaintskpi.events.EventCodec.MAPPER.writeValueAsString(internal);
        for (int i = 0; i < internal.tables().size(); i++) {
            ReportTable table = internal.tables().get(i);
            assertThat(table.number()).isEqualTo(i + 1);
            assertThat(table.id()).isEqualTo("table" + (i + 1));
            assertThat(table.title()).startsWith("Table " + (i + 1) + ": ");
            assertThat(csv).contains(AnnualReportCsv.field(table.title()) + ",");
            assertThat(html).contains("<section id=\"table" + (i + 1) + "\">\n<table>\n<caption>Table " + (i + 1) + ": ");
            assertThat(json).contains("\"id\":\"table" + (i + 1) + "\",\"number\":" + (i + 1) + ",\"title\":\"Table "
                    + (i + 1) + ": ");
        }
        assertThat(internal.tables()).extracting(ReportTable::title).noneMatch(title -> title.contains("Tables"));
    }

    @Test
    void theCumulativeTimelinessBandsSaySoInTheirColumnHeading() {
        assertThat(internal.table("table7").orElseThrow().columns().get(0))
                .isEqualTo("Response time (cumulative bands)");
        assertThat(internal.table("table8").orElseThrow().columns().get(0))
                .isEqualTo("Response time (stage 2 bands cumulative)");
    }

    @Test
    void eachSymbolIsExplainedBesideTheFirstTableThatUsesIt() {
        for (AnnualReport report : List.of(internal, published)) {
            java.util.Set<String> explained = new java.util.HashSet<>();
            for (ReportTable table : report.tables()) {
                java.util.Set<String> used = new java.util.TreeSet<>();
                table.rows().forEach(row -> row.cells().stream()
                        .filter(cell -> SymbolKey.MEANINGS.containsKey(cell.kind())).forEach(cell -> used.add(cell.text())));
                java.util.Set<String> fresh = new java.util.TreeSet<>(used);
                fresh.removeAll(explained);
                assertThat(table.key()).as(table.title()).extracting(line -> line.substring(0, 1))
                        .containsExactlyInAnyOrderElementsOf(fresh);
                explained.addAll(used);
            }
        }
        // The seed's public copy first suppresses in table 1 or 2: c is explained there, and z on table 1's change.
        assertThat(published.tables().get(1).key()).anySatisfy(line -> assertThat(line).startsWith("c = a count"));
        assertThat(AnnualReportHtml.render(published)).contains("<p class=\"key\"><strong>Key:</strong> ");
    }

    @Test
    void theGenerationTimeReadsAsADateInLondon() {
        AnnualReport summer = AnnualReport.build(catalogue, LEICS, code -> code, YEAR, false, REQUEST_CLOCK,
                Instant.parse("2026-07-06T12:28:00Z"), Commentary.NONE);
        assertThat(summer.about().get(0)).containsExactly("Generated on", "6 July 2026 at 13:28");
        assertThat(internal.about().get(0)).containsExactly("Generated on", "30 November 2026 at 12:00");
    }

    @Test
    void theTitleNamesTheAuthorityWithItsCode() {
        AnnualReport named = AnnualReport.build(catalogue, LEICS, code -> "Leicestershire County Council", YEAR,
                false, REQUEST_CLOCK, GENERATED, Commentary.NONE);
        assertThat(named.title()).isEqualTo("Leicestershire County Council (E10000018): children's social care"
                + " statutory complaints, annual report 2015/16");
    }

    @Test
    void aCopyWithSmallNumbersCarriesAProminentWarningInEveryFormatAndThePublicCopyNone() {
        assertThat(internal.warning()).startsWith("NOT FOR PUBLICATION: small numbers are shown");
        assertThat(published.warning()).isNull();
        String html = AnnualReportHtml.render(internal);
        assertThat(html.indexOf("<p class=\"warning\" role=\"alert\">NOT FOR PUBLICATION"))
                .isPositive().isLessThan(html.indexOf("<main>"));
        assertThat(AnnualReportCsv.render(internal).lines().skip(1).findFirst().orElseThrow())
                .startsWith("About this report,Warning,,NOT FOR PUBLICATION");
        assertThat(AnnualReportHtml.render(published)).doesNotContain("class=\"warning\"");
    }

    @Test
    void notesCiteTheRegulationsNotTheSeedReport() {
        for (AnnualReport report : List.of(internal, published)) {
            assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("SI 2006/1738"));
            assertThat(String.join(" ", report.notes())).doesNotContainIgnoringCase("seed");
        }
    }

    @Test
    void onlyHtmlGroupsThousands() throws Exception {
        assertThat(AnnualReportHtml.render(internal)).contains("<td class=\"num\">4,635</td>");
        assertThat(AnnualReportCsv.render(internal)).contains(",2014/15,4635\r\n");
        assertThat(io.complaintskpi.events.EventCodec.MAPPER.writeValueAsString(internal))
                .contains("\"text\":\"4635\"");
        assertThat(AnnualReportHtml.grouped("+12345")).isEqualTo("+12,345");
        assertThat(AnnualReportHtml.grouped("1234.5678%")).isEqualTo("1,234.5678%");
        assertThat(AnnualReportHtml.grouped("£12,100")).isEqualTo("£12,100");
        assertThat(AnnualReportHtml.grouped("999")).isEqualTo("999");
    }
}
