package io.complaintskpi.figures;

import io.complaintskpi.testing.SeedFixture;

import io.complaintskpi.catalogue.KpiDefinition;
import io.complaintskpi.contributions.Metric;
import io.complaintskpi.testing.Buckets;

import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.complaintskpi.testing.SeedFixture.LEICS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KpiEvaluatorTest {

    private final KpiEvaluator catalogue = new KpiEvaluator(SeedFixture.reader());
    private final KpiSnapshot year = catalogue.snapshot(LEICS, Period.financialYear(FinancialYear.parse("2015/16")));

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }

    @Test
    void comparesWithThePriorFinancialYear() {
        assertThat(year.priorPeriod().label()).isEqualTo("2014/15");
        Figure received = year.figure("stage1.received");
        assertThat(received.count()).isEqualTo(65);
        assertThat(received.priorCount()).isEqualTo(57);
        assertThat(received.change()).isEqualTo(new Change(BigDecimal.valueOf(8), pct("14.0")));
    }

    @Test
    void contextFiguresAndComplaintsAsAShareOfReferrals() {
        Figure referrals = year.figure("context.referrals");
        assertThat(referrals.count()).isEqualTo(3953);
        assertThat(referrals.priorCount()).isEqualTo(4635);
        assertThat(referrals.change().percent()).isEqualByComparingTo("-14.7");
        assertThat(year.figure("context.children_in_care").change().percent()).isEqualByComparingTo("-0.4");
        Figure share = year.figure("stage1.referral.rate");
        assertThat(share.rate()).isEqualTo(Rate.of(65, 3953));
        assertThat(share.rate().percent()).isEqualByComparingTo("1.6");
        assertThat(share.priorRate().percent()).isEqualByComparingTo("1.2");
        assertThat(share.change().absolute()).isEqualByComparingTo("0.4");
        assertThat(share.change().percent()).isNull();
    }

    @Test
    void escalationAndLaterStages() {
        assertThat(year.figure("stage2.received").count()).isEqualTo(7);
        assertThat(year.figure("stage2.received").change().absolute()).isEqualByComparingTo("-2");
        assertThat(year.figure("escalation.rate").rate().percent()).isEqualByComparingTo("10.8");
        assertThat(year.figure("escalation.rate").priorRate().percent()).isEqualByComparingTo("15.8");
        assertThat(year.figure("stage3.received").count()).isEqualTo(3);
        assertThat(year.figure("stage3.escalation.rate").rate()).isEqualTo(Rate.of(3, 7));
        assertThat(year.figure("stage2.responded").count()).isEqualTo(3);
        assertThat(year.figure("stage2.withdrawn").count()).isEqualTo(2);
    }

    @Test
    void openComplaintsAreEverythingReceivedMinusEverythingClosedByThePeriodEnd() {
        assertThat(year.figure("stage1.open").count()).isEqualTo(1);
        assertThat(year.figure("stage1.open").priorCount()).isEqualTo(2);
        assertThat(year.figure("stage2.open").count()).isEqualTo(3);
        assertThat(year.figure("stage3.open").count()).isZero();
    }

    @Test
    void openByStageIsTheOpenKpiOnTheDayAndAgreesWithItsSeries() {
        LocalDate yearEnd = LocalDate.of(2016, 3, 31);
        assertThat(catalogue.openByStage(LEICS, Regime.CHILDREN, yearEnd))
                .containsExactly(Map.entry(1, 1L), Map.entry(2, 3L), Map.entry(3, 0L));
        Period march = Period.parse("2016-03", yearEnd);
        for (int stage = 1; stage <= 3; stage++) {
            List<Point> weekly = catalogue.series(LEICS, "stage" + stage + ".open", null, march, Granularity.WEEK);
            assertThat(weekly.get(weekly.size() - 1).value()).as("stage " + stage)
                    .isEqualTo(catalogue.openByStage(LEICS, Regime.CHILDREN, yearEnd).get(stage));
        }
        assertThat(catalogue.openByStage(LEICS, Regime.ADULTS, yearEnd)).containsOnlyKeys(1);
    }

    @Test
    void receivedByYearIsTheReceivedKpiOfEveryFinancialYearFromTheFirstZerosIncluded() {
        List<KpiEvaluator.ReceivedInYear> rows = catalogue.receivedByYear(LEICS, Regime.CHILDREN,
                LocalDate.of(2016, 3, 31));
        assertThat(rows).contains(new KpiEvaluator.ReceivedInYear("2015/16", 1, 65),
                new KpiEvaluator.ReceivedInYear("2014/15", 1, 57), new KpiEvaluator.ReceivedInYear("2015/16", 2, 7),
                new KpiEvaluator.ReceivedInYear("2015/16", 3, 3));
        assertThat(rows).isSortedAccordingTo(Comparator.comparing(KpiEvaluator.ReceivedInYear::year)
                .thenComparing(KpiEvaluator.ReceivedInYear::stage));
        assertThat(catalogue.receivedByYear(LEICS, Regime.CHILDREN, LocalDate.of(2015, 3, 31)))
                .extracting(KpiEvaluator.ReceivedInYear::year).doesNotContain("2015/16");
        assertThat(catalogue.receivedByYear(LEICS, Regime.CHILDREN, LocalDate.of(2017, 4, 1)))
                .contains(new KpiEvaluator.ReceivedInYear("2016/17", 3, 0), new KpiEvaluator.ReceivedInYear("2017/18", 1, 0));
        assertThat(catalogue.receivedByYear("nobody", Regime.ADULTS, LocalDate.of(2016, 3, 31)))
                .containsExactly(new KpiEvaluator.ReceivedInYear("2015/16", 1, 0));
    }

    @Test
    void serviceAreasAndComplimentsIncludeAreasSeenInEitherYear() {
        List<Figure> areas = year.all("stage1.received.by_service_area");
        assertThat(areas).extracting(Figure::count).containsOnly(14L, 11L, 8L, 6L, 2L);
        assertThat(areas.stream().mapToLong(Figure::count).sum()).isEqualTo(65);
        assertThat(year.find("stage1.received.by_service_area", "Fostering & Adoption")).get()
                .satisfies(f -> assertThat(f.priorCount()).isEqualTo(30));
        assertThat(year.figure("compliments.received").count()).isEqualTo(25);
        assertThat(year.figure("compliments.received").priorCount()).isEqualTo(31);
    }

    @Test
    void whoComplains() {
        assertThat(year.figure("complainant.children").count()).isEqualTo(6);
        assertThat(year.figure("complainant.others").count()).isEqualTo(59);
        assertThat(year.figure("complainant.children.rate").rate().percent()).isEqualByComparingTo("9.2");
        assertThat(year.figure("complainant.children.rate").priorRate().percent()).isEqualByComparingTo("12.3");
        assertThat(year.figure("complainant.others.rate").rate().percent()).isEqualByComparingTo("90.8");
        assertThat(year.find("complainant.by_type", "PARENT")).get()
                .satisfies(f -> assertThat(f.count()).isEqualTo(40));
    }

    @Test
    void timelinessWithinBandsAreCumulative() {
        assertThat(year.figure("stage1.timeliness.total").count()).isEqualTo(61);
        assertThat(year.figure("stage1.timeliness.within10").count()).isEqualTo(40);
        assertThat(year.figure("stage1.timeliness.within20").count()).isEqualTo(55);
        assertThat(year.figure("stage1.timeliness.over20").count()).isEqualTo(6);
        assertThat(year.figure("stage1.timeliness.within10.rate").rate().percent()).isEqualByComparingTo("65.6");
        assertThat(year.figure("stage1.timeliness.within20.rate").rate().percent()).isEqualByComparingTo("90.2");
        assertThat(year.figure("stage1.timeliness.over20.rate").rate().percent()).isEqualByComparingTo("9.8");
        assertThat(year.figure("stage1.timeliness.within10.rate").priorRate().percent()).isEqualByComparingTo("36.4");
        assertThat(year.figure("stage2.timeliness.within65.rate").rate()).isEqualTo(Rate.of(1, 3));
        assertThat(year.figure("stage2.timeliness.within25.rate").priorRate()).isEqualTo(Rate.of(2, 6));
        assertThat(year.figure("stage3.timeliness.within30.rate").rate().percent()).isEqualByComparingTo("100.0");
        assertThat(year.figure("stage3.timeliness.within30.rate").priorRate().percent()).isNull();
    }

    @Test
    void outcomesArePercentagesOfResolvedComplaints() {
        assertThat(year.figure("stage1.resolved").count()).isEqualTo(65);
        assertThat(year.figure("stage1.escalated_unresponded").count()).isEqualTo(1);
        assertThat(year.figure("stage1.outcome.totally_upheld.rate").rate().percent()).isEqualByComparingTo("10.8");
        assertThat(year.figure("stage1.outcome.partly_upheld.rate").rate().percent()).isEqualByComparingTo("12.3");
        assertThat(year.figure("stage1.outcome.withdrawn").count()).isEqualTo(4);
        assertThat(year.figure("stage1.upheld.rate").rate().percent()).isEqualByComparingTo("23.1");
        assertThat(year.figure("stage1.upheld.rate").priorRate().percent()).isEqualByComparingTo("32.7");
    }

    @Test
    void causesWithUpholdRatesAsTable6() {
        assertThat(year.find("causes.uphold.rate", "SENSITIVITY_EMPATHY").orElseThrow().rate().percent())
                .isEqualByComparingTo("18.2");
        assertThat(year.find("causes.uphold.rate", "QUALITY_OF_WORK").orElseThrow().rate().percent())
                .isEqualByComparingTo("37.5");
        assertThat(year.find("causes.uphold.rate", "QUALITY_OF_WORK").orElseThrow().priorRate()).isEqualTo(Rate.of(0, 16));
        assertThat(year.find("causes.uphold.rate", "DELAYS_IN_PROVIDING_SERVICES").orElseThrow().rate().percent())
                .isEqualByComparingTo("75.0");
        assertThat(year.find("causes.uphold.rate", "CLARITY_ACCURACY_OF_INFORMATION").orElseThrow().rate().percent())
                .isEqualByComparingTo("0.0");
        assertThat(year.all("causes.resolved")).first().satisfies(f -> assertThat(f.dimension()).isEqualTo("QUALITY_OF_WORK"));
        assertThat(year.all("causes.resolved").stream().mapToLong(Figure::count).sum()).isEqualTo(57);
        assertThat(year.all("causes.upheld").stream().mapToLong(Figure::count).sum()).isEqualTo(20);
    }

    @Test
    void costsInExactPenceAndTheThreeYearTable() {
        assertThat(year.figure("costs.total").count()).isEqualTo(1_513_000);
        assertThat(year.figure("costs.total").priorCount()).isEqualTo(1_313_000);
        assertThat(year.figure("costs.financial_redress").count()).isEqualTo(30_000);
        CostTable table = catalogue.costs(LEICS, FinancialYear.parse("2015/16"), 3);
        assertThat(table.years()).extracting(FinancialYear::label).containsExactly("2013/14", "2014/15", "2015/16");
        assertThat(table.total().pence()).containsExactly(1_210_000L, 1_313_000L, 1_513_000L);
        assertThat(table.lines().get(0).category()).isEqualTo("INDEPENDENT_PERSON");
        assertThat(table.lines().get(0).pence()).containsExactly(404_000L, 287_000L, 391_000L);
    }

    @Test
    void actionsAndOmbudsmanAndAdr() {
        assertThat(year.figure("actions.beyond_apology.rate").rate()).isEqualTo(Rate.of(7, 15));
        assertThat(year.find("actions.taken", "APOLOGY").orElseThrow().count()).isEqualTo(15);
        assertThat(year.figure("ombudsman.enquiries").count()).isEqualTo(10);
        assertThat(year.figure("ombudsman.decisions").count()).isEqualTo(9);
        assertThat(year.figure("ombudsman.fault_found").count()).isEqualTo(2);
        assertThat(year.figure("ombudsman.fault_found.rate").rate().percent()).isEqualByComparingTo("22.2");
        assertThat(year.figure("ombudsman.uphold.rate").rate()).isEqualTo(Rate.of(2, 3));
        assertThat(year.figure("ombudsman.remedies").count()).isEqualTo(30_000);
        assertThat(year.figure("adr.conciliation.held").count()).isEqualTo(8);
        assertThat(year.figure("adr.conciliation.resolved.rate").rate().percent()).isEqualByComparingTo("75.0");
        assertThat(year.figure("adr.mediation.prevented_escalation").count()).isEqualTo(1);
        assertThat(year.figure("adr.escalations_prevented").count()).isEqualTo(1);
    }

    @Test
    void zeroDenominatorsGiveNoPercentage() {
        KpiSnapshot empty = catalogue.snapshot("NOBODY", Period.financialYear(FinancialYear.parse("2015/16")));
        assertThat(empty.figure("escalation.rate").rate()).isEqualTo(Rate.of(0, 0));
        assertThat(empty.figure("escalation.rate").rate().percent()).isNull();
        assertThat(empty.figure("stage1.received").change().percent()).isNull();
        assertThat(empty.figure("escalation.rate").change()).isEqualTo(new Change(null, null));
        // Zeros are shown: every known cause has its row, at 0.
        assertThat(empty.all("causes.resolved")).hasSize(io.complaintskpi.events.Cause.values().length)
                .extracting(Figure::count).containsOnly(0L);
        assertThat(empty.figures()).filteredOn(f -> f.unit() != KpiDefinition.Unit.PERCENT)
                .filteredOn(f -> !f.id().startsWith("context.")).extracting(Figure::count).containsOnly(0L);
        // A context figure never recorded is absent, not 0.
        assertThat(empty.figure("context.referrals").count()).isNull();
        assertThat(empty.figure("context.referrals").change()).isEqualTo(new Change(null, null));
    }

    @Test
    void aQuarterComparesWithTheQuarterBefore() {
        Period q1 = Period.quarter(FinancialYear.parse("2015/16"), 1);
        KpiSnapshot quarter = catalogue.snapshot(LEICS, q1);
        assertThat(quarter.priorPeriod().label()).isEqualTo("2014/15 Q4");
        assertThat(quarter.figure("stage1.received").count()).isEqualTo(65);
        assertThat(quarter.figure("stage1.received").priorCount()).isZero();
        // Context figures are those of the financial year the period starts in.
        assertThat(quarter.figure("context.referrals").count()).isEqualTo(3953);
        assertThat(quarter.figure("context.referrals").priorCount()).isEqualTo(4635);
    }

    @Test
    void everyAdultKpiIsThereToo() {
        assertThat(year.figure("adults.stage1.received").count()).isZero();
        assertThat(year.figure("adults.stage1.timeliness.on_time.rate").rate().percent()).isNull();
        assertThat(year.figure("adults.stage1.acknowledgement.total").count()).isZero();
    }

    @Test
    void rollingTimelinessWindowsEndOnTheGivenDate() {
        Buckets b = new Buckets("A");
        String t1 = Metric.timeliness(io.complaintskpi.events.Regime.CHILDREN, 1);
        b.add(t1, "within10", "2016-03-31", 3).add(t1, "over20", "2016-03-02", 1) // last 30 days
                .add(t1, "within20", "2016-01-15", 4)                                  // last 90 days
                .add(t1, "over20", "2015-06-01", 2)                                    // last 365 days
                .add(t1, "within10", "2015-03-31", 50);                                // older than a year
        KpiEvaluator rolling = new KpiEvaluator(b.reader());
        List<WindowRate> rates = rolling.rollingTimeliness("A", LocalDate.parse("2016-03-31"));
        assertThat(rates).filteredOn(r -> r.id().equals("stage1.timeliness.within20.rate"))
                .extracting(WindowRate::days, WindowRate::rate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(30, Rate.of(3, 4)),
                        org.assertj.core.groups.Tuple.tuple(90, Rate.of(7, 8)),
                        org.assertj.core.groups.Tuple.tuple(365, Rate.of(7, 10)));
        assertThat(rates).extracting(WindowRate::id).contains("stage2.timeliness.within65.rate",
                "adults.stage1.acknowledgement.on_time.rate").doesNotContain("escalation.rate");
        assertThat(rolling.rate("A", "stage1.timeliness.within10.rate", Period.rolling(LocalDate.parse("2016-03-31"), 30)))
                .isEqualTo(Rate.of(3, 4));
    }

    @Test
    void timeSeriesByDayWeekAndMonthIncludeEmptyBuckets() {
        Buckets b = new Buckets("A");
        String received = Metric.received(io.complaintskpi.events.Regime.CHILDREN, 1);
        b.add(received, Metric.ALL, "2016-02-29", 2).add(received, Metric.ALL, "2016-03-01", 1)
                .add(received, Metric.ALL, "2016-03-07", 4).add(received, Metric.ALL, "2016-04-01", 9);
        KpiEvaluator series = new KpiEvaluator(b.reader());
        Period march = Period.month(java.time.YearMonth.of(2016, 3));
        assertThat(series.series("A", "stage1.received", null, march, Granularity.MONTH))
                .containsExactly(new Point(LocalDate.parse("2016-03-01"), 5));
        // Tuesday 1 March: its week starts on Monday 29 February, but only March's days count.
        assertThat(series.series("A", "stage1.received", null, march, Granularity.WEEK)).startsWith(
                new Point(LocalDate.parse("2016-02-29"), 1), new Point(LocalDate.parse("2016-03-07"), 4),
                new Point(LocalDate.parse("2016-03-14"), 0)).hasSize(5);
        assertThat(series.series("A", "stage1.received", null, march, Granularity.DAY)).hasSize(31)
                .contains(new Point(LocalDate.parse("2016-03-02"), 0));
    }

    @Test
    void breakdownAndOpenComplaintSeries() {
        Buckets b = new Buckets("A");
        io.complaintskpi.events.Regime c = io.complaintskpi.events.Regime.CHILDREN;
        b.add(Metric.serviceArea(c), "First Response", "2016-03-01", 2).add(Metric.serviceArea(c), "Fostering", "2016-03-01", 5)
                .add(Metric.received(c, 1), Metric.ALL, "2016-02-10", 3).add(Metric.received(c, 1), Metric.ALL, "2016-03-01", 7)
                .add(Metric.closed(c, 1), "NOT_UPHELD", "2016-03-20", 4);
        KpiEvaluator series = new KpiEvaluator(b.reader());
        Period march = Period.month(java.time.YearMonth.of(2016, 3));
        assertThat(series.series("A", "stage1.received.by_service_area", "Fostering", march, Granularity.MONTH))
                .containsExactly(new Point(LocalDate.parse("2016-03-01"), 5));
        assertThat(series.series("A", "stage1.received.by_service_area", null, march, Granularity.MONTH))
                .containsExactly(new Point(LocalDate.parse("2016-03-01"), 7));
        assertThat(series.series("A", "stage1.open", null, march, Granularity.WEEK)).extracting(Point::value)
                .containsExactly(10L, 10L, 6L, 6L, 6L); // closed on Sunday 20 March, end of the third week
        assertThat(series.metricSeries("A", Metric.closed(c, 1), "NOT_UPHELD", march, Granularity.MONTH))
                .containsExactly(new Point(LocalDate.parse("2016-03-01"), 4));
        assertThatThrownBy(() -> series.series("A", "escalation.rate", null, march, Granularity.DAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> series.series("A", "no.such.kpi", null, march, Granularity.DAY))
                .hasMessageContaining("unknown KPI");
    }
}
