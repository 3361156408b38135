package io.complaintskpi.cli;

import io.complaintskpi.config.ServiceConfig;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Flags shared by the commands that run the service; each overrides its environment variable. */
final class ServiceOptions {

    @Option(names = "--config", description = "properties file with any setting of the README's table")
    Path configFile;

    @Option(names = "--bootstrap-servers", description = "Kafka cluster; omit to start the embedded broker")
    String bootstrapServers;

    @Option(names = "--data-dir", description = "embedded broker and state folder (default ./data)")
    String dataDir;

    @Option(names = "--http-port", description = "HTTP port (default 7070)")
    Integer httpPort;

    @Option(names = "--set", description = "any setting as key=value, e.g. --set alerts.at-risk-working-days=3")
    Map<String, String> settings = new HashMap<>();

    ServiceConfig load() {
        Properties file = new Properties();
        if (configFile != null) {
            try (InputStream in = Files.newInputStream(configFile)) {
                file.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + configFile, e);
            }
        }
        Map<String, String> overrides = new HashMap<>(settings);
        if (bootstrapServers != null) {
            overrides.put("kafka.bootstrap-servers", bootstrapServers);
        }
        if (dataDir != null) {
            overrides.put("data.dir", dataDir);
        }
        if (httpPort != null) {
            overrides.put("http.port", httpPort.toString());
        }
        return ServiceConfig.load(System.getenv(), file, overrides);
    }
}
