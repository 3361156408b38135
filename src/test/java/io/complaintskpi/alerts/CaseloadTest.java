package io.complaintskpi.alerts;

import io.complaintskpi.events.ComplaintEvent.ComplimentReceived;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.PanelHeld;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.Cases;
import io.complaintskpi.rules.Timescale.Milestone;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.complaintskpi.lifecycle.Cases.children;
import static io.complaintskpi.lifecycle.Cases.date;
import static io.complaintskpi.lifecycle.Cases.on;
import static io.complaintskpi.lifecycle.Cases.replay;
import static io.complaintskpi.lifecycle.Cases.responded;
import static org.assertj.core.api.Assertions.assertThat;

/** The morning list as a pure function of case states, on Wednesday 17 June 2015. */
class CaseloadTest {

    private static final CaseState OVERDUE = replay(on("A", "2015-06-01", children()));
    private static final CaseState DUE_SOON = replay(on("B", "2015-06-10", children()));
    private static final CaseState ANSWERED = replay(on("C", "2015-06-01", children()),
            on("C", "2015-06-05", responded(1, Outcome.NOT_UPHELD)));
    private static final CaseState PANEL_HELD = replay(on("D", "2015-01-05", children()),
            on("D", "2015-01-12", responded(1, Outcome.NOT_UPHELD)), on("D", "2015-01-13", new EscalationRequested(2)),
            on("D", "2015-02-16", responded(2, Outcome.NOT_UPHELD)), on("D", "2015-06-01", new EscalationRequested(3)),
            on("D", "2015-06-15", new PanelHeld()));
    private static final CaseState COMPLIMENT = replay(on("E", "2015-06-01", new ComplimentReceived("Fostering")));

    private static List<Caseload.Row> rows(CaseState... states) {
        return Caseload.rows(Arrays.asList(states), Cases.DUE_DATES, date("2015-06-17")).stream()
                .sorted(Caseload.MOST_URGENT_FIRST).toList();
    }

    @Test
    void mostOverdueFirstThenTheNearestDeadlineThenClosed() {
        assertThat(rows(ANSWERED, DUE_SOON, PANEL_HELD, OVERDUE, COMPLIMENT)).extracting(Caseload.Row::complaintId)
                .containsExactly("A", "D", "B", "C");
    }

    @Test
    void eachRowStandsAgainstTheNextDeadlineOfItsCurrentStage() {
        List<Caseload.Row> rows = rows(OVERDUE, DUE_SOON, PANEL_HELD, ANSWERED);

        Caseload.Row overdue = rows.get(0);
        assertThat(overdue.due()).isEqualTo(date("2015-06-15"));
        assertThat(overdue.workingDaysOverdue()).isEqualTo(2);
        assertThat(overdue.workingDaysLeft()).isZero();
        assertThat(overdue.status()).isEqualTo("OVERDUE");

        Caseload.Row panel = rows.get(1);
        assertThat(panel.stage()).isEqualTo(3);
        assertThat(panel.milestone()).as("the report is due 5 working days after the panel")
                .isEqualTo(Milestone.PANEL_REPORT);
        assertThat(panel.due()).isEqualTo(date("2015-06-22"));
        assertThat(panel.workingDaysLeft()).isEqualTo(3);

        Caseload.Row soon = rows.get(2);
        assertThat(soon.due()).isEqualTo(date("2015-06-24"));
        assertThat(soon.workingDaysLeft()).isEqualTo(5);
        assertThat(soon.open()).isTrue();

        Caseload.Row closed = rows.get(3);
        assertThat(closed.open()).isFalse();
        assertThat(closed.workingDaysLeft()).isZero();
        assertThat(closed.status()).isEqualTo("CLOSED_ON_TIME");
    }

    @Test
    void anOpenComplaintsRowComesFromItsEntryAndAClosedOneHasNone() {
        Caseload.Entry entry = Caseload.entry(PANEL_HELD, Cases.DUE_DATES).orElseThrow();
        assertThat(entry).isEqualTo(new Caseload.Entry("D", Cases.AUTHORITY, "CHILDREN", entry.serviceArea(), 3,
                date("2015-06-01"), Milestone.PANEL_REPORT, date("2015-06-22")));
        assertThat(Caseload.row(entry, Cases.CALENDAR, date("2015-06-17")))
                .isEqualTo(Caseload.row(PANEL_HELD, Cases.DUE_DATES, date("2015-06-17")).orElseThrow());
        assertThat(Caseload.entry(ANSWERED, Cases.DUE_DATES)).isEmpty();
        assertThat(Caseload.entry(COMPLIMENT, Cases.DUE_DATES)).isEmpty();
    }

    @Test
    void theOpenListCountsEveryMatchAndListsTheMostUrgentUpToTheLimit() {
        List<Caseload.Entry> open = Stream.of(DUE_SOON, PANEL_HELD, OVERDUE)
                .map(state -> Caseload.entry(state, Cases.DUE_DATES).orElseThrow()).toList();

        Caseload.Page overdue = CaseloadReference.open(open, query(Caseload.Status.OVERDUE, null, 10, null), Cases.CALENDAR);
        Caseload.Page first2 = CaseloadReference.open(open, query(Caseload.Status.OPEN, null, 2, null), Cases.CALENDAR);

        assertThat(overdue.rows()).extracting(Caseload.Row::complaintId).containsExactly("A");
        assertThat(first2.count()).isEqualTo(3);
        assertThat(first2.rows()).extracting(Caseload.Row::complaintId).containsExactly("A", "D");
        assertThat(first2.next()).isNull();
    }

    /** 60 keys of complaints open, answered, escalated and of compliments, held by three holders (instances). */
    private static List<List<CaseState>> holders() {
        List<List<CaseState>> holders = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < 60; i++) {
            String key = String.format("K-%02d", i);
            CaseState state = switch (i % 4) {
                case 0 -> replay(on(key, "2015-06-01", children()));
                case 1 -> replay(on(key, "2015-06-01", children()), on(key, "2015-06-05", responded(1, Outcome.NOT_UPHELD)));
                case 2 -> replay(on(key, "2015-05-01", children()), on(key, "2015-05-05", responded(1, Outcome.NOT_UPHELD)),
                        on(key, "2015-05-10", new EscalationRequested(2)));
                default -> replay(on(key, "2015-06-01", new ComplimentReceived("Fostering")));
            };
            holders.get((i * 7) % 3).add(state);
        }
        return holders;
    }

    private static Caseload.Query query(Caseload.Status status, Integer stage, int limit, String after) {
        return new Caseload.Query(status, null, stage, null, null, limit, date("2015-06-17"), after);
    }

    /** Pages through every holder as the fan-out does, each holder reading only its keys after the cursor. */
    private static List<String> pageThrough(Integer stage, int limit) {
        List<List<CaseState>> holders = holders();
        List<String> listed = new ArrayList<>();
        String after = null;
        do {
            Caseload.Query query = query(Caseload.Status.ALL, stage, limit, after);
            String from = after;
            List<Caseload.Page> answers = holders.stream().map(held -> Caseload.all(held.stream()
                    .filter(state -> from == null || state.key().compareTo(from) > 0)
                    .sorted(Comparator.comparing(CaseState::key)).iterator(), query, Cases.DUE_DATES)).toList();
            answers.forEach(answer -> assertThat(answer.count()).isLessThanOrEqualTo(limit));
            Caseload.Page page = Caseload.merge(query, answers);
            assertThat(page.rows()).hasSizeLessThanOrEqualTo(limit).hasSize(page.count());
            page.rows().forEach(row -> listed.add(row.complaintId()));
            if (page.next() != null) {
                assertThat(page.next()).as("the cursor moves on").isGreaterThan(after == null ? "" : after);
            }
            after = page.next();
        } while (after != null);
        return listed;
    }

    @Test
    void everyComplaintIsListedExactlyOnceInReferenceOrderPageByPage() {
        List<String> complaints = IntStream.range(0, 60).filter(i -> i % 4 != 3)
                .mapToObj(i -> String.format("K-%02d", i)).toList();

        assertThat(pageThrough(null, 7)).containsExactlyElementsOf(complaints);
        assertThat(pageThrough(null, 1)).containsExactlyElementsOf(complaints);
        assertThat(pageThrough(null, 500)).containsExactlyElementsOf(complaints);
        assertThat(pageThrough(2, 4)).as("filtered: only those at stage 2")
                .containsExactlyElementsOf(IntStream.range(0, 60).filter(i -> i % 4 == 2)
                        .mapToObj(i -> String.format("K-%02d", i)).toList());
    }

    @Test
    void aPageHoldsLimitComplaintsWhenComplimentsFillTheKeysBeforeThemAndStopsAtItsReadBudget() {
        List<CaseState> keys = new ArrayList<>();
        for (int i = 0; i < 60; i++) { // CMP-.. sorts before CS-..., as in the seed history
            keys.add(replay(on(String.format("CMP-%02d", i), "2015-06-01", new ComplimentReceived("Fostering"))));
        }
        keys.add(replay(on("CS-1", "2015-06-01", children())));
        keys.add(replay(on("CS-2", "2015-06-01", children())));
        keys.add(replay(on("CS-3", "2015-06-01", children())));

        Caseload.Page first = Caseload.all(keys.iterator(), query(Caseload.Status.ALL, null, 2, null), Cases.DUE_DATES);
        assertThat(first.rows()).extracting(Caseload.Row::complaintId).containsExactly("CS-1", "CS-2");
        assertThat(first.next()).isEqualTo("CS-2");

        List<CaseState> many = new ArrayList<>();
        for (int i = 0; i < Caseload.PASSED_OVER_PER_PAGE + 10; i++) {
            many.add(replay(on(String.format("CMP-%05d", i), "2015-06-01", new ComplimentReceived("Fostering"))));
        }
        many.add(replay(on("CS-1", "2015-06-01", children())));
        Caseload.Page bounded = Caseload.all(many.iterator(), query(Caseload.Status.ALL, null, 2, null), Cases.DUE_DATES);
        assertThat(bounded.rows()).as("the budget ran out before the first complaint").isEmpty();
        assertThat(bounded.next()).as("read limit + budget keys")
                .isEqualTo(String.format("CMP-%05d", Caseload.PASSED_OVER_PER_PAGE + 1));
    }

    @Test
    void openEntriesByDueDateAreInTheMostUrgentFirstOrder() {
        LocalDate today = date("2016-03-29"); // the Tuesday after Easter Monday
        List<Caseload.Entry> entries = new ArrayList<>();
        for (int day = -400; day <= 60; day++) {
            for (String id : List.of("X", "A")) {
                entries.add(new Caseload.Entry(id + day, Cases.AUTHORITY, "CHILDREN", "Fostering", 1,
                        today.minusDays(500), Milestone.RESPONSE, today.plusDays(day)));
            }
        }
        List<Caseload.Row> byEntry = entries.stream().sorted(Caseload.OPEN_BY_URGENCY)
                .map(entry -> Caseload.row(entry, Cases.CALENDAR, today)).toList();

        assertThat(byEntry).isEqualTo(byEntry.stream().sorted(Caseload.MOST_URGENT_FIRST).toList());
    }
}
