package io.complaintskpi.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Makes the broker match the topic specs before anything produces or consumes: creates missing
 * topics, refuses to start on an existing topic that contradicts its spec, and waits until every
 * partition has a leader (producing before that can lose records to NOT_LEADER_OR_FOLLOWER).
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Duration DEFAULT_LEADER_WAIT = Duration.ofSeconds(30);
    private static final Duration LEADER_POLL = Duration.ofMillis(100);

    private final Admin admin;
    private final Duration leaderWait;

    public TopicProvisioner(Admin admin) {
        this(admin, DEFAULT_LEADER_WAIT);
    }

    public TopicProvisioner(Admin admin, Duration leaderWait) {
        this.admin = admin;
        this.leaderWait = leaderWait;
    }

    /** Provisions with a short-lived admin client of its own. */
    public static void provision(String bootstrapServers, List<TopicSpec> specs) {
        provision(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), specs);
    }

    /** Provisions with a short-lived admin client made from {@code clientProperties}. */
    public static void provision(Map<String, Object> clientProperties, List<TopicSpec> specs) {
        try (Admin admin = Admin.create(clientProperties)) {
            new TopicProvisioner(admin).provision(specs);
        }
    }

    /**
     * Sets one config of an existing topic when it differs (a retention the operator chose by a setting,
     * which must hold for a topic created earlier too); says so in the log.
     */
    public void enforce(String topic, String key, String value) {
        ConfigResource resource = topicResource(topic);
        ConfigEntry actual = await(admin.describeConfigs(List.of(resource)).all()).get(resource).get(key);
        if (actual == null || !value.equals(actual.value())) {
            await(admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry(key, value), AlterConfigOp.OpType.SET)))).all());
            LOG.info("Topic {}: {} was {}, now {}", topic, key, actual == null ? null : actual.value(), value);
        }
    }

    /**
     * @throws IllegalStateException when an existing topic conflicts with its spec (the message says
     *                               what differs and how to fix it) or a partition gets no leader in time
     */
    public void provision(List<TopicSpec> specs) {
        int liveBrokers = await(admin.describeCluster().nodes()).size();
        Set<String> existing = await(admin.listTopics().names());
        Map<Boolean, List<TopicSpec>> byPresence = specs.stream()
                .collect(Collectors.partitioningBy(spec -> existing.contains(spec.name())));
        checkCompatible(byPresence.get(true), liveBrokers);
        // A topic created by someone else since the listing (another instance, or metadata that had not
        // reached this broker yet) is checked like any existing one.
        checkCompatible(create(byPresence.get(false), liveBrokers), liveBrokers);
        awaitLeaders(specs.stream().map(TopicSpec::name).toList());
    }

    private void checkCompatible(List<TopicSpec> specs, int liveBrokers) {
        if (specs.isEmpty()) {
            return;
        }
        List<String> names = specs.stream().map(TopicSpec::name).toList();
        Map<String, TopicDescription> descriptions = await(admin.describeTopics(names).allTopicNames());
        Map<ConfigResource, Config> configs = await(admin.describeConfigs(
                names.stream().map(TopicProvisioner::topicResource).toList()).all());
        List<String> conflicts = new ArrayList<>();
        for (TopicSpec spec : specs) {
            int actualPartitions = descriptions.get(spec.name()).partitions().size();
            Config actualConfig = configs.get(topicResource(spec.name()));
            if (actualPartitions < spec.partitions()) {
                conflicts.add(partitionConflict(spec, actualPartitions));
            } else if (actualPartitions > spec.partitions()) {
                LOG.warn("Topic {} has {} partitions, more than the {} its spec asks for; using it as it is",
                        spec.name(), actualPartitions, spec.partitions());
            }
            String actualPolicy = actualConfig.get(TopicSpec.CLEANUP_POLICY).value();
            if (!policies(actualPolicy).equals(policies(spec.cleanupPolicy()))) {
                conflicts.add(cleanupPolicyConflict(spec, actualPolicy));
            }
            warnAboutDrift(spec, actualConfig, liveBrokers);
        }
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException(String.join(System.lineSeparator(), conflicts));
        }
    }

    private static String partitionConflict(TopicSpec spec, int actualPartitions) {
        return "Topic " + spec.name() + " exists with " + actualPartitions + " partition(s) but its spec asks for "
                + spec.partitions() + ". Records are placed by key over the partitions, so the service never"
                + " changes the count itself. To fix: if the topic holds nothing you need, delete it"
                + " (kafka-topics.sh --bootstrap-server <servers> --delete --topic " + spec.name()
                + ") and start again so it is created from the spec; to keep its records, raise the count"
                + " (kafka-topics.sh --bootstrap-server <servers> --alter --topic " + spec.name()
                + " --partitions " + spec.partitions() + ") and rebuild the derived state by replay, since"
                + " existing keys move to other partitions.";
    }

    private static String cleanupPolicyConflict(TopicSpec spec, String actualPolicy) {
        return "Topic " + spec.name() + " exists with cleanup.policy=" + actualPolicy + " but its spec asks for"
                + " cleanup.policy=" + spec.cleanupPolicy() + ". With the wrong policy Kafka deletes or compacts"
                + " records the service relies on. To fix: kafka-configs.sh --bootstrap-server <servers> --alter"
                + " --entity-type topics --entity-name " + spec.name()
                + " --add-config cleanup.policy=" + spec.cleanupPolicy().replace(",", "\\,")
                + " (or delete the topic if it holds nothing you need).";
    }

    /** Other settings may be tuned by operators on purpose: say so, but do not stop. */
    private static void warnAboutDrift(TopicSpec spec, Config actualConfig, int liveBrokers) {
        effectiveConfig(spec, replicationFactor(spec, liveBrokers)).forEach((key, wanted) -> {
            ConfigEntry actual = actualConfig.get(key);
            String actualValue = actual == null ? null : actual.value();
            if (!key.equals(TopicSpec.CLEANUP_POLICY) && !wanted.equals(actualValue)) {
                LOG.warn("Topic {} has {}={} but its spec says {}; leaving it as it is",
                        spec.name(), key, actualValue, wanted);
            }
        });
    }

    /** Creates the topics; returns the specs of those that turned out to exist already. */
    private List<TopicSpec> create(List<TopicSpec> specs, int liveBrokers) {
        List<TopicSpec> existedAlready = new ArrayList<>();
        if (specs.isEmpty()) {
            return existedAlready;
        }
        List<NewTopic> newTopics = specs.stream().map(spec -> newTopic(spec, liveBrokers)).toList();
        Map<String, KafkaFuture<Void>> results = admin.createTopics(newTopics).values();
        for (TopicSpec spec : specs) {
            try {
                await(results.get(spec.name()));
                LOG.info("Created topic {}", spec.name());
            } catch (TopicExistsException e) {
                LOG.info("Topic {} was created meanwhile by someone else; checking it against its spec", spec.name());
                existedAlready.add(spec);
            }
        }
        return existedAlready;
    }

    private static NewTopic newTopic(TopicSpec spec, int liveBrokers) {
        short replicationFactor = replicationFactor(spec, liveBrokers);
        if (replicationFactor < spec.replicationFactor()) {
            LOG.warn("Creating topic {} with replication factor {} instead of {}: only {} broker(s) are live",
                    spec.name(), replicationFactor, spec.replicationFactor(), liveBrokers);
        }
        return new NewTopic(spec.name(), spec.partitions(), replicationFactor)
                .configs(effectiveConfig(spec, replicationFactor));
    }

    private static short replicationFactor(TopicSpec spec, int liveBrokers) {
        return (short) Math.max(1, Math.min(spec.replicationFactor(), liveBrokers));
    }

    /** min.insync.replicas above the replica count would refuse every acks=all write. */
    private static Map<String, String> effectiveConfig(TopicSpec spec, short replicationFactor) {
        Map<String, String> config = new HashMap<>(spec.config());
        config.computeIfPresent(TopicSpec.MIN_INSYNC_REPLICAS,
                (key, value) -> String.valueOf(Math.min(Integer.parseInt(value), replicationFactor)));
        return config;
    }

    /**
     * Waits until every partition of {@code topics} has a leader that serves requests. The metadata names a
     * leader a moment before that broker acts as one: a new idempotent producer whose first batch is refused
     * then (NOT_LEADER_OR_FOLLOWER) can have a later batch appended first and stay stuck on
     * OUT_OF_ORDER_SEQUENCE_NUMBER, its first records never stored. So each leader is also asked for the
     * partition's end offset, which only the acting leader answers (the admin client retries until it does).
     */
    public void awaitLeaders(List<String> topics) {
        long deadline = System.nanoTime() + leaderWait.toNanos();
        List<String> waitingFor = partitionsWithoutLeader(topics);
        while (!waitingFor.isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("No leader after " + leaderWait.toSeconds() + " s for " + waitingFor
                        + "; check that the brokers hosting them are up");
            }
            sleep(LEADER_POLL);
            waitingFor = partitionsWithoutLeader(topics);
        }
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        await(admin.describeTopics(topics).allTopicNames()).forEach((topic, description) ->
                description.partitions().forEach(p -> ends.put(new TopicPartition(topic, p.partition()),
                        OffsetSpec.latest())));
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        try {
            admin.listOffsets(ends, new ListOffsetsOptions().timeoutMs((int) Math.min(left, Integer.MAX_VALUE)))
                    .all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The leaders of " + topics + " did not answer within "
                    + leaderWait.toSeconds() + " s; check that the brokers hosting them are up", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for partition leaders", e);
        }
    }

    private List<String> partitionsWithoutLeader(List<String> topics) {
        List<String> waiting = new ArrayList<>();
        admin.describeTopics(topics).topicNameValues().forEach((topic, description) -> {
            try {
                for (TopicPartitionInfo partition : await(description).partitions()) {
                    if (partition.leader() == null || partition.leader().isEmpty()) {
                        waiting.add(topic + "-" + partition.partition());
                    }
                }
            } catch (UnknownTopicOrPartitionException e) {
                // Just created: the broker's metadata has not caught up yet.
                waiting.add(topic);
            }
        });
        return waiting;
    }

    private static Set<String> policies(String cleanupPolicy) {
        return Arrays.stream(cleanupPolicy.split(","))
                .map(String::strip)
                .collect(Collectors.toSet());
    }

    private static ConfigResource topicResource(String topic) {
        return new ConfigResource(ConfigResource.Type.TOPIC, topic);
    }

    /** Unwraps Kafka's ExecutionException so callers can catch the Kafka exception itself. */
    static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while talking to Kafka", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for partition leaders", e);
        }
    }
}
