package io.complaintskpi.broker;

import java.util.Map;
import java.util.Objects;

/**
 * What a topic must look like, read from {@code topics/<name>.topic.json}: the public contract for
 * producers and consumers and the input to {@link TopicProvisioner}.
 *
 * @param replicationFactor production intent; capped to the number of live brokers when provisioning
 * @param config            topic configs, as Kafka names them
 */
public record TopicSpec(
        String name,
        String description,
        int partitions,
        int replicationFactor,
        Map<String, String> config,
        Payload key,
        Payload value) {

    static final String CLEANUP_POLICY = "cleanup.policy";
    static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";
    public static final String RETENTION_MS = "retention.ms";

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException(
                    "Topic " + name + " needs at least 1 partition and a replication factor of at least 1");
        }
        config = config == null ? Map.of() : Map.copyOf(config);
    }

    /** The same spec under another name: tests use it to get topics of their own on a shared broker. */
    public TopicSpec withName(String newName) {
        return new TopicSpec(newName, description, partitions, replicationFactor, config, key, value);
    }

    /** The same spec with one config set, e.g. {@code retention.ms} from a setting. */
    public TopicSpec withConfig(String configKey, String configValue) {
        Map<String, String> changed = new java.util.HashMap<>(config);
        changed.put(configKey, configValue);
        return new TopicSpec(name, description, partitions, replicationFactor, changed, key, value);
    }

    /** Kafka's default when the spec leaves it out. */
    public String cleanupPolicy() {
        return config.getOrDefault(CLEANUP_POLICY, "delete");
    }

    /**
     * How a record key or value is encoded.
     *
     * @param format  {@code string}, {@code json} or {@code bytes}
     * @param schema  JSON Schema path relative to the repository root, for {@code json}
     * @param headers record headers the topic's records carry, name to meaning
     */
    public record Payload(String format, String schema, String description, Map<String, String> headers) {

        public Payload {
            Objects.requireNonNull(format, "format");
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }
}
