package io.complaintskpi.streams;

import io.complaintskpi.kpi.KpiKey;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader's seeks give what a full scan gives, and read what the period holds, not the whole history. */
class StoreSeriesReaderTest {

    private static final LocalDate FIRST = LocalDate.of(2010, 4, 1);
    private static final List<String> AUTHORITIES = List.of("E06", "E06-2", "E10", "E10A", "SIM0001");
    private static final List<String> DIMENSIONS = List.of("Adoption", "Adoption Support", "Disability", "");

    @Test
    void a_period_sum_equals_the_brute_force_sum_and_reads_only_the_period() {
        List<CountingStore> stores = stores(15);
        StoreSeriesReader reader = new StoreSeriesReader(() -> List.copyOf(stores));
        LocalDate from = LocalDate.of(2016, 4, 1);
        LocalDate to = LocalDate.of(2017, 3, 31);

        Map<String, Long> sums = reader.sumByDimension("E10", "stage1.received", from, to);

        assertThat(sums).isEqualTo(bruteForce(stores, "E10", "stage1.received", from, to)).hasSize(DIMENSIONS.size());
        long days = from.datesUntil(to.plusDays(1)).count();
        // Each dimension's days in the period, plus the one key past each end that triggers a seek.
        assertThat(stores.stream().mapToLong(s -> s.read).sum()).isLessThanOrEqualTo(DIMENSIONS.size() * (days + 2));
    }

    @Test
    void the_cost_of_a_period_does_not_grow_with_the_years_of_history() {
        LocalDate from = LocalDate.of(2011, 4, 1);
        LocalDate to = LocalDate.of(2012, 3, 31);
        List<CountingStore> short_ = stores(3);
        List<CountingStore> long_ = stores(15);
        new StoreSeriesReader(() -> List.copyOf(short_)).sumByDimension("E06", "stage1.received", from, to);
        new StoreSeriesReader(() -> List.copyOf(long_)).sumByDimension("E06", "stage1.received", from, to);
        assertThat(long_.stream().mapToLong(s -> s.read).sum()).isEqualTo(short_.stream().mapToLong(s -> s.read).sum());
    }

    @Test
    void a_period_before_or_after_the_data_sums_to_nothing() {
        StoreSeriesReader reader = new StoreSeriesReader(() -> List.copyOf(stores(2)));
        assertThat(reader.sumByDimension("E10", "stage1.received", LocalDate.of(2000, 1, 1), LocalDate.of(2001, 1, 1)))
                .isEmpty();
        assertThat(reader.sumByDimension("E10", "stage1.received", LocalDate.of(2030, 1, 1), LocalDate.of(2031, 1, 1)))
                .isEmpty();
        assertThat(reader.sumByDimension("NOPE", "stage1.received", FIRST, FIRST.plusYears(3))).isEmpty();
    }

    @Test
    void every_authority_in_every_partition_is_listed_reading_one_key_each() {
        List<CountingStore> stores = stores(4);
        StoreSeriesReader reader = new StoreSeriesReader(() -> List.copyOf(stores));
        assertThat(reader.authorities()).containsExactlyElementsOf(AUTHORITIES.stream().sorted().toList());
        long present = stores.stream().mapToLong(s -> s.data.keySet().stream()
                .map(k -> KpiKey.decode(k).authority()).distinct().count()).sum();
        assertThat(stores.stream().mapToLong(s -> s.read).sum()).isEqualTo(present);
    }

    @Test
    void daily_values_come_from_whichever_partition_holds_the_series() {
        List<CountingStore> stores = stores(2);
        StoreSeriesReader reader = new StoreSeriesReader(() -> List.copyOf(stores));
        NavigableMap<LocalDate, Long> days = reader.daily("E10A", "stage1.received", "Disability", FIRST,
                FIRST.plusDays(9));
        NavigableMap<LocalDate, Long> expected = new TreeMap<>();
        FIRST.datesUntil(FIRST.plusDays(10)).filter(day -> value("E10A", "Disability", day) != 0)
                .forEach(day -> expected.put(day, value("E10A", "Disability", day)));
        assertThat(days).isNotEmpty().isEqualTo(expected);
    }

    /** Series spread over three partitions as the repartition spreads them; every day has a value. */
    private static List<CountingStore> stores(int years) {
        List<CountingStore> stores = List.of(new CountingStore(), new CountingStore(), new CountingStore());
        for (String authority : AUTHORITIES) {
            for (String metric : List.of("stage1.received", "stage1.upheld")) {
                for (String dimension : DIMENSIONS) {
                    String series = KpiKey.prefix(authority, metric, dimension);
                    CountingStore store = stores.get(SeriesPartitioner.partition(series + FIRST, stores.size()));
                    for (LocalDate day = FIRST; day.isBefore(FIRST.plusYears(years)); day = day.plusDays(1)) {
                        store.data.put(new KpiKey(authority, metric, dimension, day).encode(), value(authority, dimension, day));
                    }
                }
            }
        }
        return stores;
    }

    private static long value(String authority, String dimension, LocalDate day) {
        return (authority.length() + dimension.length() + day.getDayOfYear()) % 5;
    }

    private static Map<String, Long> bruteForce(List<CountingStore> stores, String authority, String metric,
                                                LocalDate from, LocalDate to) {
        Map<String, Long> sums = new HashMap<>();
        stores.forEach(s -> s.data.forEach((k, v) -> {
            KpiKey key = KpiKey.decode(k);
            if (key.authority().equals(authority) && key.metric().equals(metric) && !key.date().isBefore(from)
                    && !key.date().isAfter(to) && v != 0) {
                sums.merge(key.dimension(), v, Long::sum);
            }
        }));
        return sums;
    }

    /** A sorted store (byte order of the UTF-8 keys, as RocksDB's) that counts the entries read. */
    private static final class CountingStore implements ReadOnlyKeyValueStore<String, Long> {
        final TreeMap<String, Long> data = new TreeMap<>(
                (a, b) -> java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        b.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        long read;

        @Override
        public Long get(String key) {
            return data.get(key);
        }

        @Override
        public KeyValueIterator<String, Long> range(String from, String to) {
            NavigableMap<String, Long> view = from == null && to == null ? data
                    : from == null ? data.headMap(to, true)
                    : to == null ? data.tailMap(from, true)
                    : data.comparator().compare(from, to) > 0 ? new TreeMap<>() : data.subMap(from, true, to, true);
            Iterator<Map.Entry<String, Long>> it = view.entrySet().iterator();
            return new KeyValueIterator<>() {
                @Override
                public void close() {
                }

                @Override
                public String peekNextKey() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public KeyValue<String, Long> next() {
                    read++;
                    Map.Entry<String, Long> e = it.next();
                    return KeyValue.pair(e.getKey(), e.getValue());
                }
            };
        }

        @Override
        public KeyValueIterator<String, Long> all() {
            return range(null, null);
        }

        @Override
        public long approximateNumEntries() {
            return data.size();
        }
    }
}
