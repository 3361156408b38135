package io.complaintskpi.streams;

import io.complaintskpi.series.KpiKey;
import io.complaintskpi.series.RollupGrain;
import io.complaintskpi.series.SeriesReader;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.simulate.Simulation;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simulated lifecycle events of three authorities over three financial years through the production topology:
 * the month and financial-year roll-ups and the year sheets it writes are exactly the daily sums, so a period read from them
 * gives what the days give, for any period.
 */
class KpiRollupsTest {

    @TempDir
    static Path dir;
    private static TopologyHarness topology;
    private static Map<String, Long> days;
    private static Map<String, Long> rollups;
    private static Set<String> indexed;

    @BeforeAll
    static void replay() {
        topology = new TopologyHarness(dir, Instant.parse("2023-01-04T09:00:00Z"));
        topology.pipe(new Simulation.Plan(3, FinancialYear.parse("2019/20"), 3, 60, 11));
        // The store's four key families, told apart as the reader does not: by how their keys end and start.
        days = new HashMap<>();
        rollups = new HashMap<>();
        indexed = new TreeSet<>();
        try (KeyValueIterator<String, Long> it = topology.kpis().all()) {
            it.forEachRemaining(kv -> {
                if (kv.key.startsWith(KpiKey.AUTHORITY_INDEX)) {
                    indexed.add(KpiKey.indexedAuthority(kv.key));
                } else if (kv.key.matches(".*\\|\\d{4}-\\d{2}-\\d{2}")) {
                    days.put(kv.key, kv.value);
                } else {
                    rollups.put(kv.key, kv.value);
                }
            });
        }
    }

    @AfterAll
    static void close() {
        topology.close();
    }

    @Test
    void every_roll_up_and_year_sheet_is_the_sum_of_its_days_and_nothing_else_is_rolled_up() {
        Map<String, Long> expected = new HashMap<>();
        days.forEach((key, amount) -> {
            KpiKey day = KpiKey.decode(key);
            for (RollupGrain grain : List.of(RollupGrain.MONTH, RollupGrain.FINANCIAL_YEAR)) {
                expected.merge(KpiKey.rollup(day.authority(), day.metric(), grain, grain.start(day.date()),
                        day.dimension()), amount, Long::sum);
            }
            expected.merge(KpiKey.yearSheet(day.authority(), RollupGrain.FINANCIAL_YEAR.start(day.date()),
                    day.metric(), day.dimension()), amount, Long::sum);
        });
        assertThat(days).hasSizeGreaterThan(1_000);
        assertThat(rollups).isEqualTo(expected);
    }

    @Test
    void a_sum_over_any_period_equals_the_sum_of_its_days() {
        SeriesReader reader = topology.series();
        List<KpiKey> keys = days.keySet().stream().map(KpiKey::decode).toList();
        Set<String> metrics = new TreeSet<>();
        keys.forEach(k -> metrics.add(k.authority() + "|" + k.metric()));
        List<String> series = new ArrayList<>(metrics);
        Random random = new Random(5);
        LocalDate first = LocalDate.of(2019, 1, 1);
        for (int i = 0; i < 400; i++) {
            String[] pick = series.get(random.nextInt(series.size())).split("\\|");
            LocalDate from = i % 5 == 0 ? LocalDate.of(1900, 1, 1) : first.plusDays(random.nextInt(1_500));
            LocalDate to = from.isBefore(first) ? first.plusDays(random.nextInt(1_500))
                    : from.plusDays(random.nextInt(i % 2 == 0 ? 40 : 900));
            assertThat(reader.sumByDimension(pick[0], pick[1], from, to))
                    .as("%s %s %s to %s", pick[0], pick[1], from, to)
                    .isEqualTo(byDays(keys, pick[0], pick[1], from, to));
        }
    }

    @Test
    void the_authority_index_lists_every_authority_with_a_bucket() {
        Set<String> expected = new TreeSet<>();
        days.keySet().forEach(k -> expected.add(KpiKey.decode(k).authority()));
        assertThat(indexed).isEqualTo(expected);
        assertThat(topology.series().authorities()).hasSize(3).isEqualTo(expected);
        assertThat(topology.series().holds(expected.iterator().next())).isTrue();
        assertThat(topology.series().holds("E99999999")).isFalse();
    }

    private static Map<String, Long> byDays(List<KpiKey> keys, String authority, String metric, LocalDate from,
                                            LocalDate to) {
        Map<String, Long> sums = new HashMap<>();
        for (KpiKey key : keys) {
            if (key.authority().equals(authority) && key.metric().equals(metric) && !key.date().isBefore(from)
                    && !key.date().isAfter(to)) {
                sums.merge(key.dimension(), days.get(key.encode()), Long::sum);
            }
        }
        sums.values().removeIf(n -> n == 0);
        return sums;
    }
}
