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

    /** Keys whose values are secrets: the instance secret and Kafka client passwords, keys and JAAS lines. */
    static boolean secret(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        return k.equals("http.internal-secret") || k.startsWith("http.tls.") && k.contains("password")
                || k.startsWith("kafka.client.")
                && (k.contains("password") || k.contains("jaas") || k.contains("secret") || k.endsWith(".key")
                || k.contains("keystore.key") || k.contains("token"));
    }

    @Option(names = "--set", description = "any setting as key=value, e.g. --set alerts.at-risk-working-days=3")
    Map<String, String> settings = new HashMap<>();

    /** Flags, then environment, then the file, then defaults; {@code shortcuts} are flags too. */
    ServiceConfig load(Map<String, String> shortcuts) {
        return load(shortcuts, Map.of());
    }

    /** As above; {@code commandDefaults} replace built-in defaults for one command and yield to every source. */
    ServiceConfig load(Map<String, String> shortcuts, Map<String, String> commandDefaults) {
        List<String> secrets = settings.keySet().stream().filter(SettingsOptions::secret).sorted().toList();
        if (!secrets.isEmpty()) {
            throw new ServiceConfig.InvalidSettings(secrets.stream().map(key -> "--set " + key + " puts a secret"
                    + " where ps and the shell history show it; give it in the --config file, the environment, a file"
                    + " named by <ENV>_FILE, or kafka.client-properties (docs/security.md)").toList());
        }
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
