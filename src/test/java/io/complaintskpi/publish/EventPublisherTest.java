package io.complaintskpi.publish;

import io.complaintskpi.demo.SeedHistory;
import io.complaintskpi.events.EventEnvelope;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventPublisherTest {

    private static final List<EventEnvelope> HISTORY = SeedHistory.events();
    /** Enough to tell records apart without the schemas. */
    private static final Function<EventEnvelope, byte[]> ID = e -> e.eventId().toString().getBytes(StandardCharsets.UTF_8);

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

    @Test
    void publish_all_keys_by_complaint_and_stamps_business_time() {
        EventPublisher.publishAll(HISTORY.subList(0, 50), producer, ID);
        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertThat(sent).hasSize(50);
        for (int i = 0; i < sent.size(); i++) {
            EventEnvelope event = HISTORY.get(i);
            assertThat(sent.get(i).topic()).isEqualTo("complaint-events");
            assertThat(sent.get(i).key()).isEqualTo(event.complaintId());
            assertThat(sent.get(i).timestamp()).isEqualTo(event.occurredAt().toInstant().toEpochMilli());
            assertThat(sent.get(i).value()).isEqualTo(ID.apply(event));
        }
        assertThat(producer.flushed()).isTrue();
    }

    @Test
    void a_failed_send_fails_the_flush_that_follows_it() {
        MockProducer<String, byte[]> failing =
                new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        EventPublisher publisher = new EventPublisher(failing, ID);
        publisher.send(HISTORY.get(0));
        failing.errorNext(new TimeoutException("broker gone"));
        assertThatThrownBy(publisher::flush).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("complaint-events").hasRootCauseMessage("broker gone");
    }

    @Test
    void raw_bytes_go_out_unchanged_under_the_given_key() throws Exception {
        byte[] value = "not json".getBytes(StandardCharsets.UTF_8);
        Future<RecordMetadata> sent = EventPublisher.raw(producer).sendRaw("K-1", value);
        assertThat(sent.get().topic()).isEqualTo("complaint-events");
        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("K-1");
            assertThat(record.value()).isEqualTo(value);
        });
        assertThatThrownBy(() -> EventPublisher.raw(producer).send(HISTORY.get(0)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_producer_is_idempotent_and_waits_for_all_replicas() {
        Properties config = EventPublisher.producerConfig("127.0.0.1:9092");
        assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
    }
}
