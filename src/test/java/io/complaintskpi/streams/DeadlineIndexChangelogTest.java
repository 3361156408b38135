package io.complaintskpi.streams;

import io.complaintskpi.demo.SeedHistory;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.SchemaValidator;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline index writes to its changelog only what changes it: every tombstone removes an entry that is
 * there. A pending alert sits in the due part or the settling part (a load of history), and unscheduling it
 * deletes it from the part that holds it, not from both.
 */
class DeadlineIndexChangelogTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "caught up: {0}")
    @ValueSource(booleans = {true, false})
    void everyTombstoneInTheDeadlineIndexChangelogRemovesAnEntryThatWasThere(boolean caughtUp) {
        // Today after the seed's years: every deadline it schedules is already due, so a load of it settles.
        try (TopologyHarness topology = new TopologyHarness(dir, Instant.parse("2016-06-01T09:00:00Z"),
                partition -> caughtUp)) {
            EventCodec codec = new EventCodec(SeedHistory.AUTHORITY, new SchemaValidator());
            for (EventEnvelope event : SeedHistory.events()) {
                topology.events.pipeInput(event.complaintId(), codec.encode(event), event.occurredAt().toInstant());
            }
            topology.driver.advanceWallClockTime(Duration.ofDays(1));

            List<TestRecord<byte[], byte[]>> changelog = topology.driver.createOutputTopic(
                    "complaints-kpi-" + Names.DEADLINE_INDEX_STORE + "-changelog", new ByteArrayDeserializer(),
                    new ByteArrayDeserializer()).readRecordsToList();
            Set<Bytes> present = new HashSet<>();
            int tombstones = 0;
            for (TestRecord<byte[], byte[]> record : changelog) {
                Bytes key = Bytes.wrap(record.key());
                if (record.value() == null) {
                    assertThat(present.remove(key)).as("a tombstone for an entry that is there").isTrue();
                    tombstones++;
                } else {
                    present.add(key);
                }
            }
            assertThat(changelog).hasSizeGreaterThan(1_000);
            assertThat(tombstones).as("scheduled alerts were unscheduled and raised").isGreaterThan(300);
        }
    }
}
