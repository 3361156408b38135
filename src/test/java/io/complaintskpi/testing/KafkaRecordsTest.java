package io.complaintskpi.testing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The helpers cannot hide a loss: what was published is read back whole, or the read fails loudly. */
class KafkaRecordsTest {

    @Test
    void everyPublishedRecordIsReadBackAndAReadCutShortFails() {
        String topic = SharedKafka.createTopic("read-all", 3);
        List<ProducerRecord<String, byte[]>> records = List.of("a", "b", "c", "d", "e").stream()
                .map(k -> new ProducerRecord<>(topic, k, k.getBytes(StandardCharsets.UTF_8))).toList();
        KafkaRecords.publish(SharedKafka.bootstrap(), records);

        assertThat(KafkaRecords.readAll(SharedKafka.bootstrap(), topic, Duration.ofSeconds(60)))
                .extracting(ConsumerRecord::key).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThatThrownBy(() -> KafkaRecords.readAll(SharedKafka.bootstrap(), topic, Duration.ZERO))
                .isInstanceOf(AssertionError.class).hasMessageContaining("read only part of " + topic)
                .hasMessageContaining("short of their end");
    }

    @Test
    void aRecordThatCannotBeSentFailsThePublish() {
        String topic = SharedKafka.createTopic("too-large", 1);
        ProducerRecord<String, byte[]> small = new ProducerRecord<>(topic, "k", new byte[]{1});
        ProducerRecord<String, byte[]> tooLarge = new ProducerRecord<>(topic, "k", new byte[2 * 1024 * 1024]);
        assertThatThrownBy(() -> KafkaRecords.publish(SharedKafka.bootstrap(), List.of(small, tooLarge)))
                .hasMessageContaining("could not publish record 1 of 2");
    }
}
