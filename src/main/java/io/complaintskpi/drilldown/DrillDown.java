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
     * {@code after} position (null: the first) and at most {@code limit} rows.
     */
    public record Query(String authority, String metric, List<String> dimensions, LocalDate from, LocalDate to,
                        String after, int limit) {
        public Query {
            dimensions = List.copyOf(dimensions);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (limit < 1) {
                throw new IllegalArgumentException("a page lists at least one row, got limit " + limit);
            }
        }

        public Query after(String position) {
            return new Query(authority, metric, dimensions, from, to, position, limit);
        }
    }

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

    public static final Comparator<Entry> LIST_ORDER = Comparator.comparing(Entry::position);

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
     * The first {@code limit} entries after the query's position among what several holders of disjoint keys
     * (partitions, instances) read, each up to {@code limit} in list order; {@code more} says whether any holder
     * left entries unread. The page's {@code next} is its last position when anything is left.
     */
    public static <T> List<T> first(Query query, Collection<List<T>> holders, Comparator<T> order) {
        List<T> all = new ArrayList<>();
        holders.forEach(all::addAll);
        all.sort(order);
        return all.size() > query.limit() ? List.copyOf(all.subList(0, query.limit())) : all;
    }

    /** The pages of several holders of disjoint keys as one page of the query. */
    public static Page merge(Query query, Collection<Page> pages) {
        List<Row> rows = first(query, pages.stream().map(Page::rows).toList(), Comparator.comparing(Row::position));
        boolean more = pages.stream().anyMatch(p -> p.next() != null)
                || pages.stream().mapToInt(p -> p.rows().size()).sum() > rows.size();
        return new Page(rows, more && !rows.isEmpty() ? rows.get(rows.size() - 1).position() : null);
    }
}
