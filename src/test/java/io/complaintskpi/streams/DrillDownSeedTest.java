package io.complaintskpi.streams;

import io.complaintskpi.catalogue.Formula;
import io.complaintskpi.catalogue.KpiDefinition;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.demo.SeedHistory;
import io.complaintskpi.drilldown.Balances;
import io.complaintskpi.drilldown.DrillDown;
import io.complaintskpi.drilldown.DrillDownPlan;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.SchemaValidator;
import io.complaintskpi.disclosure.Cell;
import io.complaintskpi.figures.Figure;
import io.complaintskpi.figures.FigureSettings;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.figures.KpiSnapshot;
import io.complaintskpi.report.AnnualReport;
import io.complaintskpi.report.AnnualReportHtml;
import io.complaintskpi.report.Commentary;
import io.complaintskpi.report.ReportTable;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import io.complaintskpi.rules.Stage2ClockStart;
import io.complaintskpi.series.SeriesReader;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seed history through the production topology, then every count KPI of the catalogue, every dimension and
 * every financial year, quarter and month of the seed years listed from the {@code kpi-contributors} index a
 * small page at a time: the list has as many rows as the figure counts, each key once, each row counting 1 (a
 * balance: the keys in it at the period's end); an amount in pence lists keys whose amounts add up to it.
 */
class DrillDownSeedTest {

    private static final String LEICS = SeedHistory.AUTHORITY;
    private static final int PAGE = 7;

    @TempDir
    static Path dir;
    private static TopologyHarness topology;
    private static StoreContributors contributors;
    private static SeriesReader series;

    @BeforeAll
    static void replay() {
        topology = new TopologyHarness(dir, Instant.parse("2016-04-01T09:00:00Z"));
        EventCodec codec = new EventCodec(LEICS, new SchemaValidator());
        for (EventEnvelope event : SeedHistory.events()) {
            topology.events.pipeInput(event.complaintId(), codec.encode(event), event.occurredAt().toInstant());
        }
        KeyValueStore<String, Long> index = topology.driver.getKeyValueStore(Names.KPI_CONTRIBUTORS_STORE);
        contributors = new StoreContributors(() -> List.of(new StoreContributors.Partition(index, topology.cases())));
        series = topology.series();
    }

    @AfterAll
    static void close() {
        topology.close();
    }

    @Test
    void every_count_of_every_period_of_the_seed_years_lists_as_many_complaints_as_it_counts() {
        int figuresChecked = 0;
        int balancesChecked = 0;
        long rowsListed = 0;
        for (Period period : periods()) {
            KpiSnapshot snapshot = new KpiEvaluator(series).snapshot(LEICS, period);
            for (Figure figure : snapshot.figures()) {
                KpiDefinition kpi = KpiDefinitions.require(figure.id());
                if (kpi.unit() != KpiDefinition.Unit.COUNT || kpi.formula() instanceof Formula.YearFigure) {
                    continue;
                }
                DrillDownPlan plan = DrillDownPlan.of(series, LEICS, kpi, figure.dimension(), period, null, PAGE);
                List<DrillDown.Row> rows = all(plan.query());
                String what = figure.id() + " " + figure.dimension() + " " + period.label();
                assertThat(plan.figure()).as("the plan's figure, " + what).isEqualTo(figure.count());
                assertThat(rows).as(what).hasSize(Math.toIntExact(figure.count()));
                assertThat(rows).as("each counts 1, " + what).allMatch(r -> r.amount() == 1);
                if (plan.query().atEnd()) {
                    assertThat(rows).as("in the balance by the period's end, " + what)
                            .allMatch(r -> !r.date().isAfter(period.to()));
                    balancesChecked++;
                } else {
                    assertThat(rows).as("dated in the period, " + what).allMatch(r -> period.contains(r.date()));
                }
                figuresChecked++;
                rowsListed += rows.size();
            }
        }
        assertThat(figuresChecked).as("figures compared").isGreaterThan(1000);
        assertThat(balancesChecked).as("balances compared").isGreaterThan(100);
        assertThat(rowsListed).as("rows listed").isGreaterThan(1000);
    }

    @Test
    void every_amount_in_pence_lists_the_keys_whose_amounts_add_up_to_it() {
        int checked = 0;
        for (Period period : periods()) {
            KpiSnapshot snapshot = new KpiEvaluator(series).snapshot(LEICS, period);
            for (Figure figure : snapshot.figures()) {
                KpiDefinition kpi = KpiDefinitions.require(figure.id());
                if (kpi.unit() != KpiDefinition.Unit.PENCE) {
                    continue;
                }
                DrillDownPlan plan = DrillDownPlan.of(series, LEICS, kpi, figure.dimension(), period, null, PAGE);
                List<DrillDown.Row> rows = all(plan.query());
                String what = figure.id() + " " + period.label();
                assertThat(rows.stream().mapToLong(DrillDown.Row::amount).sum()).as(what).isEqualTo(figure.count());
                assertThat(rows).as("each row adds something, " + what).allMatch(r -> r.amount() != 0);
                checked += rows.isEmpty() ? 0 : 1;
            }
        }
        assertThat(checked).as("amounts with keys behind them").isGreaterThan(10);
    }

    @Test
    void the_complaints_open_at_stage_1_at_the_end_of_2015_16_are_those_received_by_then_and_not_closed_by_then() {
        Period year = Period.financialYear(FinancialYear.parse("2015/16"));
        DrillDownPlan plan = DrillDownPlan.of(series, LEICS, "stage1.open", null, year, null, 100);
        DrillDown.Page page = contributors.read(plan.query());

        assertThat(plan.figure()).isPositive();
        assertThat(page.rows()).hasSize(Math.toIntExact(plan.figure()));
        assertThat(page.rows()).allSatisfy(row -> {
            assertThat(row.stage()).isEqualTo(1);
            assertThat(row.date()).as("received by 31 March 2016").isBeforeOrEqualTo(year.to());
            assertThat(row.dimension()).as("left the balance after 31 March 2016, or is still in it")
                    .satisfiesAnyOf(d -> assertThat(d).isEqualTo(Balances.OPEN),
                            d -> assertThat(java.time.LocalDate.parse(d)).isAfter(year.to()));
        });
    }

    @Test
    void context_figures_rates_and_unknown_dimensions_are_refused_naming_why() {
        Period year = Period.financialYear(FinancialYear.parse("2015/16"));
        assertThatThrownBy(() -> DrillDownPlan.of(series, LEICS, "context.referrals", null, year, null, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no complaints are behind it");
        assertThatThrownBy(() -> DrillDownPlan.of(series, LEICS, "escalation.rate", null, year, null, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stage2.received, stage1.received");
        assertThatThrownBy(() -> DrillDownPlan.of(series, LEICS, "stage1.received.by_service_area", "Nowhere",
                year, null, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no dimension 'Nowhere'").hasMessageContaining("First Response");
        assertThatThrownBy(() -> DrillDownPlan.of(series, LEICS, "stage1.open", "First Response", year, null, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no dimensions");
    }

    @Test
    void the_65_complaints_received_at_stage_1_in_2015_16_are_complaints_with_their_service_area_and_outcome() {
        Period year = Period.financialYear(FinancialYear.parse("2015/16"));
        DrillDownPlan plan = DrillDownPlan.of(series, LEICS, "stage1.received", null, year, null, 100);
        DrillDown.Page page = contributors.read(plan.query());

        assertThat(plan.figure()).isEqualTo(65);
        assertThat(page.rows()).hasSize(65);
        assertThat(page.next()).isNull();
        assertThat(page.rows()).allSatisfy(row -> {
            assertThat(row.reference()).startsWith("CS-");
            assertThat(row.stage()).isEqualTo(1);
            assertThat(row.serviceArea()).isNotBlank();
        });
        assertThat(page.rows()).filteredOn(r -> "TOTALLY_UPHELD".equals(r.outcome())).hasSize(7);
    }

    @Test
    void every_count_and_amount_cell_of_the_staff_reports_of_the_seed_years_lists_what_it_shows() {
        int cells = 0;
        for (String label : List.of("2014/15", "2015/16")) {
            for (boolean publicOutput : List.of(false, true)) {
                AnnualReport report = AnnualReport.build(new KpiEvaluator(series), LEICS, code -> code,
                        FinancialYear.parse(label), publicOutput, new FigureSettings(Stage2ClockStart.STATEMENT_AGREED, List.of(), List.of()), Instant.EPOCH,
                        Commentary.NONE);
                String html = AnnualReportHtml.withDrillDowns(report);
                if (publicOutput) {
                    assertThat(report.tables()).allSatisfy(t -> assertThat(t.rows()).allMatch(r -> r.sources().isEmpty()));
                    assertThat(html).as("a public copy links to no list").doesNotContain("/complaints?");
                    continue;
                }
                assertThat(AnnualReportHtml.render(report)).as("a file or PDF links nowhere").doesNotContain("<a href");
                for (ReportTable table : report.tables()) {
                    for (ReportTable.Row row : table.rows()) {
                        for (int column = 1; column < row.cells().size(); column++) {
                            Cell cell = row.cells().get(column);
                            String what = table.title() + " / " + row.label() + " / " + table.columns().get(column);
                            var source = row.source(column);
                            boolean listable = cell.kind() == Cell.Kind.COUNT || cell.kind() == Cell.Kind.MONEY;
                            if (source.isEmpty()) {
                                // Only context figures and residents (recorded or reference data, no complaints
                                // behind them) and what is not a figure go unlinked.
                                assertThat(!listable || table.id().equals("table1")
                                        || row.label().startsWith("Residents")).as("linked: " + what).isTrue();
                                continue;
                            }
                            assertThat(listable).as("a count or amount: " + what).isTrue();
                            ReportTable.Source s = source.get();
                            DrillDownPlan plan = DrillDownPlan.of(series, LEICS, s.kpi(), s.dimension(),
                                    Period.financialYear(FinancialYear.parse(s.year())), null, PAGE);
                            long listed = all(plan.query()).stream().mapToLong(DrillDown.Row::amount).sum();
                            assertThat(listed).as(what).isEqualTo(cell.value().longValueExact());
                            assertThat(html).as("the cell links to its list: " + what)
                                    .contains("<a href=\"" + AnnualReportHtml.escape(AnnualReportHtml.drillDown(s, LEICS)) + "\">");
                            cells++;
                        }
                    }
                }
            }
        }
        assertThat(cells).as("cells checked").isGreaterThan(100);
    }

    /** Every page after the one before, until none follows; no key is listed twice. */
    private static List<DrillDown.Row> all(DrillDown.Query first) {
        List<DrillDown.Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        DrillDown.Query query = first;
        for (int pages = 0; pages < 1000; pages++) {
            DrillDown.Page page = contributors.read(query);
            assertThat(page.rows().size()).isLessThanOrEqualTo(PAGE);
            for (DrillDown.Row row : page.rows()) {
                assertThat(seen.add(row.position())).as("listed once: " + row.position()).isTrue();
                rows.add(row);
            }
            if (page.next() == null) {
                return rows;
            }
            query = query.after(page.next());
        }
        throw new AssertionError("no last page");
    }

    private static List<Period> periods() {
        List<Period> periods = new ArrayList<>();
        for (String label : List.of("2013/14", "2014/15", "2015/16")) {
            FinancialYear year = FinancialYear.parse(label);
            periods.add(Period.financialYear(year));
            for (int q = 1; q <= 4; q++) {
                periods.add(Period.quarter(year, q));
            }
            for (YearMonth month = YearMonth.from(year.start()); !month.isAfter(YearMonth.from(year.end()));
                 month = month.plusMonths(1)) {
                periods.add(Period.month(month));
            }
        }
        return periods;
    }
}
