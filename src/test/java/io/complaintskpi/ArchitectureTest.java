package io.complaintskpi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arrows between packages point one way: read from the imports (and fully qualified names) of the main
 * sources. A failure names the file and the import that breaks the rule.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/io/complaintskpi");
    private static final Pattern REFERENCE = Pattern.compile("\\b((?:io\\.complaintskpi|org\\.apache\\.kafka|io\\.javalin)"
            + "(?:\\.[a-z][a-z0-9_]*)?)\\.");
    /** Pure domain packages: no Kafka, no Javalin, nothing of the adapters or of the settings. */
    private static final Set<String> DOMAIN = Set.of("events", "calendar", "rules", "lifecycle", "contributions", "series", "catalogue",
            "figures", "disclosure", "report", "alerts",
            "domain", "importing");
    private static final Set<String> ADAPTERS = Set.of("app", "cli", "config", "http", "streams", "monitoring", "query", "broker",
            "demo", "publish");

    /** package -> the packages and libraries it refers to, file by file. */
    private static final Map<String, Map<String, Set<String>>> REFERENCES = read();

    @Test
    void theSourcesAreRead() {
        // Guards the rules below against passing because nothing was scanned.
        assertThat(uses("http")).contains("query", "figures", "io.javalin");
        assertThat(uses("streams")).contains("query", "org.apache.kafka");
    }

    @Test
    void streamsImportsNothingFromHttp() {
        assertThat(offenders("streams", Set.of("http"))).isEmpty();
    }

    @Test
    void httpImportsNothingFromStreams() {
        assertThat(offenders("http", Set.of("streams", "org.apache.kafka"))).isEmpty();
    }

    @Test
    void theWebLayerRunsNoStateMachine() throws IOException {
        // A complaint's views come worked out through the query seam (alerts.ComplaintViews): http serialises.
        Pattern machine = Pattern.compile("LifecycleMachine|\\.machine\\(\\)|\\.replay\\(|DeadlineWatch");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("http"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Files.readAllLines(file).stream().filter(line -> machine.matcher(line).find())
                        .forEach(line -> found.add(file.getFileName() + ": " + line.strip()));
            }
        }
        assertThat(machine.matcher("deps.rules().machine().replay(id, history)").find()).isTrue();
        assertThat(found).isEmpty();
    }

    @Test
    void theQuerySeamKnowsNeitherAdapter() {
        assertThat(offenders("query", Set.of("http", "streams", "app", "org.apache.kafka", "io.javalin"))).isEmpty();
    }

    @Test
    void domainPackagesKnowNoAdapterNorFramework() {
        Set<String> forbidden = new TreeSet<>(ADAPTERS);
        forbidden.addAll(Set.of("org.apache.kafka", "io.javalin"));
        for (String domain : DOMAIN) {
            assertThat(offenders(domain, forbidden)).as(domain).isEmpty();
        }
    }

    @Test
    void noPackageCycles() {
        Map<String, Set<String>> graph = new TreeMap<>();
        REFERENCES.keySet().forEach(p -> graph.put(p, uses(p).stream().filter(REFERENCES::containsKey)
                .filter(q -> !q.equals(p)).collect(TreeSet::new, Set::add, Set::addAll)));
        for (String start : graph.keySet()) {
            assertThat(path(graph, start, start, new TreeSet<>())).as("a cycle through " + start).isEmpty();
        }
    }

    /** A path of packages from {@code from} back to {@code target}, empty when there is none. */
    private static List<String> path(Map<String, Set<String>> graph, String from, String target, Set<String> seen) {
        for (String next : graph.getOrDefault(from, Set.of())) {
            if (next.equals(target)) {
                return new ArrayList<>(List.of(from, next));
            }
            if (seen.add(next)) {
                List<String> rest = path(graph, next, target, seen);
                if (!rest.isEmpty()) {
                    rest.add(0, from);
                    return rest;
                }
            }
        }
        return List.of();
    }

    private static Set<String> uses(String pkg) {
        Set<String> all = new TreeSet<>();
        REFERENCES.getOrDefault(pkg, Map.of()).values().forEach(all::addAll);
        return all;
    }

    private static List<String> offenders(String pkg, Set<String> forbidden) {
        List<String> found = new ArrayList<>();
        REFERENCES.getOrDefault(pkg, Map.of()).forEach((file, refs) -> refs.stream().filter(forbidden::contains)
                .forEach(ref -> found.add(file + " refers to " + ref)));
        return found;
    }

    private static Map<String, Map<String, Set<String>>> read() {
        Map<String, Map<String, Set<String>>> refs = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.');
                Set<String> used = refs.computeIfAbsent(pkg, p -> new TreeMap<>())
                        .computeIfAbsent(file.getFileName().toString(), f -> new TreeSet<>());
                for (String line : Files.readAllLines(file)) {
                    String code = line.strip();
                    if (code.startsWith("package ") || code.startsWith("*") || code.startsWith("/*")
                            || code.startsWith("//")) {
                        continue;
                    }
                    Matcher m = REFERENCE.matcher(code);
                    while (m.find()) {
                        String ref = m.group(1);
                        if (ref.startsWith("io.complaintskpi.")) {
                            used.add(ref.substring("io.complaintskpi.".length()));
                        } else if (!ref.equals("io.complaintskpi")) {
                            used.add(ref.startsWith("io.javalin") ? "io.javalin" : "org.apache.kafka");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return refs;
    }
}
