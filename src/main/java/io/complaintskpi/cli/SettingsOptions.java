package io.complaintskpi.cli;

import io.complaintskpi.config.ServiceConfig;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** {@code --config} and {@code --set}: every command reads settings the way the service does. */
final class SettingsOptions {

    @Option(names = "--config", description = "properties file with any setting of docs/configuration.md")
    Path configFile;

    @Option(names = "--set", description = "any setting as key=value, e.g. --set alerts.at-risk-working-days=3")
    Map<String, String> settings = new HashMap<>();

    /** Flags, then environment, then the file, then defaults; {@code shortcuts} are flags too. */
    ServiceConfig load(Map<String, String> shortcuts) {
        return load(shortcuts, Map.of());
    }

    /** As above; {@code commandDefaults} replace built-in defaults for one command and yield to every source. */
    ServiceConfig load(Map<String, String> shortcuts, Map<String, String> commandDefaults) {
        Properties file = new Properties();
        if (configFile != null) {
            try (InputStream in = Files.newInputStream(configFile)) {
                file.load(in);
            } catch (IOException e) {
                throw new ServiceConfig.InvalidSettings(List.of("cannot read the --config file " + configFile
                        + ": " + e.getMessage()));
            }
        }
        Map<String, String> overrides = new HashMap<>(settings);
        overrides.putAll(shortcuts);
        return ServiceConfig.load(System.getenv(), file, overrides, commandDefaults);
    }
}
