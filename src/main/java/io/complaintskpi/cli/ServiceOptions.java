package io.complaintskpi.cli;

import io.complaintskpi.config.ServiceConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;

/** Flags shared by the commands that run the service; each overrides its environment variable. */
final class ServiceOptions {

    @Mixin
    SettingsOptions settings;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--http-port", description = "HTTP port (default 7070)")
    String httpPort;

    /** Every setting, checked; {@code commandDefaults} yield to flags, environment and the --config file. */
    ServiceConfig load(Map<String, String> commandDefaults) {
        Map<String, String> shortcuts = kafka.shortcuts();
        if (httpPort != null) {
            shortcuts.put("http.port", httpPort); // checked with the other settings, as http.port
        }
        return settings.load(shortcuts, commandDefaults);
    }
}
