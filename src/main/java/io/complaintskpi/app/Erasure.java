package io.complaintskpi.app;

import io.complaintskpi.broker.TopicProvisioner;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.streams.Names;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Erases one complaint (docs/security.md, "Erasing one complaint"). {@code complaint-events} is the system of
 * record and a {@code delete}-policy topic: a tombstone would hide nothing (every earlier event stays in the log,
 * and a replay would count it again), and compaction would keep only each complaint's last event. So erasure
 * rewrites the topics that hold records keyed by the complaint ({@code complaint-events}, the dead-letter topic,
 * {@code complaint-alerts}) without them, and then resets the application: its internal topics (changelogs and
 * repartition topics, which hold the complaint's history and contributions), its consumer group and its local
 * state go, so the next start re-derives every store and figure from the rewritten events. Every figure comes out
 * as if the complaint had never been received; no other changes. The service must be stopped.
 */
public final class Erasure {

    private static final Logger LOG = LoggerFactory.getLogger(Erasure.class);
    private static final String COPY_SUFFIX = "-erasing";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final List<String> TOPICS = List.of(Names.EVENTS_TOPIC, Names.DLQ_TOPIC, Names.ALERTS_TOPIC);

    /** What was removed: records per topic, and the internal topics deleted. */
    public record Result(Map<String, Integer> removed, List<String> internalTopicsDeleted) {
    }

    private final Admin admin;
    private final Map<String, Object> client;

    private Erasure(Admin admin, Map<String, Object> client) {
        this.admin = admin;
        this.client = client;
    }

    /** Erases the complaint {@code reference} from the service's topics and state; starts the embedded broker if used. */
    public static Result erase(ServiceConfig config, String reference) {
        try (Broker broker = Broker.start(config)) {
            ServiceConfig reached = broker.reachedFrom(config);
            Map<String, Object> client = reached.kafkaClientProperties();
            try (Admin admin = Admin.create(client)) {
                return new Erasure(admin, client).run(reached, reference.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private Result run(ServiceConfig config, byte[] key) {
        try {
            Map<String, Integer> removed = new LinkedHashMap<>();
            for (String topic : TOPICS) {
                removed.put(topic, rewrite(topic, key));
            }
            List<String> internal = resetApplication(config);
            LOG.info("erased one complaint: records removed {}, internal topics deleted {}", removed, internal.size());
            return new Result(removed, internal);
        } catch (ExecutionException e) {
            throw new IllegalStateException("erasure failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("erasure interrupted", e);
        }
    }

    /** The topic again, without the records keyed {@code key}: copied aside, recreated, copied back. */
    private int rewrite(String topic, byte[] key) throws ExecutionException, InterruptedException {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        int partitions = description.partitions().size();
        short replicas = (short) description.partitions().get(0).replicas().size();
        Map<String, String> configs = topicConfigs(topic);
        String copy = topic + COPY_SUFFIX;
        create(copy, partitions, replicas, configs);
        Copied aside = copy(topic, copy, key);
        delete(List.of(topic));
        create(topic, partitions, replicas, configs);
        Copied back = copy(copy, topic, null);
        if (back.kept() != aside.kept()) {
            // The copy is kept: nothing is lost, and the operator can copy it back by hand.
            throw new IllegalStateException(topic + " was copied back with " + back.kept() + " records of "
                    + aside.kept() + "; " + copy + " keeps them all");
        }
        delete(List.of(copy));
        return aside.skipped();
    }

    /** The configs set on the topic itself (not broker defaults). */
    private Map<String, String> topicConfigs(String topic) throws ExecutionException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        return config.entries().stream().filter(e -> e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
                .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value));
    }

    /** Creates the topic, waiting out a deletion of the same name still under way. */
    private void create(String topic, int partitions, short replicas, Map<String, String> configs)
            throws ExecutionException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, replicas).configs(configs))).all().get();
                // A producer that writes before every leader acts as one can lose its first records.
                new TopicProvisioner(admin).awaitLeaders(List.of(topic));
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException) || attempt >= 120) {
                    throw e;
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    private void delete(List<String> topics) throws ExecutionException, InterruptedException {
        if (!topics.isEmpty()) {
            admin.deleteTopics(topics).all().get();
        }
    }

    /** Records copied and records left out. */
    private record Copied(int kept, int skipped) {
    }

    /**
     * Every committed record of {@code from}, partition by partition with its key, value, headers and timestamp,
     * to {@code to}, but those keyed {@code skip}; fails unless the broker stored every one.
     */
    private Copied copy(String from, String to, byte[] skip) throws ExecutionException, InterruptedException {
        Map<String, Object> consumerProps = new HashMap<>(client);
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Object> producerProps = new HashMap<>(client);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int skipped = 0;
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             Producer<byte[], byte[]> producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(from).stream()
                    .map(p -> new TopicPartition(from, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    if (skip != null && Arrays.equals(skip, r.key())) {
                        skipped++;
                        continue;
                    }
                    sent.add(producer.send(new ProducerRecord<>(to, r.partition(), r.timestamp(), r.key(), r.value(),
                            r.headers())));
                }
            }
            producer.flush();
            for (var send : sent) {
                send.get(); // a record the broker refused fails the erasure before anything is deleted
            }
        }
        return new Copied(sent.size(), skipped);
    }

    /**
     * The application's derived state, gone: its internal topics (but the record of the settings its figures were
     * built under), its consumer group, and its local state folder. The next start rebuilds from the first event.
     */
    private List<String> resetApplication(ServiceConfig config) throws ExecutionException, InterruptedException {
        String prefix = config.applicationId() + "-";
        String settings = config.applicationId() + Names.RULE_SETTINGS_TOPIC_SUFFIX;
        Set<String> all = admin.listTopics().names().get();
        List<String> internal = all.stream().filter(t -> t.startsWith(prefix) && !t.equals(settings)).sorted().toList();
        delete(internal);
        try {
            admin.deleteConsumerGroups(List.of(config.applicationId())).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
        deleteFolder(config.streamsStateDir().resolve(config.applicationId()));
        return internal;
    }

    private static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the state folder " + folder, e);
        }
    }
}
