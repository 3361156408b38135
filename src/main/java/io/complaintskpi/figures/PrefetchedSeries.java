package io.complaintskpi.figures;

import io.complaintskpi.series.SeriesReader;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Sums read in one batch up front ({@link SeriesReader#sumsByDimension}) for one authority, answered from
 * memory; anything else is asked of the reader behind. Lives for one query.
 */
final class PrefetchedSeries implements SeriesReader {

    /**
     * Runs {@code query} against a reader that only notes the sums it asks for (its figures, all from nothing,
     * are dropped), reads those sums in one batch, then runs it for real. The query itself is the one list of
     * what it reads, so the batch can never miss or add a metric. What it asks is noted once per {@code shape}:
     * a value (with equals) naming the query and all it depends on but the authority and the data. The noting
     * run sees no data, so what it notes is the same for every authority, and a dashboard's repeated
     * {@code /kpis} skips that run, which took as long as the real one. A sum the real run asks beyond the
     * noted ones is still read, one at a time.
     */
    static <T> T batched(SeriesReader reader, String authority, Object shape, Function<SeriesReader, T> query) {
        Collection<Span> spans = ASKED.get(shape);
        if (spans == null) {
            Recorder recorder = new Recorder();
            query.apply(recorder);
            spans = List.copyOf(recorder.spans);
            if (ASKED.size() >= SHAPES_KEPT) {
                ASKED.clear(); // a bound, not a policy: dashboards ask a few shapes over and over
            }
            ASKED.put(shape, spans);
        }
        return query.apply(new PrefetchedSeries(reader, authority, spans));
    }

    /** How many query shapes' noted sums {@link #batched} keeps. */
    static final int SHAPES_KEPT = 256;
    private static final Map<Object, Collection<Span>> ASKED = new ConcurrentHashMap<>();

    private final SeriesReader reader;
    private final String authority;
    private final Map<Span, Map<String, Long>> sums;

    PrefetchedSeries(SeriesReader reader, String authority, Collection<Span> spans) {
        this.reader = reader;
        this.authority = authority;
        this.sums = reader.sumsByDimension(authority, spans);
    }

    @Override
    public Map<String, Long> sumByDimension(String authority, String metric, LocalDate from, LocalDate to) {
        Map<String, Long> read = this.authority.equals(authority) ? sums.get(new Span(metric, from, to)) : null;
        return read != null ? read : reader.sumByDimension(authority, metric, from, to);
    }

    @Override
    public NavigableMap<LocalDate, Long> daily(String authority, String metric, String dimension, LocalDate from,
                                               LocalDate to) {
        return reader.daily(authority, metric, dimension, from, to);
    }

    @Override
    public Set<String> authorities() {
        return reader.authorities();
    }

    @Override
    public boolean holds(String authority) {
        return reader.holds(authority);
    }

    /** Answers every question with nothing, noting the sums asked for. */
    private static final class Recorder implements SeriesReader {

        private final Set<Span> spans = new LinkedHashSet<>();

        @Override
        public Map<String, Long> sumByDimension(String authority, String metric, LocalDate from, LocalDate to) {
            spans.add(new Span(metric, from, to));
            return Map.of();
        }

        @Override
        public NavigableMap<LocalDate, Long> daily(String authority, String metric, String dimension,
                                                   LocalDate from, LocalDate to) {
            return new TreeMap<>();
        }

        @Override
        public Set<String> authorities() {
            return Set.of();
        }
    }
}
