package io.complaintskpi.streams;

import io.complaintskpi.series.KpiKey;
import io.complaintskpi.series.RollupGrain;
import io.complaintskpi.series.SeriesReader;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's roll-ups and seeks give what a full scan of the days gives, and read what the period holds,
 * not the whole history; the authority list reads the index alone.
 */
class StoreSeriesReaderTest {

    private static final LocalDate FIRST = LocalDate.of(2010, 4, 1);
    private static final List<String> AUTHORITIES = List.of("E06", "E06-2", "E10", "E10A", "SIM0001");
    private static final List<String> METRICS = List.of("stage1.received", "stage1.upheld");
    private static final List<String> DIMENSIONS = List.of("Adoption", "Adoption Support", "Disability", "");

    @Test
    void a_period_sum_equals_the_brute_force_sum_for_periods_of_every_shape() {
        Stores stores = stores(15);
        StoreSeriesReader reader = stores.reader();
        for (LocalDate[] period : new LocalDate[][] {
                {LocalDate.of(2016, 4, 1), LocalDate.of(2017, 3, 31)},     // a financial year
                {LocalDate.of(2016, 3, 17), LocalDate.of(2019, 5, 2)},     // days, months, years, months, days
                {LocalDate.of(2016, 6, 1), LocalDate.of(2016, 8, 31)},     // whole months
                {LocalDate.of(2016, 6, 3), LocalDate.of(2016, 6, 20)},     // days inside a month
                {LocalDate.of(1900, 1, 1), LocalDate.of(2020, 2, 11)},     // all time to a day
                {LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31)}}) { // partly after the data
            for (String metric : METRICS) {
                assertThat(reader.sumByDimension("E10", metric, period[0], period[1])).as("%s %s", metric, period[0])
                        .isEqualTo(bruteForce(stores, "E10", metric, period[0], period[1])).isNotEmpty();
            }
        }
    }

    @Test
    void a_financial_year_reads_one_range_of_its_year_sheet_and_no_day() {
        Stores stores = stores(15);
        stores.reader().sumByDimension("E10", "stage1.received", LocalDate.of(2016, 4, 1), LocalDate.of(2017, 3, 31));
        // The year's sheet: one bucket per metric and dimension of that year, nothing else.
        assertThat(stores.reads()).isEqualTo(METRICS.size() * DIMENSIONS.size());
        assertThat(stores.ranges()).isEqualTo(1);
    }

    @Test
    void a_financial_year_and_the_year_before_of_every_metric_are_one_range() {
        Stores stores = stores(15);
        LocalDate fy = LocalDate.of(2016, 4, 1);
        List<SeriesReader.Span> spans = new ArrayList<>();
        for (String metric : METRICS) {
            spans.add(new SeriesReader.Span(metric, fy, fy.plusYears(1).minusDays(1)));
            spans.add(new SeriesReader.Span(metric, fy.minusYears(1), fy.minusDays(1)));
        }
        Map<SeriesReader.Span, Map<String, Long>> sums = stores.reader().sumsByDimension("E10", spans);

        for (SeriesReader.Span span : spans) {
            assertThat(sums.get(span)).as("%s", span).isNotEmpty()
                    .isEqualTo(bruteForce(stores, "E10", span.metric(), span.from(), span.to()));
        }
        assertThat(stores.ranges()).isEqualTo(1);
        assertThat(stores.reads()).isEqualTo(2L * METRICS.size() * DIMENSIONS.size());
    }

    @Test
    void an_all_time_balance_reads_its_own_roll_ups_beside_the_year_sheet_of_the_others() {
        Stores stores = stores(15);
        LocalDate fy = LocalDate.of(2016, 4, 1);
        SeriesReader.Span year = new SeriesReader.Span(METRICS.get(0), fy, fy.plusYears(1).minusDays(1));
        SeriesReader.Span allTime = new SeriesReader.Span(METRICS.get(1), LocalDate.of(1900, 4, 1),
                fy.plusYears(1).minusDays(1));
        Map<SeriesReader.Span, Map<String, Long>> sums = stores.reader().sumsByDimension("E10", List.of(year, allTime));

        assertThat(sums.get(year)).isNotEmpty().isEqualTo(bruteForce(stores, "E10", year.metric(), year.from(), year.to()));
        assertThat(sums.get(allTime)).isNotEmpty()
                .isEqualTo(bruteForce(stores, "E10", allTime.metric(), allTime.from(), allTime.to()));
        // The sheet of the one year, and the balance's seven years of its own roll-ups: not every metric's history.
        assertThat(stores.ranges()).isEqualTo(2);
        assertThat(stores.reads()).isEqualTo(METRICS.size() * DIMENSIONS.size() + 7L * DIMENSIONS.size());
    }

    @Test
    void the_spans_of_a_query_give_their_own_sums_reading_each_metrics_touching_buckets_once() {
        Stores stores = stores(15);
        LocalDate fy = LocalDate.of(2016, 4, 1);
        List<SeriesReader.Span> spans = new ArrayList<>();
        for (String metric : METRICS) {
            spans.add(new SeriesReader.Span(metric, fy, fy.plusYears(1).minusDays(1)));             // the year
            spans.add(new SeriesReader.Span(metric, fy.minusYears(1), fy.minusDays(1)));            // the year before
            spans.add(new SeriesReader.Span(metric, LocalDate.of(1900, 4, 1), fy.plusYears(1).minusDays(1))); // all time
            spans.add(new SeriesReader.Span(metric, fy.plusDays(3), fy.plusDays(70)));             // days, a month, days
        }
        Map<SeriesReader.Span, Map<String, Long>> sums = stores.reader().sumsByDimension("E10", spans);

        for (SeriesReader.Span span : spans) {
            assertThat(sums.get(span)).as("%s", span).isNotEmpty()
                    .isEqualTo(bruteForce(stores, "E10", span.metric(), span.from(), span.to()));
        }
        // Per metric: one range over the years of the first three spans, one over the month of the last, and
        // the day scans of its two ends (each: a first range, then a seek into and one past each dimension's days).
        assertThat(stores.partitions.stream().mapToLong(p -> p.ranges).sum())
                .isEqualTo(METRICS.size() * (2L + 2 * (1 + 2L * DIMENSIONS.size())));
    }

    @Test
    void the_cost_of_a_period_does_not_grow_with_the_years_of_history() {
        for (LocalDate[] period : new LocalDate[][] {
                {LocalDate.of(2011, 4, 1), LocalDate.of(2012, 3, 31)},
                {LocalDate.of(2011, 5, 9), LocalDate.of(2012, 2, 13)}}) {
            Stores short_ = stores(3);
            Stores long_ = stores(15);
            short_.reader().sumByDimension("E06", "stage1.received", period[0], period[1]);
            long_.reader().sumByDimension("E06", "stage1.received", period[0], period[1]);
            assertThat(long_.reads()).isEqualTo(short_.reads()).isPositive();
        }
    }

    @Test
    void a_period_before_or_after_the_data_sums_to_nothing() {
        StoreSeriesReader reader = stores(2).reader();
        assertThat(reader.sumByDimension("E10", "stage1.received", LocalDate.of(2000, 1, 1), LocalDate.of(2001, 1, 1)))
                .isEmpty();
        assertThat(reader.sumByDimension("E10", "stage1.received", LocalDate.of(2030, 1, 1), LocalDate.of(2031, 1, 1)))
                .isEmpty();
        assertThat(reader.sumByDimension("NOPE", "stage1.received", FIRST, FIRST.plusYears(3))).isEmpty();
    }

    @Test
    void every_authority_in_every_partition_is_listed_reading_the_index_alone() {
        Stores stores = stores(4);
        StoreSeriesReader reader = stores.reader();
        assertThat(reader.authorities()).containsExactlyElementsOf(AUTHORITIES.stream().sorted().toList());
        long indexed = stores.partitions.stream()
                .mapToLong(p -> p.data.keySet().stream().filter(k -> k.startsWith(KpiKey.AUTHORITY_INDEX)).count()).sum();
        assertThat(stores.reads()).isEqualTo(indexed);
        assertThat(reader.holds("E10A")).isTrue();
        assertThat(reader.holds("E10B")).isFalse();
    }

    @Test
    void daily_values_come_from_the_partition_that_holds_the_series() {
        Stores stores = stores(2);
        NavigableMap<LocalDate, Long> days = stores.reader().daily("E10A", "stage1.received", "Disability", FIRST,
                FIRST.plusDays(9));
        NavigableMap<LocalDate, Long> expected = new TreeMap<>();
        FIRST.datesUntil(FIRST.plusDays(10)).filter(day -> value("E10A", "Disability", day) != 0)
                .forEach(day -> expected.put(day, value("E10A", "Disability", day)));
        assertThat(days).isNotEmpty().isEqualTo(expected);
    }

    private record Stores(List<CountingStore> partitions) {
        StoreSeriesReader reader() {
            return new StoreSeriesReader(() -> new FixedPartitions(List.copyOf(partitions)));
        }

        long reads() {
            return partitions.stream().mapToLong(p -> p.read).sum();
        }

        long ranges() {
            return partitions.stream().mapToLong(p -> p.ranges).sum();
        }
    }

    /**
     * Series spread over three partitions as the repartition spreads them, every day with a value, and the
     * roll-ups, year sheets and authority index the aggregator keeps beside them.
     */
    private static Stores stores(int years) {
        List<CountingStore> parts = Stream.generate(CountingStore::new).limit(3).toList();
        for (String authority : AUTHORITIES) {
            for (String metric : METRICS) {
                CountingStore part = parts.get(SeriesPartitioner.partitionOf(authority, parts.size()));
                part.data.put(KpiKey.authorityIndex(authority), 1L);
                for (String dimension : DIMENSIONS) {
                    for (LocalDate day = FIRST; day.isBefore(FIRST.plusYears(years)); day = day.plusDays(1)) {
                        long value = value(authority, dimension, day);
                        part.data.put(new KpiKey(authority, metric, dimension, day).encode(), value);
                        for (RollupGrain grain : List.of(RollupGrain.MONTH, RollupGrain.FINANCIAL_YEAR)) {
                            part.data.merge(KpiKey.rollup(authority, metric, grain, grain.start(day), dimension),
                                    value, Long::sum);
                        }
                        part.data.merge(KpiKey.yearSheet(authority, RollupGrain.FINANCIAL_YEAR.start(day), metric,
                                dimension), value, Long::sum);
                    }
                }
            }
        }
        return new Stores(parts);
    }

    private static long value(String authority, String dimension, LocalDate day) {
        return (authority.length() + dimension.length() + day.getDayOfYear()) % 5;
    }

    private static Map<String, Long> bruteForce(Stores stores, String authority, String metric,
                                                LocalDate from, LocalDate to) {
        Map<String, Long> sums = new HashMap<>();
        stores.partitions.forEach(p -> p.data.forEach((k, v) -> {
            if (!k.matches(".*\\|\\d{4}-\\d{2}-\\d{2}")) {
                return; // a roll-up or the index
            }
            KpiKey key = KpiKey.decode(k);
            if (key.authority().equals(authority) && key.metric().equals(metric) && !key.date().isBefore(from)
                    && !key.date().isAfter(to)) {
                sums.merge(key.dimension(), v, Long::sum);
            }
        }));
        sums.values().removeIf(n -> n == 0);
        return sums;
    }

    /** A sorted store (byte order of the UTF-8 keys, as RocksDB's) that counts the entries read. */
    private static final class CountingStore implements ReadOnlyKeyValueStore<String, Long> {
        final TreeMap<String, Long> data = new TreeMap<>(
                (a, b) -> java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        b.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        long read;
        long ranges;

        @Override
        public Long get(String key) {
            return data.get(key);
        }

        @Override
        public KeyValueIterator<String, Long> range(String from, String to) {
            ranges++;
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
