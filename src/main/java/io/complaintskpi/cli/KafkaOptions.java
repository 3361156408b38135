package io.complaintskpi.cli;

import io.complaintskpi.broker.EmbeddedKafkaBroker;
import io.complaintskpi.config.ServiceConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
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
     * {@code config} reaching the cluster a client command talks to: the configured one, else the embedded broker
     * the service last ran on the data folder (its address is saved there, the port being any free one, and so is
     * its SASL login when its listeners want one).
     */
    static Optional<ServiceConfig> cluster(ServiceConfig config) {
        if (!config.embeddedBroker()) {
            return Optional.of(config);
        }
        Path broker = config.embeddedBrokerDir();
        return EmbeddedKafkaBroker.savedBootstrapServers(broker)
                .map(servers -> config.reaching(servers, EmbeddedKafkaBroker.savedClientSettings(broker)));
    }

    /**
     * The client settings to reach {@link #cluster}: the configured pass-through ones with its address (and the
     * embedded broker's login).
     */
    static Optional<Map<String, Object>> client(ServiceConfig config) {
        return cluster(config).map(ServiceConfig::kafkaClientProperties);
    }

    /** Why {@link #cluster} found none, and what to do. */
    static String noCluster(ServiceConfig config) {
        return "no embedded broker has run in " + config.embeddedBrokerDir() + ": start the service (serve or demo)"
                + " with the same --data-dir first, or give --bootstrap-servers";
    }
}
