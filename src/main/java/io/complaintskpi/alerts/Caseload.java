package io.complaintskpi.alerts;

import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.Complaint;
import io.complaintskpi.lifecycle.Deadline;
import io.complaintskpi.lifecycle.DueDates;
import io.complaintskpi.lifecycle.Stage;
import io.complaintskpi.rules.Timescale.Milestone;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.IntSupplier;

/**
 * The complaints manager's morning list: every complaint with where it stands against its next deadline.
 * An open complaint's row comes from its {@link Entry}, which the service keeps in an index of open
 * complaints, so the open list costs what is open; closed complaints are listed a page at a time.
 */
public final class Caseload {

    /** One complaint at its current stage. {@code workingDaysLeft} is 0 once the due date has passed. */
    public record Row(String complaintId, String authority, String regime, String serviceArea, int stage,
                      LocalDate openedOn, Milestone milestone, LocalDate due, String status, boolean open,
                      int workingDaysLeft, int workingDaysOverdue) {
    }

    /** What an open complaint's row needs that does not move with the calendar: its current stage's next deadline. */
    public record Entry(String complaintId, String authority, String regime, String serviceArea, int stage,
                        LocalDate openedOn, Milestone milestone, LocalDate due) {
    }

    /**
     * What the open complaints are counted by: every field a caseload query's filters and status tell apart, so
     * the count of a query's matches is a sum over these, however many complaints share one.
     */
    public record Tally(String authority, String regime, String serviceArea, int stage, LocalDate due) {

        public static Tally of(Entry entry) {
            return new Tally(entry.authority(), entry.regime(), entry.serviceArea(), entry.stage(), entry.due());
        }
    }

    /** How many open complaints share one {@link Tally}. */
    public record Counted(Tally tally, int complaints) {
    }

    public enum Status { OPEN, OVERDUE, ALL }

    /**
     * One caseload question: which rows (status and filters, a null filter takes any; {@code regimes} the
     * procedures' names, any of them), how many, as of
     * {@code today}; with {@link Status#ALL}, the page after the complaint reference {@code after} (null: the first).
     */
    public record Query(Status status, String authority, Integer stage, String serviceArea, List<String> regimes,
                        int limit, LocalDate today, String after) {

        public Query {
            regimes = regimes == null ? null : List.copyOf(regimes);
        }

        public boolean lists(Row row) {
            return (status == Status.ALL || row.open() && (status == Status.OPEN || row.workingDaysOverdue() > 0))
                    && filters(row.authority(), row.stage(), row.serviceArea(), row.regime());
        }

        /** The same test for an open complaint's entry, without building its row. */
        boolean lists(Entry entry, WorkingDayCalendar calendar) {
            return lists(Tally.of(entry), calendar);
        }

        /** The same test for every open complaint counted under {@code tally}. */
        boolean lists(Tally tally, WorkingDayCalendar calendar) {
            return filters(tally.authority(), tally.stage(), tally.serviceArea(), tally.regime())
                    && (status != Status.OVERDUE || overdue(tally.due(), calendar));
        }

        private boolean overdue(LocalDate due, WorkingDayCalendar calendar) {
            return Overdue.workingDaysOverdue(calendar, due, today) > 0;
        }

        private boolean filters(String rowAuthority, int rowStage, String rowServiceArea, String rowRegime) {
            return (authority == null || authority.equals(rowAuthority))
                    && (stage == null || stage == rowStage)
                    && (serviceArea == null || serviceArea.equals(rowServiceArea))
                    && (regimes == null || regimes.contains(rowRegime));
        }
    }

    /**
     * An answer. Open or overdue: {@code count} rows match, the first {@code limit} most urgent are listed,
     * {@code next} is null. All: a page of rows in reference order, {@code count} of them; {@code next} is the
     * reference to ask the following page after (null: nothing further).
     */
    public record Page(int count, List<Row> rows, String next) {
    }

    /** Most overdue first, then the nearest deadline; closed complaints last. */
    public static final Comparator<Row> MOST_URGENT_FIRST = Comparator.comparing((Row r) -> !r.open())
            .thenComparing(Comparator.comparingInt(Row::workingDaysOverdue).reversed())
            .thenComparing(Row::due)
            .thenComparing(Row::complaintId);

    private static final Comparator<Row> BY_REFERENCE = Comparator.comparing(Row::complaintId);

    /**
     * {@link #MOST_URGENT_FIRST} for open complaints, from their entries alone: working days overdue never
     * grow with a later due date, so the earlier due date is at least as overdue, and equal ones tie on it.
     */
    static final Comparator<Entry> OPEN_BY_URGENCY = Comparator.comparing(Entry::due).thenComparing(Entry::complaintId);

    private Caseload() {
    }

    /** The complaint's open-caseload entry, if it has one: a complaint whose current stage is open. */
    public static Optional<Entry> entry(CaseState state, DueDates dueDates) {
        if (state == null || state.complaint() == null || !state.complaint().current().isOpen()) {
            return Optional.empty();
        }
        Complaint complaint = state.complaint();
        Stage current = complaint.current();
        Deadline next = dueDates.next(complaint, current);
        return Optional.of(new Entry(state.key(), state.authority(), complaint.regime().name(),
                complaint.serviceArea(), current.number(), current.openedOn(), next.milestone(), next.due()));
    }

    /** An open complaint's row on {@code today}. */
    public static Row row(Entry entry, WorkingDayCalendar calendar, LocalDate today) {
        int overdue = Overdue.workingDaysOverdue(calendar, entry.due(), today);
        return new Row(entry.complaintId(), entry.authority(), entry.regime(), entry.serviceArea(), entry.stage(),
                entry.openedOn(), entry.milestone(), entry.due(), ComplaintDeadlines.openStatus(overdue), true,
                Overdue.workingDaysLeft(calendar, entry.due(), today), overdue);
    }

    /** The key's row on {@code today}; none for a key that carries no complaint. */
    public static Optional<Row> row(CaseState state, DueDates dueDates, LocalDate today) {
        if (state == null || state.complaint() == null) {
            return Optional.empty();
        }
        Optional<Entry> open = entry(state, dueDates);
        if (open.isPresent()) {
            return Optional.of(row(open.get(), dueDates.calendar(), today));
        }
        ComplaintDeadlines deadlines = ComplaintDeadlines.of(state, dueDates, today);
        ComplaintDeadlines.StageClock current = deadlines.stages().get(deadlines.stages().size() - 1);
        return Optional.of(new Row(state.key(), deadlines.authority(), deadlines.regime(), deadlines.serviceArea(),
                current.stage(), current.openedOn(), current.milestone(), current.due(), current.status(), false,
                0, current.workingDaysOverdue()));
    }

    /** One row per complaint among {@code states}; keys that carry no complaint are left out. */
    public static List<Row> rows(Collection<CaseState> states, DueDates dueDates, LocalDate today) {
        List<Row> rows = new ArrayList<>();
        states.forEach(state -> row(state, dueDates, today).ifPresent(rows::add));
        return rows;
    }

    /**
     * The open or overdue list (what matches, most urgent first, and how many match) from the open complaints'
     * entries {@code mostUrgentFirst} ({@link #OPEN_BY_URGENCY}: by due date, then reference): taken until {@code limit}
     * match, so a page reads its rows and what the filters pass over before them, not everything open. An overdue
     * list stops at the first entry not overdue, since no later due date is. When matches are left unread the
     * count is {@code counted}'s (every match, from the open complaints' {@link Tally tallies}: {@link #count}),
     * asked only then.
     */
    public static Page open(Iterator<Entry> mostUrgentFirst, IntSupplier counted, Query query,
                            WorkingDayCalendar calendar) {
        if (query.status() == Status.ALL) {
            throw new IllegalArgumentException("every complaint is listed a page at a time, not from the open ones");
        }
        List<Row> rows = new ArrayList<>();
        boolean more = false;
        while (mostUrgentFirst.hasNext()) {
            Entry entry = mostUrgentFirst.next();
            if (query.status() == Status.OVERDUE && !query.overdue(entry.due(), calendar)) {
                break;
            }
            if (!query.lists(entry, calendar)) {
                continue;
            }
            if (rows.size() == query.limit()) {
                more = true;
                break;
            }
            rows.add(row(entry, calendar, query.today()));
        }
        return new Page(more ? counted.getAsInt() : rows.size(), rows, null);
    }

    /** How many open complaints among {@code counted} the query lists. */
    public static int count(Iterator<Counted> counted, Query query, WorkingDayCalendar calendar) {
        int count = 0;
        while (counted.hasNext()) {
            Counted next = counted.next();
            if (query.lists(next.tally(), calendar)) {
                count += next.complaints();
            }
        }
        return count;
    }

    /**
     * Keys one page of every complaint may read beyond its {@code limit}: compliments, Ombudsman cases and
     * complaints the filters leave out are passed over up to this many, so a page holds {@code limit} rows
     * whenever they are that near, and its cost stays bounded however sparse the matches are.
     */
    public static final int PASSED_OVER_PER_PAGE = 2000;

    /**
     * A page of every complaint: reads the keys of {@code inReferenceOrder} (those after {@code query.after()},
     * in reference order) until {@code limit} match, or until it has read {@code limit} +
     * {@link #PASSED_OVER_PER_PAGE} keys; so a page costs at most that whatever the history, and holds fewer than
     * {@code limit} rows only at the end or when the matches are sparser than that. {@code next} is the last key
     * read when any are left.
     */
    public static Page all(Iterator<CaseState> inReferenceOrder, Query query, DueDates dueDates) {
        List<Row> rows = new ArrayList<>();
        String last = null;
        int budget = query.limit() + PASSED_OVER_PER_PAGE;
        for (int read = 0; rows.size() < query.limit() && read < budget && inReferenceOrder.hasNext(); read++) {
            CaseState state = inReferenceOrder.next();
            last = state.key();
            row(state, dueDates, query.today()).filter(query::lists).ifPresent(rows::add);
        }
        return new Page(rows.size(), rows, inReferenceOrder.hasNext() ? last : null);
    }

    /**
     * The answers of several holders of disjoint sets of complaints (partitions, instances) as one. Open or
     * overdue: counts add up, the most urgent {@code limit} are kept. All: each holder read its keys up to its
     * {@code next}, so every key up to the smallest of those was read by every holder; rows beyond it wait for
     * the next page, and so do rows beyond {@code limit}. Every complaint is listed exactly once over the pages.
     */
    public static Page merge(Query query, Collection<Page> pages) {
        if (query.status() != Status.ALL) {
            Kept<Row> rows = new Kept<>(query.limit(), MOST_URGENT_FIRST);
            pages.forEach(page -> page.rows().forEach(rows::add));
            return new Page(pages.stream().mapToInt(Page::count).sum(), rows.inOrder(), null);
        }
        List<Row> rows = new ArrayList<>();
        pages.forEach(page -> rows.addAll(page.rows()));
        String cut = pages.stream().map(Page::next).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        List<Row> upToCut = rows.stream().filter(r -> cut == null || r.complaintId().compareTo(cut) <= 0)
                .sorted(BY_REFERENCE).toList();
        if (upToCut.size() > query.limit()) {
            List<Row> page = upToCut.subList(0, query.limit());
            return new Page(page.size(), List.copyOf(page), page.get(page.size() - 1).complaintId());
        }
        return new Page(upToCut.size(), upToCut, cut);
    }

    /** The first {@code limit} of the items added in an order, kept without sorting them all. */
    private static final class Kept<T> {

        private final int limit;
        private final Comparator<T> order;
        private final PriorityQueue<T> kept; // the last kept at its head, dropped first

        Kept(int limit, Comparator<T> order) {
            this.limit = limit;
            this.order = order;
            this.kept = new PriorityQueue<>(order.reversed());
        }

        void add(T item) {
            if (kept.size() < limit) {
                kept.add(item);
            } else if (order.compare(item, kept.peek()) < 0) {
                kept.poll();
                kept.add(item);
            }
        }

        List<T> inOrder() {
            return kept.stream().sorted(order).toList();
        }
    }
}
