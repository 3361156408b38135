package io.complaintskpi.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.RejectionReason;
import io.complaintskpi.events.SchemaValidator;
import io.complaintskpi.publish.IntakeAnswer.Accepted;
import io.complaintskpi.publish.IntakeAnswer.Rejected;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.complaintskpi.testing.ContractEvents.event;
import static io.complaintskpi.testing.ContractEvents.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The intake's decisions: the stream's codec decides, valid events go out in contract form, the answer waits for Kafka. */
class EventIntakeTest {

    private static final EventCodec CODEC = new EventCodec("E10000018", new SchemaValidator());

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final EventIntake intake = EventIntake.over(producer, CODEC, metrics);

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void validEventsGoToTheEventsTopicKeyedByComplaintInTheirContractForm() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] withExtra = event(id, "ComplaintReceived", "H-1", "2015-06-03T10:00:00+01:00", "{\"regime\":"
                + "\"CHILDREN\",\"serviceArea\":\"First Response\",\"complainantType\":\"PARENT\","
                + "\"complainantName\":\"never stored\"}");
        IntakeAnswer answer = intake.offer(List.of(withExtra, received("H-2", "2015-06-04T10:00:00+01:00", "Fostering")));

        assertThat(answer.outcome()).isEqualTo(IntakeAnswer.Outcome.ALL_ACCEPTED);
        assertThat(answer.results()).containsExactly(new Accepted(0, id.toString(), 0, 0),
                new Accepted(1, CODEC.decode(producer.history().get(1).value()).eventId().toString(), 0, 1));
        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertThat(sent).extracting(ProducerRecord::topic).containsOnly("complaint-events");
        assertThat(sent).extracting(ProducerRecord::key).containsExactly("H-1", "H-2");
        assertThat(sent.get(0).value()).isEqualTo(CODEC.encode(CODEC.decode(withExtra)));
        assertThat(new String(sent.get(0).value(), StandardCharsets.UTF_8)).doesNotContain("never stored");
    }

    @Test
    void eachInvalidEventIsRejectedWithTheStreamsReasonAndNeverSent() {
        UUID id = UUID.randomUUID();
        byte[] good = received("H-3", "2015-06-03T10:00:00+01:00", "First Response");
        byte[] negativeCost = event(id, "CostIncurred", "H-3", "2015-06-05T10:00:00+01:00",
                "{\"category\":\"FINANCIAL_REDRESS\",\"amountPence\":-5}");
        UUID id2 = UUID.randomUUID();
        byte[] controlCharacter = event(id2, "ComplaintReceived", "H-4", "2015-06-03T10:00:00+01:00", "{\"regime\":"
                + "\"CHILDREN\",\"serviceArea\":\"First\\u0000Response\",\"complainantType\":\"PARENT\"}");
        byte[] malformed = bytes("{\"eventId\": broken");
        byte[] notAnObject = bytes("[1]");
        List<byte[]> batch = List.of(good, negativeCost, controlCharacter, malformed, notAnObject);

        IntakeAnswer answer = intake.offer(batch);

        assertThat(answer.outcome()).isEqualTo(IntakeAnswer.Outcome.MIXED);
        assertThat(answer.accepted()).isEqualTo(1);
        assertThat(answer.rejected()).isEqualTo(4);
        assertThat(producer.history()).hasSize(1).allSatisfy(r -> assertThat(r.key()).isEqualTo("H-3"));
        for (int i = 1; i < batch.size(); i++) {
            byte[] value = batch.get(i);
            RuntimeException streams = catchDecode(value);
            assertThat(answer.results().get(i)).as("event " + i).isInstanceOfSatisfying(Rejected.class, r -> {
                assertThat(r.reason()).isEqualTo(RejectionReason.of(streams));
                assertThat(r.status()).isEqualTo("rejected");
            });
        }
        assertThat(((Rejected) answer.results().get(1)).reason()).contains("$.data.amountPence");
        assertThat(((Rejected) answer.results().get(2)).reason()).contains("control character U+0000");
        assertThat(((Rejected) answer.results().get(3)).reason()).contains("malformed JSON");
        assertThat(answer.results()).extracting(r -> r instanceof Rejected rejected ? rejected.eventId() : "sent")
                .containsExactly("sent", id.toString(), id2.toString(), null, null);
        assertThat(metrics.counter("complaints.kpi.ingest.accepted").count()).isEqualTo(1);
        assertThat(metrics.counter("complaints.kpi.ingest.rejected").count()).isEqualTo(4);
    }

    @Test
    void aRejectedEventIdIsGivenBackOnlyWhenItIsAUuid() {
        IntakeAnswer answer = intake.offer(List.of(bytes("{\"eventId\":\"Jane Smith\",\"eventType\":\"PanelHeld\"}"),
                bytes("{\"eventId\":\"" + UUID.randomUUID().toString().toUpperCase() + "x\"}")));
        assertThat(answer.outcome()).isEqualTo(IntakeAnswer.Outcome.NONE_ACCEPTED);
        assertThat(answer.results()).allSatisfy(r -> assertThat(((Rejected) r).eventId()).isNull());
        assertThat(answer.results()).allSatisfy(r -> assertThat(((Rejected) r).reason()).doesNotContain("Jane"));
    }

    /** A producer whose sends wait until the test completes or fails them. */
    private final MockProducer<String, byte[]> waiting = new MockProducer<>(false, null, new StringSerializer(),
            new ByteArraySerializer());

    /** Offers one valid event to an intake over {@link #waiting}; returns once the event has been sent. */
    private CompletableFuture<IntakeAnswer> offerWhileKafkaWaits() {
        EventIntake intakeOfWaiting = EventIntake.over(waiting, CODEC, metrics);
        CompletableFuture<IntakeAnswer> answer = CompletableFuture.supplyAsync(() -> intakeOfWaiting.offer(List.of(
                received("H-5", "2015-06-03T10:00:00+01:00", "First Response"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting.history().size() == 1);
        return answer;
    }

    @Test
    void theAnswerComesOnlyOnceKafkaHasAcknowledged() {
        CompletableFuture<IntakeAnswer> answer = offerWhileKafkaWaits();
        assertThat(answer).isNotDone();
        assertThat(waiting.completeNext()).isTrue();
        assertThat(answer.join().results()).singleElement().isInstanceOf(Accepted.class);
    }

    @Test
    void aFailedSendIsKafkaUnavailableNotARejection() {
        CompletableFuture<IntakeAnswer> answer = offerWhileKafkaWaits();
        waiting.errorNext(new NotEnoughReplicasException("one broker of three"));
        assertThatThrownBy(answer::join).hasCauseInstanceOf(EventIntake.Unavailable.class)
                .hasMessageContaining("NotEnoughReplicasException").hasMessageContaining("send the whole batch again");
        assertThat(metrics.counter("complaints.kpi.ingest.accepted").count()).isZero();
        assertThat(metrics.counter("complaints.kpi.ingest.rejected").count()).isZero();
    }

    @Test
    void anInstanceWithoutKafkaStillRejectsButStoresNothing() {
        EventIntake offline = EventIntake.withoutKafka(CODEC, metrics);
        assertThat(offline.offer(List.of(bytes("{}"))).outcome()).isEqualTo(IntakeAnswer.Outcome.NONE_ACCEPTED);
        assertThatThrownBy(() -> offline.offer(List.of(received("H-7", "2015-06-03T10:00:00+01:00", "First Response"))))
                .isInstanceOf(EventIntake.Unavailable.class);
    }

    /** The shape the import command reads, field for field and in this order. */
    @Test
    void theAnswerIsWrittenInItsPublishedShape() throws Exception {
        IntakeAnswer answer = IntakeAnswer.of(List.of(new Accepted(0, "0b6f5d64-3c6c-4f57-9c3e-1f0d2c8b9a10", 3, 42),
                new Rejected(1, null, "InvalidEventException: malformed JSON")));
        String json = EventCodec.MAPPER.writeValueAsString(answer);
        assertThat(json).startsWith("{\"accepted\":1,\"rejected\":1,\"results\":[{\"index\":0,\"status\":\"accepted\","
                + "\"eventId\":\"0b6f5d64-3c6c-4f57-9c3e-1f0d2c8b9a10\",\"partition\":3,\"offset\":42},{\"index\":1,"
                + "\"status\":\"rejected\",\"eventId\":null,\"reason\":\"InvalidEventException: malformed JSON\"}],"
                + "\"laterChecks\":\"");
        JsonNode read = EventCodec.MAPPER.readTree(json);
        assertThat(read.get("laterChecks").asText()).contains("complaint-events-dlq", "GET /api/v1/dlq");
        assertThat(read.properties()).hasSize(4);
    }

    private static RuntimeException catchDecode(byte[] value) {
        try {
            CODEC.decode(value);
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("the codec accepts it");
    }
}
