package io.complaintskpi.streams;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.AlertKind;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.complaintskpi.testing.ContractEvents.received;
import static io.complaintskpi.testing.ContractEvents.responded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backlog of history (complaints long closed, their receipts first and their answers later in the
 * backlog, as a replay of years delivers them) plus one complaint still open and overdue. While the task
 * catches up, the deadline scan holds its alerts; once caught up it raises only what is still due.
 */
class BacklogAlertsTest {

    private static final Instant START = Instant.parse("2016-03-17T18:00:00Z");
    private static final int CLOSED = 1_000;

    @TempDir
    Path dir;

    /** Receipts, a scan, answers (all late), a scan, and one complaint never answered. */
    private static void replayHistory(TopologyHarness topology) {
        for (int i = 0; i < CLOSED; i++) {
            String id = "H-" + i;
            topology.events.pipeInput(id, received(id, LocalDate.parse("2014-04-01").plusDays(i % 500)
                    + "T10:00:00Z", "Area " + (i % 7)));
        }
        topology.events.pipeInput("OPEN-1", received("OPEN-1", "2016-01-04T10:00:00Z", "Fostering"));
        topology.driver.advanceWallClockTime(Duration.ofHours(1));
        for (int i = 0; i < CLOSED; i++) {
            String id = "H-" + i;
            topology.events.pipeInput(id, responded(id, LocalDate.parse("2014-04-01").plusDays(i % 500 + 40)
                    + "T10:00:00Z", 1, "NOT_UPHELD"));
        }
        topology.driver.advanceWallClockTime(Duration.ofHours(1));
    }

    private static List<String> read(TopologyHarness topology) {
        return topology.alerts.readValuesToList().stream()
                .map(a -> a.complaintId() + " " + a.kind() + (a.clears() == null ? "" : "(" + a.clears() + ")")
                        + " due " + a.dueDate())
                .toList();
    }

    @Test
    void heldWhileCatchingUpThenOnlyWhatIsStillDue() {
        AtomicBoolean caughtUp = new AtomicBoolean(false);
        try (TopologyHarness topology = new TopologyHarness(dir, START, partition -> caughtUp.get())) {
            replayHistory(topology);
            assertThat(read(topology)).as("nothing while catching up").isEmpty();

            caughtUp.set(true);
            topology.driver.advanceWallClockTime(Duration.ofHours(1));
            // Due Monday 18 January 2016; the warning before it is long past and says nothing the breach does not.
            assertThat(read(topology)).containsExactlyInAnyOrder(
                    "OPEN-1 BREACHED due 2016-01-18",
                    "OPEN-1 STAGE2_MUST_BE_OFFERED due 2016-02-01");

            topology.driver.advanceWallClockTime(Duration.ofDays(3));
            assertThat(read(topology)).as("each once").isEmpty();
            List<String> open = new ArrayList<>();
            try (KeyValueIterator<String, Alert> it = topology.driver.<String, Alert>getKeyValueStore(
                    Names.OPEN_ALERTS_STORE).all()) {
                it.forEachRemaining(kv -> open.add(kv.value.kind() + " " + kv.value.complaintId()));
            }
            assertThat(open).containsExactlyInAnyOrder("BREACHED OPEN-1", "STAGE2_MUST_BE_OFFERED OPEN-1");
        }
    }

    @Test
    void aLoadIntoACaughtUpServiceWaitsToSettleThenPagesOnlyForWhatItLeftOpen() {
        // Caught up throughout, as when a load is published no faster than the service works through it.
        try (TopologyHarness topology = new TopologyHarness(dir, START, CatchUp.ALWAYS,
                Map.of("alerts.settle-time", "PT3H"))) {
            replayHistory(topology); // two scans, an hour apart, with the load's receipts and then its answers
            assertThat(read(topology)).as("nothing while the load has not settled").isEmpty();

            topology.driver.advanceWallClockTime(Duration.ofHours(1));
            assertThat(read(topology)).as("two hours after the last event of the load").isEmpty();
            topology.driver.advanceWallClockTime(Duration.ofHours(1));
            assertThat(read(topology)).as("settled: no CLEARED, nothing for a complaint the load closed")
                    .containsExactlyInAnyOrder("OPEN-1 BREACHED due 2016-01-18",
                            "OPEN-1 STAGE2_MUST_BE_OFFERED due 2016-02-01");
        }
    }

    @Test
    void aLiveDeadlineIsRaisedOnTimeWhileALoadGoesOnAndTheLoadsOverdueAlertsWait() {
        try (TopologyHarness topology = new TopologyHarness(dir, START, CatchUp.ALWAYS,
                Map.of("alerts.settle-time", "PT3H"))) {
            topology.events.pipeInput("LIVE-1", received("LIVE-1", "2016-03-17T10:00:00Z", "Fostering"));
            List<String> raised = new ArrayList<>();
            int hours = 0;
            while (raised.stream().noneMatch(a -> a.startsWith("LIVE-1 BREACHED")) && hours < 24 * 30) {
                String id = "H-" + hours; // an import trickling in, one old complaint an hour, never answered
                topology.events.pipeInput(id, received(id, "2015-06-01T10:00:00Z", "Area 1"));
                topology.driver.advanceWallClockTime(Duration.ofHours(1));
                hours++;
                raised.addAll(read(topology));
            }
            // Ten working days from Thursday 17 March 2016, past Good Friday and Easter Monday; warned first.
            assertThat(raised).as("the live complaint's alerts on time, none of the load's").containsExactly(
                    "LIVE-1 AT_RISK due 2016-04-04", "LIVE-1 CLEARED(AT_RISK) due 2016-04-04",
                    "LIVE-1 BREACHED due 2016-04-04");
            int loaded = hours;

            topology.driver.advanceWallClockTime(Duration.ofHours(3));
            assertThat(read(topology)).as("the load settled: its complaints are still open, so they page now")
                    .hasSize(2 * loaded).allMatch(a -> a.startsWith("H-")).noneMatch(a -> a.contains("CLEARED"));
        }
    }

    @Test
    void withoutTheHoldTheSameReplayWouldPageForHistory() {
        // Neither hold applies: always caught up, and the load's parts an hour apart, longer than the settle time.
        try (TopologyHarness topology = new TopologyHarness(dir, START, CatchUp.ALWAYS)) {
            replayHistory(topology);
            List<Alert> alerts = topology.alerts.readValuesToList();
            assertThat(alerts).filteredOn(a -> a.kind() == AlertKind.BREACHED).hasSize(CLOSED + 1);
            assertThat(alerts).filteredOn(a -> a.kind() == AlertKind.CLEARED && a.clears() == AlertKind.BREACHED)
                    .hasSize(CLOSED);
        }
    }
}
