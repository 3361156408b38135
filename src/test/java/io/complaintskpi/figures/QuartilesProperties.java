package io.complaintskpi.figures;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Quartiles against an independent computation over generated groups. */
class QuartilesProperties {

    /** Rates to one decimal place, as the catalogue gives them: tenths from 0.0 to 100.0. */
    private static List<BigDecimal> rates(List<Integer> tenths) {
        return tenths.stream().map(t -> BigDecimal.valueOf(t, 1)).toList();
    }

    @Property
    void quartilesAreTheInterpolatedRankStatisticsOfTheGroup(
            @ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 1000) Integer> tenths) {
        Quartiles q = Quartiles.of(rates(tenths), 1).orElseThrow();
        double[] sorted = tenths.stream().mapToDouble(t -> t / 10.0).sorted().toArray();

        assertThat(q.count()).isEqualTo(sorted.length);
        assertThat(q.lowerQuartile().doubleValue()).isCloseTo(byPoints(sorted, 0.25), within(0.0051));
        assertThat(q.median().doubleValue()).isCloseTo(byPoints(sorted, 0.5), within(0.0051));
        assertThat(q.upperQuartile().doubleValue()).isCloseTo(byPoints(sorted, 0.75), within(0.0051));
        // The median as schoolbooks define it: the middle value, or the mean of the middle two.
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        assertThat(q.median().doubleValue()).isCloseTo(median, within(0.0051));
        double mean = java.util.Arrays.stream(sorted).sum() / n;
        assertThat(q.mean().doubleValue()).isCloseTo(mean, within(0.0051));
        assertThat(q.lowerQuartile()).isBetween(BigDecimal.valueOf(sorted[0]).setScale(2, RoundingMode.HALF_UP),
                q.median());
        assertThat(q.upperQuartile()).isBetween(q.median(),
                BigDecimal.valueOf(sorted[n - 1]).setScale(2, RoundingMode.HALF_UP));
    }

    @Property
    void eachValueOfTheGroupFallsInTheQuarterItsRankSays(
            @ForAll @Size(min = 1, max = 100) List<@IntRange(min = 0, max = 1000) Integer> tenths) {
        List<BigDecimal> values = rates(tenths);
        Quartiles q = Quartiles.of(values, 1).orElseThrow();
        for (BigDecimal v : values) {
            int quartile = q.quartileOf(v);
            assertThat(quartile).isBetween(1, 4);
            assertThat(quartile == 1).isEqualTo(v.compareTo(q.lowerQuartile()) <= 0);
            assertThat(quartile == 4).isEqualTo(v.compareTo(q.upperQuartile()) > 0);
        }
    }

    @Property
    void aGroupUnderTheMinimumShowsNothing(
            @ForAll @Size(min = 0, max = 30) List<@IntRange(min = 0, max = 1000) Integer> tenths,
            @ForAll @IntRange(min = 2, max = 40) int minimum) {
        assertThat(Quartiles.of(rates(tenths), minimum).isPresent()).isEqualTo(tenths.size() >= minimum);
    }

    @Test
    void aHandWorkedGroup() {
        // 10, 20, 30, 40, 50, 60: h = 5 x 0.25 = 1.25 -> 20 + 0.25 x 10 = 22.5; median 35; h = 3.75 -> 47.5.
        Quartiles q = Quartiles.of(rates(List.of(600, 100, 500, 200, 400, 300)), 5).orElseThrow();
        assertThat(q).isEqualTo(new Quartiles(6, new BigDecimal("22.50"), new BigDecimal("35.00"),
                new BigDecimal("47.50"), new BigDecimal("35.00")));
        assertThat(q.quartileOf(new BigDecimal("22.5"))).isEqualTo(1);
        assertThat(q.quartileOf(new BigDecimal("47.6"))).isEqualTo(4);
    }

    /**
     * Independent: the type 7 quantile as the piecewise-linear curve through the points (i / (n - 1), x[i]),
     * found by walking the segments.
     */
    private static double byPoints(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 1) {
            return sorted[0];
        }
        for (int i = 0; i < n - 1; i++) {
            double from = (double) i / (n - 1);
            double to = (double) (i + 1) / (n - 1);
            if (p >= from && p <= to) {
                return sorted[i] + (p - from) / (to - from) * (sorted[i + 1] - sorted[i]);
            }
        }
        return sorted[n - 1];
    }
}
