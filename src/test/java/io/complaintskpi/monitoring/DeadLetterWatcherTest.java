package io.complaintskpi.monitoring;

import io.complaintskpi.query.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What /api/v1/dlq shows of a dead letter: where it came from and the kind of fault, never the record. */
class DeadLetterWatcherTest {

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

        DeadLetter shown = DeadLetterWatcher.deadLetter(record);

        assertThat(shown.reason()).isEqualTo("InvalidEventException: record key '...' must equal complaintId '...'");
        assertThat(shown.exception()).isEqualTo("InvalidEventException");
        assertThat(shown.sourceTopic()).isEqualTo("complaint-events");
        assertThat(shown.sourcePartition()).isEqualTo(3);
        assertThat(shown.sourceOffset()).isEqualTo(42L);
        assertThat(shown.toString()).doesNotContain("Jane").doesNotContain("CR-000").doesNotContain("somewhere");
    }

    @Test
    void aRecordWithoutReasonHeadersIsShownAsUnknown() {
        DeadLetter shown = DeadLetterWatcher.deadLetter(new ConsumerRecord<>("complaint-events-dlq", 0, 0L,
                null, new byte[] {1}));
        assertThat(shown.exception()).isEqualTo("unknown");
        assertThat(shown.reason()).isEqualTo("unknown: ");
        assertThat(shown.sourcePartition()).isNull();
    }

    private static void header(ConsumerRecord<byte[], byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
