package io.complaintskpi.streams;

import io.complaintskpi.lifecycle.CaseSnapshot;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import static io.complaintskpi.testing.ContractEvents.event;
import static io.complaintskpi.testing.ContractEvents.received;
import static io.complaintskpi.testing.ContractEvents.responded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cases' two stores as the topology keeps them: one {@code case-events} entry per accepted event (read by
 * prefix, one case's only), one {@code case-state} snapshot per case, and a snapshot that cannot be read rebuilt
 * from the events instead of failing the event or the read.
 */
class CaseStoreTest {

    @TempDir
    Path dir;
    private TopologyHarness topology;

    @BeforeEach
    void start() {
        topology = new TopologyHarness(dir, Instant.parse("2016-01-04T09:00:00Z"));
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void eachAcceptedEventIsOneEntryAndEachCaseOneSnapshot() {
        topology.events.pipeInput("C-1", received("C-1", "2015-06-03T10:00:00+01:00", "Fostering"));
        topology.events.pipeInput("C-10", received("C-10", "2015-06-04T10:00:00+01:00", "Fostering"));
        topology.events.pipeInput("C-1", responded("C-1", "2015-06-10T10:00:00+01:00", 1, "NOT_UPHELD"));
        UUID late = UUID.randomUUID();
        byte[] ack = event(late, "ComplaintAcknowledged", "C-1", "2015-06-04T10:00:00+01:00", "{\"stage\":1}");
        topology.events.pipeInput("C-1", ack);
        topology.events.pipeInput("C-1", ack); // a duplicate: no entry, no change
        topology.events.pipeInput("C-1", responded("C-1", "2015-05-01T10:00:00+01:00", 1, "UPHELD")); // refused

        assertThat(topology.dlq.readRecordsToList()).hasSize(1);
        CaseStore cases = topology.cases();
        assertThat(entries(topology.driver.getKeyValueStore(Names.CASE_EVENTS_STORE))).isEqualTo(4);
        assertThat(entries(topology.driver.getKeyValueStore(Names.CASE_STATE_STORE))).isEqualTo(2);
        assertThat(cases.history("C-1").events()).extracting(e -> e.eventType())
                .containsExactly("ComplaintReceived", "ComplaintAcknowledged", "StageResponded");
        assertThat(cases.history("C-10").events()).hasSize(1);
        assertThat(cases.history("C-2").events()).isEmpty();
        CaseSnapshot snapshot = cases.snapshot("C-1");
        assertThat(snapshot).isEqualTo(CaseSnapshot.of("C-1", cases.history("C-1"), topology.rules.machine()));
        assertThat(snapshot.contains(late)).isTrue();
        assertThat(cases.snapshot("C-2")).isEqualTo(CaseSnapshot.EMPTY);
    }

    @Test
    void anUnreadableSnapshotIsRebuiltFromTheCasesEvents() {
        topology.events.pipeInput("C-1", received("C-1", "2015-06-03T10:00:00+01:00", "Fostering"));
        topology.events.pipeInput("C-1", responded("C-1", "2015-06-05T10:00:00+01:00", 1, "NOT_UPHELD"));
        CaseStore cases = topology.cases();
        CaseSnapshot written = cases.snapshot("C-1");
        KeyValueStore<String, byte[]> states = topology.driver.getKeyValueStore(Names.CASE_STATE_STORE);
        states.put("C-1", "a snapshot of an older build".getBytes(StandardCharsets.UTF_8));

        assertThat(cases.snapshot("C-1")).as("read: rebuilt by replay").isEqualTo(written);

        topology.events.pipeInput("C-1", event("ComplaintWithdrawn", "C-1", "2015-06-20T10:00:00+01:00", "{}"));
        assertThat(topology.dlq.readRecordsToList()).as("an event on it is refused for its own reasons only")
                .hasSize(1);
        topology.events.pipeInput("C-1", event("EscalationRequested", "C-1", "2015-06-20T10:00:00+01:00",
                "{\"toStage\":2}"));
        assertThat(topology.dlq.isEmpty()).isTrue();
        assertThat(topology.kpi("children.stage2.received", "all", "2015-06-20")).isEqualTo(1);
        assertThat(cases.snapshot("C-1").state().complaint().stages()).hasSize(2);
        assertThat(cases.snapshot("C-1").eventIds()).hasSize(3);
    }

    private static <K> int entries(KeyValueStore<K, byte[]> store) {
        int n = 0;
        try (KeyValueIterator<K, byte[]> it = store.all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }
}
