package io.complaintskpi.figures;

import io.complaintskpi.testing.SeedFixture;

import io.complaintskpi.series.SeriesReader;


import io.complaintskpi.contributions.Metric;
import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static io.complaintskpi.testing.SeedFixture.LEICS;
import static org.assertj.core.api.Assertions.assertThat;

/** A catalogue query reads every sum it needs in one batch: one call to each instance, not one per metric. */
class PrefetchedSeriesTest {

    private static final Period YEAR = Period.financialYear(FinancialYear.parse("2015/16"));

    private final CountingReader counting = new CountingReader(SeedFixture.reader(), false);
    private final KpiEvaluator catalogue = new KpiEvaluator(counting);

    @Test
    void aSnapshotIsOneBatchAndTheSameFiguresAsReadOneByOne() {
        KpiSnapshot batched = catalogue.snapshot(LEICS, YEAR);

        assertThat(counting.batches).hasValue(1);
        assertThat(counting.single).hasValue(0);
        assertThat(counting.spans.get()).isGreaterThan(20);
        assertThat(batched).isEqualTo(new KpiEvaluator(new CountingReader(SeedFixture.reader(), true)).snapshot(LEICS, YEAR));
    }

    @Test
    void rollingWindowsCostsAndOpenComplaintsAreOneBatchEach() {
        catalogue.rollingTimeliness(LEICS, LocalDate.of(2016, 3, 31));
        catalogue.costs(LEICS, FinancialYear.parse("2015/16"), 3);
        catalogue.openByStage(LEICS, Regime.CHILDREN, LocalDate.of(2016, 3, 31));
        catalogue.rate(LEICS, "escalation.rate", YEAR);

        assertThat(counting.batches).hasValue(4);
        assertThat(counting.single).hasValue(0);
    }

    @Test
    void whatAQueryShapeAsksIsNotedOnceAndServesEveryAuthority() {
        AtomicInteger runs = new AtomicInteger();
        Object shape = new Object(); // a shape no other test has noted

        long first = PrefetchedSeries.batched(counting, LEICS, shape, received(LEICS, runs));
        long again = PrefetchedSeries.batched(counting, LEICS, shape, received(LEICS, runs));
        long elsewhere = PrefetchedSeries.batched(counting, "E06000016", shape, received("E06000016", runs));

        assertThat(runs).as("one noting run, then three real ones").hasValue(4);
        assertThat(first).isEqualTo(again).isPositive()
                .isEqualTo(SeedFixture.reader().sum(LEICS, Metric.received(Regime.CHILDREN, 1), YEAR.from(), YEAR.to()));
        assertThat(elsewhere).isZero();
        assertThat(counting.batches).hasValue(3);
        assertThat(counting.single).as("every sum came in its batch").hasValue(0);
    }

    private static Function<SeriesReader, Long> received(String authority, AtomicInteger runs) {
        return reader -> {
            runs.incrementAndGet();
            return reader.sum(authority, Metric.received(Regime.CHILDREN, 1), YEAR.from(), YEAR.to());
        };
    }

    /**
     * Counts batches and single sums; answers batches as the default one-by-one reading would, or, when it
     * {@code refusesBatches}, with nothing, so that every sum is read on its own as before batching.
     */
    private static final class CountingReader implements SeriesReader {

        private final SeriesReader reader;
        private final boolean refusesBatches;
        final AtomicInteger batches = new AtomicInteger();
        final AtomicInteger spans = new AtomicInteger();
        final AtomicInteger single = new AtomicInteger();

        CountingReader(SeriesReader reader, boolean refusesBatches) {
            this.reader = reader;
            this.refusesBatches = refusesBatches;
        }

        @Override
        public Map<Span, Map<String, Long>> sumsByDimension(String authority, Collection<Span> asked) {
            batches.incrementAndGet();
            spans.addAndGet(asked.size());
            return refusesBatches ? Map.of() : reader.sumsByDimension(authority, asked);
        }

        @Override
        public Map<String, Long> sumByDimension(String authority, String metric, LocalDate from, LocalDate to) {
            single.incrementAndGet();
            return reader.sumByDimension(authority, metric, from, to);
        }

        @Override
        public NavigableMap<LocalDate, Long> daily(String authority, String metric, String dimension,
                                                   LocalDate from, LocalDate to) {
            return reader.daily(authority, metric, dimension, from, to);
        }

        @Override
        public Set<String> authorities() {
            return reader.authorities();
        }
    }
}
