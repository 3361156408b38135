package io.complaintskpi.streams;

import io.complaintskpi.catalogue.Formula;
import io.complaintskpi.catalogue.KpiDefinition;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.demo.SeedHistory;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.SchemaValidator;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.figures.KpiSnapshot;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import io.complaintskpi.series.InMemorySeriesReader;
import io.complaintskpi.series.KpiKey;
import io.complaintskpi.simulate.Simulation;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code /kpis} for a financial year reads from {@code kpi-totals} as the production topology wrote it: the
 * year and the year before of every metric in one range over the year sheets, one range of its own roll-ups
 * for each all-time balance and the context figures' one day a year, nothing per metric else (74 ranges before
 * the sheets); and the figures are those the days give.
 */
class KpiSnapshotReadsTest {

    private static final FinancialYear FIRST = FinancialYear.parse("2019/20");

    @TempDir
    static Path dir;
    private static TopologyHarness topology;

    @BeforeAll
    static void replay() {
        topology = new TopologyHarness(dir, Instant.parse("2023-01-04T09:00:00Z"));
        EventCodec codec = new EventCodec(SeedHistory.AUTHORITY, new SchemaValidator());
        new Simulation(new Simulation.Plan(3, FIRST, 3, 60, 11)).days().forEachRemaining(day -> {
            for (EventEnvelope event : day) {
                topology.events.pipeInput(event.complaintId(), codec.encode(event), event.occurredAt().toInstant());
            }
        });
    }

    @AfterAll
    static void close() {
        topology.close();
    }

    @Test
    void a_financial_year_is_one_range_over_the_sheets_beside_the_balances_and_the_context_day() {
        Counting store = new Counting(topology.kpis());
        StoreSeriesReader reader = new StoreSeriesReader(() -> new FixedPartitions(List.of(store)));
        String authority = reader.authorities().iterator().next();
        Period year = Period.financialYear(new FinancialYear(FIRST.startYear() + 2));
        store.ranges = 0;

        KpiSnapshot snapshot = new KpiEvaluator(reader).snapshot(authority, year);

        assertThat(snapshot.figures()).hasSizeGreaterThan(100);
        // The sheets, each balance's own roll-ups, and the context figures' day (1 April) of each year.
        assertThat(store.ranges).isEqualTo(1 + balanceMetrics().size() + 2);
        assertThat(snapshot).isEqualTo(new KpiEvaluator(fromDays()).snapshot(authority, year));
    }

    /** The metrics the catalogue reads from the beginning of time (open and held at a period's end). */
    private static Set<String> balanceMetrics() {
        Set<String> metrics = new HashSet<>();
        for (KpiDefinition kpi : KpiDefinitions.all()) {
            if (kpi.formula() instanceof Formula.OpenAtEnd open) {
                metrics.add(open.receivedMetric());
                metrics.add(open.closedMetric());
            } else if (kpi.formula() instanceof Formula.HeldAtEnd held) {
                metrics.add(held.metric());
            }
        }
        return metrics;
    }

    /** The same buckets, from the daily keys alone. */
    private static InMemorySeriesReader fromDays() {
        Map<KpiKey, Long> days = new HashMap<>();
        try (KeyValueIterator<String, Long> it = topology.kpis().all()) {
            it.forEachRemaining(kv -> {
                if (!kv.key.startsWith(KpiKey.AUTHORITY_INDEX) && kv.key.matches(".*\\|\\d{4}-\\d{2}-\\d{2}")) {
                    days.put(KpiKey.decode(kv.key), kv.value);
                }
            });
        }
        return new InMemorySeriesReader(days);
    }

    /** The store, counting the ranges read. */
    private static final class Counting implements ReadOnlyKeyValueStore<String, Long> {
        private final ReadOnlyKeyValueStore<String, Long> store;
        long ranges;

        Counting(ReadOnlyKeyValueStore<String, Long> store) {
            this.store = store;
        }

        @Override
        public Long get(String key) {
            return store.get(key);
        }

        @Override
        public KeyValueIterator<String, Long> range(String from, String to) {
            ranges++;
            return store.range(from, to);
        }

        @Override
        public KeyValueIterator<String, Long> all() {
            return store.all();
        }

        @Override
        public long approximateNumEntries() {
            return store.approximateNumEntries();
        }
    }
}
