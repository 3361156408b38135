package io.complaintskpi.publish;

import io.complaintskpi.events.EventCodec;
import io.complaintskpi.importing.AuthorityReader;
import io.complaintskpi.importing.Delivery;
import io.complaintskpi.importing.ReadEvent;
import io.complaintskpi.streams.Names;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * An import's events straight to the events topic, as {@link EventPublisher} sends them (key = complaintId,
 * timestamp = occurredAt, the idempotent producer): each batch is sent at once and answered when every record of
 * it is acknowledged. Each goes in its contract form ({@link EventCodec#encode}), as {@code POST /api/v1/events}
 * stores it, so fields the contract does not define never reach the system of record.
 */
public final class KafkaDelivery implements Delivery {

    private final String servers;
    private final Producer<String, byte[]> producer;
    private final EventCodec codec;

    /** {@code clientProperties}: the cluster and any pass-through client settings; waits {@code maxBlockMs} at most. */
    public KafkaDelivery(Map<String, Object> clientProperties, int maxBlockMs, EventCodec codec) {
        this.servers = servers(clientProperties);
        this.producer = producer(clientProperties, "complaints-kpi-import", maxBlockMs);
        this.codec = codec;
    }

    /**
     * The producer of a command that sends to a running service's cluster (import, publish): {@link EventPublisher}'s,
     * under the command's client id, waiting {@code maxBlockMs} at most for a broker that does not answer.
     */
    public static Producer<String, byte[]> producer(Map<String, Object> clientProperties, String clientId,
                                                    int maxBlockMs) {
        Properties config = EventPublisher.producerConfig(clientProperties);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMs);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(maxBlockMs, 30_000));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(maxBlockMs, 30_000));
        return new KafkaProducer<>(config);
    }

    /** The cluster the client settings name, for messages. */
    public static String servers(Map<String, Object> clientProperties) {
        return String.valueOf(clientProperties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    /** A send that failed, in one line: where to, and the root cause. */
    public static String failure(String servers, Throwable e) {
        return "could not publish to " + servers + " (is the service running?): " + rootCause(e);
    }

    @Override
    public String destination() {
        return Names.EVENTS_TOPIC + " on " + servers;
    }

    @Override
    public List<Answer> deliver(List<ReadEvent.Valid> batch) {
        return answers(batch.stream().map(event -> EventPublisher.record(event.event(), codec.encode(event.event())))
                .toList());
    }

    /**
     * Valid authority records (reference data) to the authorities topic, keyed by their code, as they were read;
     * answered and failing as {@link #deliver} is.
     */
    public List<Answer> deliverAuthorities(List<AuthorityReader.ReadAuthority> records) {
        return answers(records.stream().map(r -> new ProducerRecord<>(Names.AUTHORITIES_TOPIC, r.code(), r.value()))
                .toList());
    }

    /** The authorities topic on the cluster, for the summary. */
    public String authoritiesDestination() {
        return Names.AUTHORITIES_TOPIC + " on " + servers;
    }

    /** Sends the records at once and answers each once every one is acknowledged. */
    private List<Answer> answers(List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try {
            records.forEach(record -> sent.add(producer.send(record)));
            List<Answer> answers = new ArrayList<>();
            for (Future<RecordMetadata> future : sent) {
                RecordMetadata metadata = future.get();
                answers.add(Answer.accepted(metadata.partition(), metadata.offset()));
            }
            return answers;
        } catch (ExecutionException | KafkaException e) {
            throw new Failed(failure(servers, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while publishing to " + servers);
        }
    }

    @Override
    public String laterChecks() {
        return "checks that need a complaint's history (an impossible transition) happen in the service: what it"
                + " refuses goes to " + Names.DLQ_TOPIC + " with its reason (GET /api/v1/dlq); the check command"
                + " finds them in a file before it is sent";
    }

    @Override
    public void close() {
        producer.close();
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
