package io.complaintskpi.figures;

import io.complaintskpi.contributions.Metric;
import io.complaintskpi.testing.Buckets;

import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rates as time series: per bucket and over rolling windows, from hand-made daily buckets. */
class RateSeriesTest {

    private static final String T1 = Metric.timeliness(Regime.CHILDREN, 1);
    private static final String WITHIN10 = "stage1.timeliness.within10.rate";
    private static final String WITHIN20 = "stage1.timeliness.within20.rate";
    private static final String OVER20 = "stage1.timeliness.over20.rate";
    /** 2015/16 Q4: January to March 2016 (February has 29 days). */
    private static final Period Q4 = Period.quarter(FinancialYear.parse("2015/16"), 4);

    private final KpiEvaluator catalogue = new KpiEvaluator(new Buckets("A")
            .add(T1, "over20", "2015-12-15", 1)                                   // before the quarter
            .add(T1, "within10", "2016-01-05", 3).add(T1, "within20", "2016-01-20", 1)
            // February: no response at all
            .add(T1, "over20", "2016-03-10", 2).add(T1, "within20", "2016-03-31", 1) // two late responses
            .add(T1, "within10", "2016-04-01", 5)                                 // after the quarter
            .add(Metric.causes(Regime.CHILDREN), "DELAYS_IN_PROVIDING_SERVICES", "2016-03-01", 4)
            .add(Metric.causes(Regime.CHILDREN), "QUALITY_OF_WORK", "2016-03-01", 2)
            .add(Metric.causesUpheld(Regime.CHILDREN), "DELAYS_IN_PROVIDING_SERVICES", "2016-03-01", 3)
            .reader());

    private static RatePoint point(String bucketStart, String from, String to, long numerator, long denominator) {
        return RatePoint.of(LocalDate.parse(bucketStart), LocalDate.parse(from), LocalDate.parse(to),
                Rate.of(numerator, denominator));
    }

    @Test
    void eachMonthHasItsCountsAndPercentageAndAnEmptyMonthHasNoPercentage() {
        assertThat(catalogue.rateSeries("A", WITHIN20, null, Q4, Granularity.MONTH)).containsExactly(
                point("2016-01-01", "2016-01-01", "2016-01-31", 4, 4),
                point("2016-02-01", "2016-02-01", "2016-02-29", 0, 0),
                point("2016-03-01", "2016-03-01", "2016-03-31", 1, 3));
        assertThat(catalogue.rateSeries("A", WITHIN20, null, Q4, Granularity.MONTH))
                .extracting(p -> p.value() == null ? null : p.value().toPlainString())
                .containsExactly("100.0", null, "33.3");
    }

    @Test
    void lateResponsesCountInTheDenominatorOnly() {
        assertThat(catalogue.rateSeries("A", WITHIN10, null, Q4, Granularity.MONTH).get(2))
                .isEqualTo(point("2016-03-01", "2016-03-01", "2016-03-31", 0, 3))
                .satisfies(p -> assertThat(p.value()).isEqualByComparingTo("0.0"));
        assertThat(catalogue.rateSeries("A", OVER20, null, Q4, Granularity.MONTH).get(2).value())
                .isEqualByComparingTo("66.7");
    }

    @Test
    void weeksAreCutByThePeriodLikeCountSeries() {
        Period march = Period.month(java.time.YearMonth.of(2016, 3));
        List<RatePoint> weeks = catalogue.rateSeries("A", WITHIN20, null, march, Granularity.WEEK);
        // Tuesday 1 March: its week starts on Monday 29 February, but only March's days count.
        assertThat(weeks).hasSize(5).startsWith(point("2016-02-29", "2016-03-01", "2016-03-06", 0, 0),
                point("2016-03-07", "2016-03-07", "2016-03-13", 0, 2));
        assertThat(weeks.get(4)).isEqualTo(point("2016-03-28", "2016-03-28", "2016-03-31", 1, 1));
        assertThat(weeks.stream().mapToLong(RatePoint::denominator).sum()).isEqualTo(3);
    }

    @Test
    void aRollingRateIsOverTheDaysEndingOnEachBucketsLastDayLookingBackBeforeThePeriod() {
        assertThat(catalogue.rollingRateSeries("A", WITHIN20, null, Q4, Granularity.MONTH, 90)).containsExactly(
                point("2016-01-01", "2015-11-03", "2016-01-31", 4, 5),  // with December's late response
                point("2016-02-01", "2015-12-02", "2016-02-29", 4, 5),
                point("2016-03-01", "2016-01-02", "2016-03-31", 5, 7));
        assertThat(catalogue.rollingRateSeries("A", WITHIN20, null, Q4, Granularity.MONTH, 30))
                .extracting(RatePoint::numerator, RatePoint::denominator)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, 4L),
                        org.assertj.core.groups.Tuple.tuple(0L, 0L), // 31 January to 29 February: nothing
                        org.assertj.core.groups.Tuple.tuple(1L, 3L));
    }

    @Test
    void theLastRollingWindowEndsOnThePeriodsLastDayAndIgnoresLaterDays() {
        Period toFirstOfApril = new Period(LocalDate.parse("2016-03-01"), LocalDate.parse("2016-03-31"), "march",
                Period.Kind.ROLLING_DAYS);
        assertThat(catalogue.rollingRateSeries("A", WITHIN10, null, toFirstOfApril, Granularity.MONTH, 365))
                .containsExactly(point("2016-03-01", "2015-04-02", "2016-03-31", 3, 8));
    }

    @Test
    void aOneDayRollingWindowIsTheDailySeries() {
        assertThat(catalogue.rollingRateSeries("A", WITHIN20, null, Q4, Granularity.DAY, 1))
                .isEqualTo(catalogue.rateSeries("A", WITHIN20, null, Q4, Granularity.DAY))
                .hasSize(91);
    }

    @Test
    void aRatePerDimensionTakesOneDimensionOrAllOfThem() {
        Period march = Period.month(java.time.YearMonth.of(2016, 3));
        assertThat(catalogue.rateSeries("A", "causes.uphold.rate", "DELAYS_IN_PROVIDING_SERVICES", march,
                Granularity.MONTH)).containsExactly(point("2016-03-01", "2016-03-01", "2016-03-31", 3, 4));
        assertThat(catalogue.rateSeries("A", "causes.uphold.rate", null, march, Granularity.MONTH))
                .containsExactly(point("2016-03-01", "2016-03-01", "2016-03-31", 3, 6));
    }

    @Test
    void onlyRatesOfDailyCountsHaveARateSeries() {
        assertThatThrownBy(() -> catalogue.rateSeries("A", "stage1.referral.rate", null, Q4, Granularity.MONTH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'context.referrals'");
        assertThatThrownBy(() -> catalogue.rateSeries("A", "stage1.received", null, Q4, Granularity.MONTH))
                .hasMessageContaining("not a rate");
        assertThatThrownBy(() -> catalogue.series("A", WITHIN20, null, Q4, Granularity.MONTH))
                .hasMessageContaining("is a rate");
        assertThatThrownBy(() -> catalogue.rateSeries("A", "no.such.rate", null, Q4, Granularity.MONTH))
                .hasMessageContaining("unknown KPI");
    }

    @Test
    void aRollingWindowIsOneDayToTenYears() {
        assertThatThrownBy(() -> catalogue.rollingRateSeries("A", WITHIN20, null, Q4, Granularity.MONTH, 0))
                .hasMessageContaining("1 to 3660 days");
        assertThatThrownBy(() -> catalogue.rollingRateSeries("A", WITHIN20, null, Q4, Granularity.MONTH, 3661))
                .hasMessageContaining("got 3661");
        assertThat(catalogue.rollingRateSeries("A", WITHIN20, null, Q4, Granularity.MONTH, 3660)).first()
                .satisfies(p -> assertThat(p.from()).isEqualTo(LocalDate.parse("2016-01-31").minusDays(3659)));
    }

    @Test
    void aRatePointsPercentageCannotDisagreeWithItsCounts() {
        LocalDate day = LocalDate.parse("2016-03-01");
        assertThatThrownBy(() -> new RatePoint(day, day, day, 1, 3, new java.math.BigDecimal("33.4")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RatePoint(day, day, day, 0, 0, null).rate()).isEqualTo(Rate.of(0, 0));
    }
}
