package io.complaintskpi.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The deployment files of the repository, read as JSON trees (YAML included). */
final class RepoFiles {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path DASHBOARDS = ROOT.resolve("grafana/dashboards");
    static final Path DATASOURCES = ROOT.resolve("grafana/provisioning/datasources");
    static final Path RULES = ROOT.resolve("prometheus/rules/complaints-kpi.rules.yml");
    static final Path RULE_TESTS = ROOT.resolve("prometheus/tests");
    static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    static final Path TOPIC_INIT = ROOT.resolve("docker/topic-init.sh");
    static final Path TOPICS = ROOT.resolve("topics");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private RepoFiles() {
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT.relativize(file), e);
        }
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT.relativize(file), e);
        }
    }

    static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
