package io.complaintskpi.monitoring;

import io.complaintskpi.contributions.InternalErrorException;
import io.complaintskpi.events.InvalidEventException;
import io.complaintskpi.query.DeadLetter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What the watcher counts, and what /api/v1/dlq shows of a dead letter: where from and the kind of fault, never the record. */
class DeadLetterWatcherTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final DeadLetterWatcher watcher = new DeadLetterWatcher(metrics);

    @Test
    void internalErrorsAreCountedOnTheirOwnBesideEveryDeadLetter() {
        assertThat(count("complaints.kpi.internal.errors")).as("registered at zero for the alert").isZero();
        watcher.remember(deadLetter(InvalidEventException.class.getName()), true);
        watcher.remember(deadLetter(InternalErrorException.class.getName()), true);
        watcher.remember(deadLetter(InternalErrorException.class.getName()), false); // read back at start

        assertThat(count("complaints.kpi.dead.letters")).isEqualTo(2);
        assertThat(count("complaints.kpi.internal.errors")).isEqualTo(1);
        assertThat(watcher.recent()).extracting(d -> d.exception()).containsExactly(
                InternalErrorException.class.getName(), InternalErrorException.class.getName(),
                InvalidEventException.class.getName());
    }

    @Test
    void theReasonShownIsRedactedLikeTheLogLine() {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("complaint-events-dlq", 0, 7L,
                "CR-0001".getBytes(StandardCharsets.UTF_8), "{\"name\":\"Jane Smith\"}".getBytes(StandardCharsets.UTF_8));
        header(record, "__streams.errors.exception", "io.complaintskpi.events.InvalidEventException");
        header(record, "__streams.errors.message",
                "record key 'CR-0001 Jane Smith' must equal complaintId \"CR-0002\"\n\tat somewhere");
        header(record, "__streams.errors.topic", "complaint-events");
        header(record, "__streams.errors.partition", "3");
        header(record, "__streams.errors.offset", "42");

        watcher.remember(record, true);
        DeadLetter shown = watcher.recent().get(0);

        assertThat(shown.reason()).isEqualTo("InvalidEventException: record key '...' must equal complaintId '...'");
        assertThat(shown.exception()).isEqualTo("io.complaintskpi.events.InvalidEventException");
        assertThat(shown.sourceTopic()).isEqualTo("complaint-events");
        assertThat(shown.sourcePartition()).isEqualTo(3);
        assertThat(shown.sourceOffset()).isEqualTo(42L);
        assertThat(shown.toString()).doesNotContain("Jane").doesNotContain("CR-000").doesNotContain("somewhere");
    }

    @Test
    void aRecordWithoutReasonHeadersIsShownAsUnknown() {
        DeadLetter shown = DeadLetterWatcher.deadLetter(new ConsumerRecord<>("complaint-events-dlq", 0, 0L,
                null, new byte[] {1}));
        assertThat(shown.exception()).isNull();
        assertThat(shown.reason()).isEqualTo("unknown: ");
        assertThat(shown.sourcePartition()).isNull();
    }

    private double count(String name) {
        return metrics.get(name).counter().count();
    }

    private static ConsumerRecord<byte[], byte[]> deadLetter(String exception) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("complaint-events-dlq", 0, 0L, null,
                "{}".getBytes(StandardCharsets.UTF_8));
        header(record, "__streams.errors.exception", exception);
        return record;
    }

    private static void header(ConsumerRecord<byte[], byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
