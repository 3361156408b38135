package io.complaintskpi.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On the embedded broker: a thread the service depends on dies, and /health says so (and names it), so the
 * process ends and a supervisor restarts it (ProcessGuard), rather than figures quietly stopping.
 */
class FailWellTest {

    @TempDir
    Path dataDir;

    @Test
    void aKilledWatcherThreadMakesHealthFailAndNamesIt() throws Exception {
        Path data = dataDir.resolve("data");
        // Other tests' services (the shared seed service) may run in this JVM with watchers of the same name.
        Set<Thread> others = breachWatchers();
        try (ComplaintsService service = ComplaintsService.start(EndToEndScenario.config(data, ""))) {
            ServiceClient client = new ServiceClient(service);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                    .as("the data folder holds personal data: its owner's only").isEqualTo("rwx------");
            ServiceClient.Response healthy = client.get("/health");
            assertThat(healthy.status()).isEqualTo(200);
            assertThat(healthy.body().get("status").asText()).isEqualTo("UP");
            assertThat(healthy.body().get("dead")).isEmpty();
            assertThat(service.liveness().parts()).extracting(p -> p.name()).contains("embedded Kafka broker",
                    "Kafka Streams", "dead-letter watcher", "breach watcher", "event-type counter");
            assertThat(Thread.getAllStackTraces().keySet()).as("the broker's watched thread exists")
                    .anyMatch(t -> t.getName().contains("raft-io-thread"));

            Thread watcher = breachWatchers().stream().filter(t -> !others.contains(t)).findFirst().orElseThrow();
            watcher.interrupt(); // its consumer's poll throws InterruptException: the thread ends

            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).until(() -> client.get("/health").status() == 503);
            ServiceClient.Response down = client.get("/health");
            assertThat(down.body().get("status").asText()).isEqualTo("DOWN");
            assertThat(down.body().get("dead")).extracting(n -> n.asText()).containsExactly("breach watcher");
            assertThat(service.liveness().dead()).containsExactly("breach watcher");
        }
    }

    private static Set<Thread> breachWatchers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("complaints-kpi-breach-watcher")).collect(Collectors.toSet());
    }
}
