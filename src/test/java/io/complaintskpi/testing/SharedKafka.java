package io.complaintskpi.testing;

import io.complaintskpi.broker.EmbeddedKafkaBroker;
import io.complaintskpi.broker.TopicProvisioner;
import io.complaintskpi.broker.TopicSpec;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One embedded Kafka broker for the whole test JVM: started on first use in a temporary folder, stopped
 * and deleted when the JVM exits. Tests share it, so each test should work on topics of its own
 * ({@link #provisionUnique}, {@link #createTopic}) and use its own consumer group ids.
 */
public final class SharedKafka {

    private static EmbeddedKafkaBroker broker;

    private SharedKafka() {
    }

    public static synchronized String bootstrap() {
        if (broker == null) {
            Path dataDir = createTempDirectory();
            broker = EmbeddedKafkaBroker.start(dataDir);
            EmbeddedKafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                deleteRecursively(dataDir);
            }, "shared-kafka-shutdown"));
        }
        return broker.bootstrapServers();
    }

    /** A topic name no other test uses, starting with {@code base} for readable logs. */
    public static String uniqueName(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a uniquely named topic, waits for its partition leaders and returns its name. */
    public static String createTopic(String base, int partitions) {
        TopicSpec spec = new TopicSpec(uniqueName(base), "test topic", partitions, 1, Map.of(),
                new TopicSpec.Payload("bytes", null, null, null),
                new TopicSpec.Payload("bytes", null, null, null));
        TopicProvisioner.provision(bootstrap(), List.of(spec));
        return spec.name();
    }

    /**
     * Provisions renamed copies of the given specs (e.g. {@code TopicSpecs.load()}) so a test gets the
     * production topic layout without clashing with other tests.
     *
     * @return spec name to the name of this test's copy
     */
    public static Map<String, String> provisionUnique(List<TopicSpec> specs) {
        Map<String, String> names = specs.stream()
                .collect(Collectors.toMap(TopicSpec::name, spec -> uniqueName(spec.name())));
        TopicProvisioner.provision(bootstrap(),
                specs.stream().map(spec -> spec.withName(names.get(spec.name()))).toList());
        return names;
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("complaints-kpi-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // Best effort at JVM exit: a leftover temp folder is harmless.
        }
    }
}
