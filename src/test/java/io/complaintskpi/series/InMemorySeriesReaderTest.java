package io.complaintskpi.series;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InMemorySeriesReaderTest {

    private static final LocalDate MAY_1 = LocalDate.parse("2015-05-01");

    private final InMemorySeriesReader reader = new InMemorySeriesReader(Map.of(
            new KpiKey("A", "m", "x", MAY_1), 2L,
            new KpiKey("A", "m", "x", MAY_1.plusDays(1)), 3L,
            new KpiKey("A", "m", "y", MAY_1.plusDays(5)), 7L,
            new KpiKey("A", "m", "z", MAY_1), 0L,
            new KpiKey("A", "other", "x", MAY_1), 11L,
            new KpiKey("B", "m", "x", MAY_1), 13L));

    @Test
    void sumsEachDimensionOverInclusiveDates() {
        assertThat(reader.sumByDimension("A", "m", MAY_1, MAY_1.plusDays(5))).containsExactly(
                Map.entry("x", 5L), Map.entry("y", 7L));
        assertThat(reader.sumByDimension("A", "m", MAY_1.plusDays(1), MAY_1.plusDays(4))).containsExactly(
                Map.entry("x", 3L));
        assertThat(reader.sum("A", "m", MAY_1, MAY_1.plusDays(30))).isEqualTo(12);
        assertThat(reader.sumByDimension("C", "m", MAY_1, MAY_1)).isEmpty();
    }

    @Test
    void dailyValuesOfOneSeries() {
        assertThat(reader.daily("A", "m", "x", MAY_1, MAY_1.plusDays(9))).containsExactly(
                Map.entry(MAY_1, 2L), Map.entry(MAY_1.plusDays(1), 3L));
        assertThat(reader.daily("A", "m", "nothing", MAY_1, MAY_1)).isEmpty();
    }

    @Test
    void zeroBucketsAreDroppedAndAuthoritiesListed() {
        assertThat(reader.buckets()).hasSize(5);
        assertThat(reader.authorities()).containsExactly("A", "B");
    }
}
