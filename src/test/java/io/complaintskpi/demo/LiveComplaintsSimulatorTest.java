package io.complaintskpi.demo;

import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.demo.LiveComplaintsSimulator.Settings;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.ComplaintEvent.ComplaintWithdrawn;
import io.complaintskpi.events.ComplaintEvent.StageResponded;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Regime;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.LifecycleMachine;
import io.complaintskpi.rules.Timescales;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class LiveComplaintsSimulatorTest {

    /** A Tuesday morning. */
    private static final Instant START = Instant.parse("2026-03-10T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final Settings BUSY = new Settings("E10000018", 0.5, 0.2, 20, 30, 0.3);
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();

    @Test
    void the_same_seed_and_ticks_give_the_same_stream() {
        assertThat(run(7, 300)).isEqualTo(run(7, 300));
        assertThat(run(7, 300)).isNotEqualTo(run(8, 300));
    }

    @Test
    void every_event_obeys_the_lifecycle_rules() {
        List<EventEnvelope> events = run(42, 3000);
        assertThat(LifecycleRules.violations(events, EnumSet.allOf(Regime.class))).isEmpty();
        LifecycleMachine machine = new LifecycleMachine(Timescales.statutory());
        byKey(events).forEach((key, history) ->
                assertThatCode(() -> machine.replay(key, history)).as(key).doesNotThrowAnyException());
    }

    @Test
    void the_stream_has_every_kind_of_step() {
        Set<String> types = run(42, 3000).stream().map(EventEnvelope::eventType).collect(Collectors.toSet());
        assertThat(types).contains("ComplaintReceived", "ComplaintAcknowledged", "ExtensionAgreed",
                "StageResponded", "ActionTaken", "EscalationRequested", "StatementAgreed", "CostIncurred",
                "ComplimentReceived", "AdrHeld", "ComplaintWithdrawn", "ComplaintNotAccepted",
                "OmbudsmanEnquiryReceived", "OmbudsmanDecision");
        assertThat(run(42, 3000).stream().filter(e -> e.event() instanceof ComplaintReceived)
                .map(e -> ((ComplaintReceived) e.event()).regime())).contains(Regime.values());
        assertThat(run(42, 3000)).anyMatch(e -> e.event() instanceof StageResponded r && r.stage() == 2);
    }

    @Test
    void the_backlog_brings_late_responses_and_complaints_that_will_breach() {
        List<EventEnvelope> events = run(42, 3000);
        Map<String, LocalDate> received = events.stream().filter(e -> e.event() instanceof ComplaintReceived)
                .collect(Collectors.toMap(EventEnvelope::complaintId, EventEnvelope::businessDate));
        assertThat(received.values()).anyMatch(date -> date.isBefore(TODAY));
        assertThat(events).anyMatch(e -> e.event() instanceof StageResponded r && r.stage() == 1
                && CALENDAR.workingDaysBetween(received.get(e.complaintId()), e.businessDate()) > 10);
        Set<String> closed = events.stream()
                .filter(e -> e.event() instanceof StageResponded || e.event() instanceof ComplaintWithdrawn)
                .map(EventEnvelope::complaintId).collect(Collectors.toSet());
        assertThat(received.entrySet()).anyMatch(r -> !closed.contains(r.getKey())
                && CALENDAR.workingDaysBetween(r.getValue(), TODAY) > 20);
    }

    @Test
    void each_tick_reports_what_happened_since_the_previous_one_in_order() {
        LiveComplaintsSimulator simulator = new LiveComplaintsSimulator(BUSY, Clock.fixed(START, ZoneOffset.UTC),
                new Random(3));
        List<EventEnvelope> first = simulator.next();
        assertThat(first).hasSizeGreaterThanOrEqualTo(BUSY.backlog());
        assertThat(first).allMatch(e -> !e.occurredAt().toInstant().isAfter(START));
        Instant previous = START;
        for (int tick = 1; tick <= 50; tick++) {
            Instant now = START.plusSeconds(5L * tick);
            List<EventEnvelope> batch = simulator.next(now);
            Instant after = previous;
            assertThat(batch).isSortedAccordingTo(Comparator.comparing(e -> e.occurredAt().toInstant()))
                    .allMatch(e -> e.occurredAt().toInstant().isAfter(after) && !e.occurredAt().toInstant().isAfter(now));
            assertThat(batch).extracting(EventEnvelope::complaintId).doesNotHaveDuplicates();
            previous = now;
        }
        assertThat(simulator.next(previous.plusMillis(500))).isEmpty();
    }

    @Test
    void live_keys_never_collide_with_the_seed_history() {
        Set<String> seedKeys = SeedHistory.events().stream().map(EventEnvelope::complaintId).collect(Collectors.toSet());
        assertThat(run(42, 300)).allSatisfy(e -> {
            assertThat(e.complaintId()).matches("LIVE-20260(2|3)\\d\\d-.+").doesNotContainAnyWhitespaces();
            assertThat(seedKeys).doesNotContain(e.complaintId());
            assertThat(e.authority()).isEqualTo("E10000018");
        });
    }

    /**
     * Rule (issue 13): a demo restarted the same day, with other random numbers, repeats its backlog and every
     * step of a complaint it already published with the same ids and the same content, so the service
     * drops them as duplicates; only arrivals after the restart are new.
     */
    @Test
    void a_restart_the_same_day_adds_only_what_is_new() {
        List<EventEnvelope> before = run(1, START, 200);
        Instant restart = START.plusSeconds(3600);
        List<EventEnvelope> after = run(2, restart, 200);

        Map<java.util.UUID, EventEnvelope> published = new LinkedHashMap<>();
        before.forEach(e -> published.put(e.eventId(), e));
        List<EventEnvelope> added = new ArrayList<>();
        for (EventEnvelope e : after) {
            EventEnvelope earlier = published.get(e.eventId());
            if (earlier == null) {
                added.add(e);
            } else {
                assertThat(e.complaintId()).isEqualTo(earlier.complaintId());
                assertThat(e.event()).as(e.complaintId()).isEqualTo(earlier.event());
            }
        }
        assertThat(after).anyMatch(e -> published.containsKey(e.eventId()));
        // What is new: complaints and compliments that arrived after the restart, and later steps.
        assertThat(added).filteredOn(e -> e.event() instanceof ComplaintReceived)
                .allSatisfy(e -> assertThat(e.occurredAt().toInstant()).isAfterOrEqualTo(restart));
        List<EventEnvelope> merged = new ArrayList<>(before);
        merged.addAll(added);
        assertThat(LifecycleRules.violations(merged, EnumSet.allOf(Regime.class))).isEmpty();
    }

    private static List<EventEnvelope> run(long seed, Instant start, int ticks) {
        LiveComplaintsSimulator simulator = new LiveComplaintsSimulator(BUSY, Clock.fixed(start, ZoneOffset.UTC),
                new Random(seed));
        List<EventEnvelope> events = new ArrayList<>();
        for (int tick = 0; tick < ticks; tick++) {
            events.addAll(simulator.next(start.plusSeconds(5L * tick)));
        }
        return events;
    }

    private static List<EventEnvelope> run(long seed, int ticks) {
        return run(seed, START, ticks);
    }

    private static Map<String, CaseHistory> byKey(List<EventEnvelope> events) {
        Map<String, CaseHistory> histories = new LinkedHashMap<>();
        events.forEach(e -> histories.merge(e.complaintId(), CaseHistory.empty().with(e), (a, b) -> a.with(e)));
        return histories;
    }
}
