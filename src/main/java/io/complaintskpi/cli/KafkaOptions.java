package io.complaintskpi.cli;

import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;

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
}
