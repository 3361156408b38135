package io.complaintskpi.publish;

import io.complaintskpi.authorities.Authority;
import io.complaintskpi.authorities.AuthorityCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.streams.Names;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Sends events to the events topic ({@link Names#EVENTS_TOPIC}) as an upstream system would: key =
 * complaintId, value = the encoded event (or the bytes as given), record timestamp = occurredAt. Sends are
 * asynchronous; {@link #flush()} waits for every acknowledgement and fails if any send failed, so a caller
 * that flushes knows nothing was lost. The producer is the caller's: this class never closes it.
 */
public final class EventPublisher {

    /** The client id unless a caller names its own. */
    public static final String DEFAULT_CLIENT_ID = "complaints-kpi-publisher";

    private final Producer<String, byte[]> producer;
    private final Function<EventEnvelope, byte[]> encoder;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    /** {@code encoder} is normally {@code codec::encode}. */
    public EventPublisher(Producer<String, byte[]> producer, Function<EventEnvelope, byte[]> encoder) {
        this.producer = producer;
        this.encoder = encoder;
    }

    /** A publisher of bytes as given ({@link #sendRaw}), for records that are not decoded first. */
    public static EventPublisher raw(Producer<String, byte[]> producer) {
        return new EventPublisher(producer, event -> {
            throw new IllegalStateException("this publisher sends raw bytes only; build it with an encoder");
        });
    }

    /** An idempotent producer that waits for all in-sync replicas: no duplicates, no losses on retry. */
    public static Properties producerConfig(String bootstrapServers) {
        return producerConfig(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** The same producer on {@code clientProperties}: the cluster and any pass-through client settings. */
    public static Properties producerConfig(Map<String, Object> clientProperties) {
        Properties config = new Properties();
        config.putAll(clientProperties);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, DEFAULT_CLIENT_ID);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    public static Producer<String, byte[]> createProducer(String bootstrapServers) {
        return new KafkaProducer<>(producerConfig(bootstrapServers));
    }

    public static Producer<String, byte[]> createProducer(Map<String, Object> clientProperties) {
        return new KafkaProducer<>(producerConfig(clientProperties));
    }

    /** The record an event is published as. */
    public static ProducerRecord<String, byte[]> record(EventEnvelope event, byte[] value) {
        return new ProducerRecord<>(Names.EVENTS_TOPIC, null, event.occurredAt().toInstant().toEpochMilli(),
                event.complaintId(), value);
    }

    /** Sends every event at once, in order, and waits until all are acknowledged. */
    public static void publishAll(List<EventEnvelope> events, Producer<String, byte[]> producer,
                                  Function<EventEnvelope, byte[]> encoder) {
        new EventPublisher(producer, encoder).publishAll(events);
    }

    /** Sends every event at once, in order, and waits until all are acknowledged. */
    public void publishAll(List<EventEnvelope> events) {
        events.forEach(this::send);
        flush();
    }

    /** Sends one event without waiting; a failure surfaces at the next {@link #flush()}. */
    public void send(EventEnvelope event) {
        producer.send(record(event, encoder.apply(event)), (metadata, exception) -> {
            if (exception != null) {
                failure.compareAndSet(null, exception);
            }
        });
    }

    /**
     * Sends bytes unchanged under {@code key}, as an upstream system would (the service validates them; what
     * breaks the contract goes to the dead-letter topic). The future completes when the broker acknowledges.
     */
    public Future<RecordMetadata> sendRaw(String key, byte[] value) {
        return producer.send(new ProducerRecord<>(Names.EVENTS_TOPIC, key, value));
    }

    /**
     * Sends an authority record's bytes unchanged to the authorities topic under its code (the service validates
     * it; an invalid one goes to the dead-letter topic). The future completes when the broker acknowledges.
     */
    public Future<RecordMetadata> sendAuthority(String code, byte[] value) {
        return producer.send(new ProducerRecord<>(Names.AUTHORITIES_TOPIC, code, value));
    }

    /** Sends every authority record (reference data) and waits until all are acknowledged. */
    public static void publishAuthorities(List<Authority> authorities, Producer<String, byte[]> producer) {
        AuthorityCodec codec = new AuthorityCodec();
        EventPublisher publisher = raw(producer);
        List<Future<RecordMetadata>> sent = authorities.stream()
                .map(a -> publisher.sendAuthority(a.code(), codec.encode(a))).toList();
        for (Future<RecordMetadata> each : sent) {
            try {
                each.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("publishing to " + Names.AUTHORITIES_TOPIC + " failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing to " + Names.AUTHORITIES_TOPIC, e);
            }
        }
    }

    /** Waits for every send so far; throws if any of them failed. */
    public void flush() {
        producer.flush();
        Exception first = failure.get();
        if (first != null) {
            throw new IllegalStateException("publishing to " + Names.EVENTS_TOPIC + " failed", first);
        }
    }
}
