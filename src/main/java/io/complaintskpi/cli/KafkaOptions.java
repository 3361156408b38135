package io.complaintskpi.cli;

import io.complaintskpi.broker.EmbeddedKafkaBroker;
import io.complaintskpi.config.ServiceConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Where Kafka is, for every command that talks to it; each flag overrides its environment variable. */
final class KafkaOptions {

    @Option(names = "--bootstrap-servers", description = "Kafka cluster; omit for the embedded broker")
    String bootstrapServers;

    @Option(names = "--data-dir", description = "embedded broker and state folder (default ./data)")
    String dataDir;

    /** The settings these flags give, to be read as command-line flags. */
    Map<String, String> shortcuts() {
        Map<String, String> shortcuts = new HashMap<>();
        if (bootstrapServers != null) {
            shortcuts.put("kafka.bootstrap-servers", bootstrapServers);
        }
        if (dataDir != null) {
            shortcuts.put("data.dir", dataDir);
        }
        return shortcuts;
    }

    /**
     * The cluster a client command talks to: the configured one, else the embedded broker the service last
     * ran on the data folder (its address is saved there, the port being any free one).
     */
    static Optional<String> cluster(ServiceConfig config) {
        return config.bootstrapServers().isBlank()
                ? EmbeddedKafkaBroker.savedBootstrapServers(config.embeddedBrokerDir())
                : Optional.of(config.bootstrapServers());
    }

    /** The client settings to reach {@link #cluster}: the configured pass-through ones with its address. */
    static Optional<Map<String, Object>> client(ServiceConfig config) {
        return cluster(config).map(servers -> {
            Map<String, Object> client = new LinkedHashMap<>(config.kafkaClientProperties());
            client.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
            return client;
        });
    }

    /** Why {@link #cluster} found none, and what to do. */
    static String noCluster(ServiceConfig config) {
        return "no embedded broker has run in " + config.embeddedBrokerDir() + ": start the service (serve or demo)"
                + " with the same --data-dir first, or give --bootstrap-servers";
    }
}
