package io.complaintskpi.drilldown;

import io.complaintskpi.contributions.Metric;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.Complaint;
import io.complaintskpi.lifecycle.Stage;
import io.complaintskpi.series.ContributorKey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The keys behind a count: every complaint (or compliment, Ombudsman case) whose contributions put an amount in
 * the buckets a figure adds up. The service keeps an index of contributions beside the case histories, written
 * from the same before/after difference as the figures, so a list always agrees with its figure.
 */
public final class DrillDown {

    private DrillDown() {
    }

    /**
     * Which buckets to list: the dimensions of one metric of an authority over inclusive dates, the page after the
     * {@code after} position (null: the first) and at most {@code limit} rows. {@code atEnd}: the metric is a
     * balance's spans ({@link Balances}) and the list is of the keys in the balance at the end of {@code to}.
     */
    public record Query(String authority, String metric, List<String> dimensions, LocalDate from, LocalDate to,
                        String after, int limit, boolean atEnd) {
        public Query {
            dimensions = List.copyOf(dimensions);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (limit < 1) {
                throw new IllegalArgumentException("a page lists at least one row, got limit " + limit);
            }
        }

        /** The keys behind a sum of daily buckets. */
        public Query(String authority, String metric, List<String> dimensions, LocalDate from, LocalDate to,
                     String after, int limit) {
            this(authority, metric, dimensions, from, to, after, limit, false);
        }

        public Query after(String position) {
            return new Query(authority, metric, dimensions, from, to, position, limit, atEnd);
        }
    }

    /**
     * How many index entries out of a balance a page may pass over (spans that end after the day but start after
     * it too) before it stops and says where: the work of a page is bounded whatever the history.
     */
    public static final int PASSED_OVER_PER_PAGE = 2_000;

    /**
     * One key behind a figure: its reference, the dimension and day it counts on and how much it puts there (1 for
     * a count). Where the key is a complaint: the stage the figure is about (the complaint's current stage when
     * the figure names none), its service area and how that stage ended (an outcome, WITHDRAWN or
     * ESCALATED_UNRESPONDED; null while open). {@code position} is where it sits in the list.
     */
    public record Row(String reference, String dimension, LocalDate date, long amount, Integer stage,
                      String serviceArea, String outcome, String position) {
    }

    /** A page of rows in list order; {@code next} is the position to ask the following page after (null: none). */
    public record Page(List<Row> rows, String next) {
        public Page {
            rows = List.copyOf(rows);
        }
    }

    /** Index keys as they are read, before their rows are built. */
    public record Entry(ContributorKey key, long amount) {
        public String position() {
            return key.position();
        }
    }

    /** The row of an index entry; {@code state} is its key's state (null when the key holds nothing now). */
    public static Row row(Entry entry, CaseState state, String metric) {
        Integer stage = null;
        String serviceArea = null;
        String outcome = null;
        Complaint complaint = state == null ? null : state.complaint();
        if (complaint != null) {
            serviceArea = complaint.serviceArea();
            Optional<Stage> about = Metric.stageOf(metric).stream().boxed().findFirst()
                    .flatMap(complaint::stage).or(() -> Optional.of(complaint.current()));
            stage = about.get().number();
            outcome = about.filter(s -> !s.isOpen()).map(Metric::closureDimension).orElse(null);
        }
        return new Row(entry.key().reference(), entry.key().bucket().dimension(), entry.key().bucket().date(),
                entry.amount(), stage, serviceArea, outcome, entry.position());
    }

    /**
     * What one holder of disjoint keys (a partition, an instance) read, in list order: up to {@code limit} and one
     * more, or fewer when it stopped at {@code stoppedAt} (a position, null when it read all it had).
     */
    public record Read<T>(List<T> entries, String stoppedAt) {
    }

    /** The first rows of several holders' reads, and the position the next page starts after (null: none). */
    public record Merged<T>(List<T> rows, String next) {
    }

    /**
     * The first {@code limit} entries of what several holders read. Where one stopped early, nothing after its
     * stop is known to come after everything of the others, so the page ends there: rows up to the smallest
     * stop, and {@code next} is the last row when there are more than {@code limit}, else that stop.
     */
    public static <T> Merged<T> merge(int limit, Collection<Read<T>> holders, Function<T, String> position) {
        String bound = holders.stream().map(Read::stoppedAt).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
        List<T> all = new ArrayList<>();
        holders.forEach(h -> h.entries().stream()
                .filter(e -> bound == null || position.apply(e).compareTo(bound) <= 0).forEach(all::add));
        all.sort(Comparator.comparing(position));
        if (all.size() > limit) {
            List<T> rows = List.copyOf(all.subList(0, limit));
            return new Merged<>(rows, position.apply(rows.get(limit - 1)));
        }
        return new Merged<>(all, bound);
    }

    /** The pages of several holders of disjoint keys as one page of the query. */
    public static Page merge(Query query, Collection<Page> pages) {
        Merged<Row> merged = merge(query.limit(), pages.stream().map(p -> new Read<>(p.rows(), p.next())).toList(),
                Row::position);
        return new Page(merged.rows(), merged.next());
    }
}
