package io.complaintskpi.report;

import io.complaintskpi.disclosure.Cell;
import io.complaintskpi.figures.FigureSettings;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Stage2ClockStart;
import io.complaintskpi.testing.SeedFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartTest {

    private static final Pattern BAR = Pattern.compile("<rect x=\"230\" y=\"\\d+\" width=\"(\\d+)\" height=\"14\"");

    private static AnnualReport report(boolean publicOutput) {
        return AnnualReport.build(new KpiEvaluator(SeedFixture.reader()), SeedFixture.LEICS, code -> code,
                FinancialYear.parse("2015/16"), publicOutput,
                new FigureSettings(Stage2ClockStart.STATEMENT_AGREED, List.of(), List.of()),
                Instant.parse("2026-12-06T13:28:00Z"), Commentary.NONE);
    }

    @Test
    void volumesTimelinessCausesOutcomesAndCostsHaveChartsEachBesideItsTable() {
        AnnualReport report = report(false);
        assertThat(report.tables().stream().filter(t -> t.chart() != null).map(ReportTable::title))
                .hasSize(5).anySatisfy(t -> assertThat(t).contains("complaints received"))
                .anySatisfy(t -> assertThat(t).contains("Stage 1 response times"))
                .anySatisfy(t -> assertThat(t).contains("causes"))
                .anySatisfy(t -> assertThat(t).contains("Stage 1 outcomes"))
                .anySatisfy(t -> assertThat(t).contains("Costs"));
        String html = AnnualReportHtml.render(report);
        for (ReportTable table : report.tables()) {
            if (table.chart() != null) {
                int section = html.indexOf("<section id=\"" + table.id() + "\">");
                int chart = html.indexOf("<svg class=\"chart\"", section);
                assertThat(chart).as(table.title()).isPositive().isLessThan(html.indexOf("</section>", section));
            }
        }
        assertThat(html).doesNotContain("<script");
        ReportTable volumes = report.table("table2").orElseThrow();
        assertThat(SvgChart.render(volumes)).as("three years of volumes by stage, oldest first")
                .contains(">2013/14</text>", ">2014/15</text>", ">2015/16</text>")
                .containsSubsequence(">2013/14</text>", ">2014/15</text>", ">2015/16</text>");
        assertThat(volumes.chart().rows()).extracting(i -> volumes.rows().get(i).label())
                .containsExactly("Stage 1 complaints", "Stage 2 requests", "Stage 3 requests");
    }

    @Test
    void everyNumberIsABarInProportionAndNoSuppressedCellIsDrawn() {
        for (boolean publicOutput : List.of(false, true)) {
            for (ReportTable table : report(publicOutput).tables()) {
                if (table.chart() == null) {
                    continue;
                }
                String svg = SvgChart.render(table);
                List<Cell> charted = table.chart().rows().stream().flatMap(row -> table.chart().columns().stream()
                        .map(column -> table.rows().get(row).cells().get(column))).toList();
                long numbers = charted.stream().filter(cell -> SvgChart.drawn(cell) != null).count();
                Matcher bars = BAR.matcher(svg);
                List<Integer> widths = bars.results().map(m -> Integer.parseInt(m.group(1))).toList();
                assertThat(widths).as(table.title()).hasSize((int) numbers);
                List<Double> values = charted.stream().map(SvgChart::drawn).filter(java.util.Objects::nonNull)
                        .map(java.math.BigDecimal::doubleValue).toList();
                double scale = widths.stream().mapToInt(Integer::intValue).max().orElse(0)
                        / values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
                for (int i = 0; i < widths.size(); i++) {
                    assertThat((double) widths.get(i)).as(table.title() + " bar " + i)
                            .isCloseTo(Math.max(values.get(i) * scale, 1), org.assertj.core.data.Offset.offset(1.5));
                }
                // Each symbol is written where its bar would be, never drawn.
                charted.stream().filter(cell -> SvgChart.drawn(cell) == null)
                        .forEach(cell -> assertThat(svg).contains(">" + cell.text()));
            }
        }
        ReportTable costs = report(false).table("table11").orElseThrow();
        String svg = SvgChart.render(costs);
        // Total 2015/16 is not charted (its parts are); the largest part has the longest bar.
        assertThat(svg).doesNotContain("£15,130").contains("£3,910").contains("<title>Chart of Table 11: Costs");
    }

    @Test
    void theStage1ChartDrawsTheStatutoryTarget() {
        ReportTable timeliness = report(false).table("table7").orElseThrow();
        assertThat(SvgChart.render(timeliness)).contains("stroke-dasharray")
                .contains("Statutory target: every complaint answered within 20 working days");
    }
}
