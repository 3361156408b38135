package io.complaintskpi.streams;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.testing.PublishedAlerts;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.complaintskpi.testing.ContractEvents.received;
import static io.complaintskpi.testing.ContractEvents.responded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the crash test saw: a history published in parts (the service killed between them), an old complaint
 * alerted while the first part was all there was, then ended by the second. The alert and the CLEARED that
 * ends it share an id, and are no repeat: each alert is published once per deadline and kind.
 */
class AlertsBetweenPartsOfAHistoryTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path dir;
    private TopologyHarness topology;

    @BeforeEach
    void start() {
        topology = new TopologyHarness(dir, NOW);
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void anOldComplaintAlertedBetweenTwoPartsIsClearedByTheSecondEachAlertOnce() {
        topology.events.pipeInput("CS-2013-001", received("CS-2013-001", "2013-04-03T10:00:00Z", "First Response"));
        topology.driver.advanceWallClockTime(Duration.ofHours(1)); // caught up with the first part
        topology.events.pipeInput("CS-2013-001", responded("CS-2013-001", "2013-05-20T10:00:00Z", 1, "NOT_UPHELD"));
        topology.driver.advanceWallClockTime(Duration.ofHours(1));

        List<TestRecord<String, Alert>> records = topology.alerts.readRecordsToList();
        List<String> kinds = records.stream().map(r -> r.value().kind() + (r.value().clears() == null ? ""
                : "(" + r.value().clears() + ")")).toList();
        assertThat(kinds).containsExactlyInAnyOrder("BREACHED", "STAGE2_MUST_BE_OFFERED",
                "CLEARED(BREACHED)", "CLEARED(STAGE2_MUST_BE_OFFERED)");
        assertThat(records.stream().map(r -> r.value().id()).distinct()).as("two ids, each on an alert and its end")
                .hasSize(2);
        List<PublishedAlerts.Published> published = new ArrayList<>();
        for (int offset = 0; offset < records.size(); offset++) {
            published.add(new PublishedAlerts.Published(records.get(offset).value(), 0, offset));
        }
        assertThat(PublishedAlerts.breaches(published)).isEmpty();
        assertThat(topology.dlq.readRecordsToList()).as("both events accepted").isEmpty();
    }

    @Test
    void theSameHistoryInOnePartRaisesNothing() {
        topology.events.pipeInput("CS-2013-001", received("CS-2013-001", "2013-04-03T10:00:00Z", "First Response"));
        topology.events.pipeInput("CS-2013-001", responded("CS-2013-001", "2013-05-20T10:00:00Z", 1, "NOT_UPHELD"));
        topology.driver.advanceWallClockTime(Duration.ofHours(2));
        assertThat(topology.alerts.readRecordsToList()).isEmpty();
        assertThat(topology.dlq.readRecordsToList()).as("both events accepted").isEmpty();
    }
}
