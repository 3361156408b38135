package io.complaintskpi.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Events offered by an upstream system over HTTP: each read and validated by the stream's own codec (the
 * contract's schemas, control characters), the valid ones sent to complaint-events keyed by complaintId in their
 * contract form, and the answer given once Kafka has acknowledged every one. Nothing else decides whether an
 * event is valid: what the stream checks beyond the codec needs the complaint's history and stays there.
 */
public final class EventIntake implements AutoCloseable {

    /** The client id of the intake's producer, apart from the publish command's. */
    public static final String CLIENT_ID = "complaints-kpi-intake";
    /** How long an answer waits for Kafka's acknowledgements before saying Kafka is unavailable. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Where accepted events go; an instance assembled without Kafka has nowhere to put them. */
    @FunctionalInterface
    private interface Outlet {
        Future<RecordMetadata> send(EventEnvelope event);
    }

    /** Kafka did not acknowledge every accepted event: the batch may be partly stored and can be sent again. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final EventCodec codec;
    private final Outlet outlet;
    private final AutoCloseable producer;
    private final Counter accepted;
    private final Counter rejected;

    private EventIntake(EventCodec codec, Outlet outlet, AutoCloseable producer, MeterRegistry metrics) {
        this.codec = codec;
        this.outlet = outlet;
        this.producer = producer;
        this.accepted = Counter.builder("complaints.kpi.ingest.accepted")
                .description("events accepted over HTTP (POST /api/v1/events) and acknowledged by Kafka since start")
                .register(metrics);
        this.rejected = Counter.builder("complaints.kpi.ingest.rejected")
                .description("events refused over HTTP (POST /api/v1/events) because they break the contract")
                .register(metrics);
    }

    /**
     * An intake over {@code producer}, which it closes; the events go in their contract form ({@link
     * EventCodec#encode}), so fields the contract does not define never reach the system of record.
     */
    public static EventIntake over(Producer<String, byte[]> producer, EventCodec codec, MeterRegistry metrics) {
        EventPublisher publisher = EventPublisher.raw(producer);
        // A stop waits briefly for sends under way (their callers are told by then anyway), never for ever.
        return new EventIntake(codec, event -> publisher.sendRaw(event.complaintId(), codec.encode(event)),
                () -> producer.close(PATIENCE.dividedBy(3)), metrics);
    }

    /** The intake of a running service: an idempotent producer with the service's Kafka client settings. */
    public static EventIntake start(Map<String, Object> kafkaClientProperties, EventCodec codec,
                                    MeterRegistry metrics) {
        Properties config = EventPublisher.producerConfig(kafkaClientProperties);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID);
        // Every wait ends within the answer's patience, so a caller hears that Kafka is down rather than hangs.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) PATIENCE.dividedBy(3).toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PATIENCE.dividedBy(3).toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        return over(new KafkaProducer<>(config), codec, metrics);
    }

    /** An intake of an instance assembled without Kafka (route tests): it validates, and stores nothing. */
    public static EventIntake withoutKafka(EventCodec codec, MeterRegistry metrics) {
        return new EventIntake(codec, event -> {
            throw new Unavailable("this instance was assembled without a Kafka producer", null);
        }, () -> { }, metrics);
    }

    /**
     * Validates each event, sends the valid ones in order and waits for Kafka to acknowledge them all.
     *
     * @throws Unavailable when Kafka does not acknowledge every valid event within {@link #PATIENCE}
     */
    public IntakeAnswer offer(List<byte[]> events) {
        List<IntakeAnswer.Result> results = new ArrayList<>();
        List<Sent> sent = new ArrayList<>();
        for (int index = 0; index < events.size(); index++) {
            byte[] value = events.get(index);
            EventEnvelope event;
            try {
                event = codec.decode(value);
            } catch (RuntimeException invalid) { // whatever decode throws, the stream dead-letters the record for
                results.add(new IntakeAnswer.Rejected(index, readableEventId(value).orElse(null),
                        RejectionReason.of(invalid)));
                continue;
            }
            sent.add(new Sent(index, event.eventId(), send(event)));
            results.add(null); // answered once acknowledged, below
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (Sent s : sent) {
            RecordMetadata stored = acknowledged(s.ack(), deadline);
            results.set(s.index(), new IntakeAnswer.Accepted(s.index(), s.eventId().toString(), stored.partition(),
                    stored.offset()));
        }
        IntakeAnswer answer = IntakeAnswer.of(results);
        accepted.increment(answer.accepted());
        rejected.increment(answer.rejected());
        return answer;
    }

    private Future<RecordMetadata> send(EventEnvelope event) {
        try {
            return outlet.send(event);
        } catch (Unavailable e) {
            throw e;
        } catch (RuntimeException e) { // the producer's own failure (closed, interrupted), not the event's
            throw new Unavailable("Kafka cannot take events now (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private record Sent(int index, UUID eventId, Future<RecordMetadata> ack) {
    }

    private static RecordMetadata acknowledged(Future<RecordMetadata> ack, long deadline) {
        try {
            return ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new Unavailable("Kafka did not store the events (" + cause.getClass().getSimpleName() + "); some"
                    + " may be stored: send the whole batch again, an event sent twice is counted once", cause);
        } catch (TimeoutException e) {
            throw new Unavailable("Kafka did not acknowledge the events within " + PATIENCE.toSeconds() + " s; some"
                    + " may be stored: send the whole batch again, an event sent twice is counted once", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting for Kafka", e);
        }
    }

    /**
     * The eventId of a rejected event when it has one in the contract's form (a UUID, which names no one), so the
     * sender can match the answer; nothing else of a rejected event is repeated back.
     */
    private static Optional<String> readableEventId(byte[] value) {
        try {
            JsonNode id = EventCodec.MAPPER.readTree(value).path("eventId");
            if (id.isTextual() && UUID.fromString(id.asText()).toString().equalsIgnoreCase(id.asText())) {
                return Optional.of(id.asText());
            }
        } catch (IOException | RuntimeException unreadable) {
            // No eventId to give back.
        }
        return Optional.empty();
    }

    @Override
    public void close() throws Exception {
        producer.close();
    }
}
