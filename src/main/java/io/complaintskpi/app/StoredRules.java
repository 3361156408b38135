package io.complaintskpi.app;

import io.complaintskpi.config.RulesFingerprint;
import io.complaintskpi.streams.Names;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps the stored figures and the rules they state together. The values of every setting that changes a figure
 * ({@link RulesFingerprint}) are recorded in a compacted topic beside the application's state; a start whose
 * values differ from the recorded ones while that state exists is refused, naming what changed and how to
 * rebuild, because the stores would otherwise answer under the new rules with figures computed under the old.
 * (Rebuilding under a derived application id while serving the old figures is the alternative; refusing is the
 * simpler of the two and never serves a mismatch.)
 */
final class StoredRules {

    private static final Logger LOG = LoggerFactory.getLogger(StoredRules.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    /** What a start does about the recorded rules. */
    sealed interface Verdict {
        /** Nothing is stored yet, or the state is being built from the first event: record the current rules. */
        record Record() implements Verdict {
        }

        /** The stored state was derived under the current rules. */
        record Same() implements Verdict {
        }

        /** State from before rules were recorded: assumed to be under the current rules, and said so. */
        record Adopt() implements Verdict {
        }

        /** The stored state was derived under other rules. */
        record Refuse(List<String> changes, String rebuildCommand) implements Verdict {
        }
    }

    private StoredRules() {
    }

    static String topic(String applicationId) {
        return applicationId + Names.RULE_SETTINGS_TOPIC_SUFFIX;
    }

    /**
     * @param stored     the rules recorded for the application, if any
     * @param stateBuilt whether the application has processed (committed) any event: without that, whatever stores
     *                   exist are rebuilt from the first event, so they will be under the current rules
     */
    static Verdict judge(Optional<RulesFingerprint> stored, boolean stateBuilt, RulesFingerprint current,
                         String applicationId) {
        if (!stateBuilt) {
            return new Verdict.Record();
        }
        if (stored.isEmpty()) {
            return new Verdict.Adopt();
        }
        List<String> changes = current.changesSince(stored.get());
        if (changes.isEmpty()) {
            return new Verdict.Same();
        }
        return new Verdict.Refuse(changes, "--set application.id=" + applicationId + "-" + current.id());
    }

    /** The refusal as the lines a person reads. */
    static List<String> explain(Verdict.Refuse refusal, String applicationId) {
        List<String> lines = new ArrayList<>();
        lines.add("the stored figures of application " + applicationId + " were computed under other rule settings"
                + " than this start's; serving them would state one rule beside figures computed under another."
                + " Changed:");
        refusal.changes().forEach(change -> lines.add("  " + change));
        lines.add("to rebuild every figure under the new settings (a replay of complaint-events into new stores),"
                + " start with the same settings and: " + refusal.rebuildCommand());
        lines.add("to keep the stored figures, start with the previous values (see docs/configuration.md)");
        return lines;
    }

    /**
     * Checks the recorded rules against this start's, records them when the state is new, and refuses a start
     * whose rules differ from those of existing state.
     *
     * @throws RulesChanged naming every changed setting and the command that rebuilds
     */
    static void check(Map<String, Object> clientProperties, String applicationId, RulesFingerprint current) {
        String topic = topic(applicationId);
        try (Admin admin = Admin.create(clientProperties)) {
            createIfAbsent(admin, topic);
            Verdict verdict = judge(read(clientProperties, topic, applicationId), stateBuilt(admin, applicationId),
                    current, applicationId);
            if (verdict instanceof Verdict.Refuse refuse) {
                throw new RulesChanged(explain(refuse, applicationId));
            }
            if (verdict instanceof Verdict.Same) {
                LOG.info("stored figures were computed under this start's rule settings ({})", current.id());
                return;
            }
            write(clientProperties, topic, applicationId, current);
            if (verdict instanceof Verdict.Adopt) {
                LOG.warn("stored state of {} predates recorded rule settings: assumed computed under this start's"
                        + " ({}); if a rule setting changed since, rebuild (docs/kafka.md, Reset and replay)",
                        applicationId, current.text().replace('\n', ' '));
            } else {
                LOG.info("recorded the rule settings the figures are computed under ({}) in {}", current.id(), topic);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the recorded rule settings from " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the recorded rule settings", e);
        }
    }

    private static void createIfAbsent(Admin admin, String topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Whether the application has committed progress past the start of any input partition. */
    private static boolean stateBuilt(Admin admin, String applicationId)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetAndMetadata> input = committed.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(Names.EVENTS_TOPIC) && e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (input.isEmpty()) {
            return false;
        }
        // The reset tool leaves offsets at the start rather than none: that state is rebuilt from the first event.
        Map<TopicPartition, Long> earliest = admin.listOffsets(input.keySet().stream()
                        .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.earliest())))
                .all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        return input.entrySet().stream().anyMatch(e -> e.getValue().offset() > earliest.getOrDefault(e.getKey(), 0L));
    }

    private static Optional<RulesFingerprint> read(Map<String, Object> clientProperties, String topic, String key) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), CALL_TIMEOUT).get(partition);
            Optional<RulesFingerprint> latest = Optional.empty();
            long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
            while (consumer.position(partition, CALL_TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + CALL_TIMEOUT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key()) && record.value() != null) {
                        latest = Optional.of(RulesFingerprint.parse(record.value()));
                    }
                }
            }
            return latest;
        }
    }

    private static void write(Map<String, Object> clientProperties, String topic, String key, RulesFingerprint rules)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put("acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, rules.text()))
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
