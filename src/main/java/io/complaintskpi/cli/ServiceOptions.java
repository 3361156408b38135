package io.complaintskpi.cli;

import io.complaintskpi.config.ServiceConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;

/** Flags shared by the commands that run the service; each overrides its environment variable. */
final class ServiceOptions {

    @Mixin
    SettingsOptions settings;

    @Option(names = "--bootstrap-servers", description = "Kafka cluster; omit to start the embedded broker")
    String bootstrapServers;

    @Option(names = "--data-dir", description = "embedded broker and state folder (default ./data)")
    String dataDir;

    @Option(names = "--http-port", description = "HTTP port (default 7070)")
    Integer httpPort;

    /** A setting the command wants unless the user gave it (as a flag or in the environment). */
    void defaultSetting(String key, String env, String value) {
        if (System.getenv(env) == null) {
            settings.settings.putIfAbsent(key, value);
        }
    }

    ServiceConfig load() {
        Map<String, String> shortcuts = new HashMap<>();
        if (bootstrapServers != null) {
            shortcuts.put("kafka.bootstrap-servers", bootstrapServers);
        }
        if (dataDir != null) {
            shortcuts.put("data.dir", dataDir);
        }
        if (httpPort != null) {
            shortcuts.put("http.port", httpPort.toString());
        }
        return settings.load(shortcuts);
    }
}
