package io.complaintskpi.testing;

import io.complaintskpi.publish.EventPublisher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The tests' one way to put records on a topic and read them back. Neither can lose a record quietly:
 * publishing waits for the broker's acknowledgement of every record and fails on the first that was not
 * stored (a lost record must not pass for one the service lost); {@link #readAll} fails when it cannot
 * reach the end of every partition instead of returning what it has.
 */
public final class KafkaRecords {

    private static final Duration POLL = Duration.ofMillis(200);

    private KafkaRecords() {
    }

    /** Sends one record and waits until the broker has acknowledged it. */
    public static void send(String bootstrap, String topic, String key, String value) {
        publish(bootstrap, List.of(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * Publishes the records in order (idempotent, one request in flight, so a retried batch never lands
     * behind a later one) and returns once the broker has acknowledged every one; fails otherwise.
     */
    public static void publish(String bootstrap, List<ProducerRecord<String, byte[]>> records) {
        // The service's own publisher settings (idempotent, acks=all), one request in flight.
        try (Producer<String, byte[]> producer = new KafkaProducer<>(EventPublisher.producerConfig(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                // A loaded build machine (or a broker restarting under the test) answers slowly: wait, not fail.
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000)))) {
            publish(producer, records);
        }
    }

    /** The same with a producer of the caller's (e.g. one with SASL settings): every send is checked. */
    public static void publish(Producer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
        producer.flush();
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the test could not publish record " + i + " of " + sent.size()
                        + " (key " + records.get(i).key() + ") to " + records.get(i).topic(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Every committed record now on the topic: each partition read from its beginning to the end offset it
     * had when the read began. Fails, naming the partitions short of their end, if that takes longer than
     * {@code patience}: a partial list would pass a "no duplicate" or "only this one" check it should fail.
     */
    public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic, Duration patience) {
        return readAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), topic, patience);
    }

    /** As above, as a client with these settings (the cluster, and a login it wants). */
    public static List<ConsumerRecord<String, byte[]>> readAll(Map<String, Object> client, String topic,
                                                               Duration patience) {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings,
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + patience.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("read only part of " + topic + " in " + patience + " (" + records.size()
                            + " records); partitions short of their end (position/end): " + partitions.stream()
                            .filter(p -> consumer.position(p) < end.get(p))
                            .map(p -> p.partition() + " " + consumer.position(p) + "/" + end.get(p))
                            .collect(Collectors.joining(", ")));
                }
                consumer.poll(POLL).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * Whether consumer group {@code groupId} has committed the end of every partition of {@code topic}: it has
     * processed everything on the topic now (a Streams application's group is its application id).
     */
    public static boolean consumedToEnd(Admin admin, String groupId, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get();
        // A partition the group never committed on is done only while it is empty.
        return endOffsets(admin, topic).entrySet().stream().allMatch(end -> (committed.get(end.getKey()) == null ? 0
                : committed.get(end.getKey()).offset()) >= end.getValue());
    }

    /**
     * Reads as consumer group {@code groupId}, from the group's committed offsets (or the beginning),
     * until {@code count} records have arrived or {@code timeout} has passed, then commits what it read.
     * Returns what arrived, so a caller asserting on the size sees a short read as a failure.
     */
    public static List<ConsumerRecord<String, String>> read(
            String bootstrap, String topic, String groupId, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < count && System.nanoTime() - deadline < 0) {
                consumer.poll(POLL).forEach(records::add);
            }
            consumer.commitSync();
        }
        return records;
    }

    /** The end offset of each partition of {@code topic}: where its next record will go. */
    public static Map<TopicPartition, Long> endOffsets(Admin admin, String topic)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()),
                        p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
    }
}
