package io.complaintskpi.app;

import io.complaintskpi.publish.EventPublisher;
import io.complaintskpi.streams.Names;
import io.complaintskpi.testing.CliRun;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.complaintskpi.testing.ContractEvents.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code kafka.embedded-sasl=true}, as a user runs it: the service (its topology, watchers, HTTP intake) works on the
 * embedded broker whose listeners want a login, a producer without it writes nothing, and the commands that find
 * the broker through the data folder (publish, import, simulate; erase, which starts it) find the login there too.
 */
class EmbeddedSaslEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Map<String, String> SASL = Map.of("kafka.embedded-sasl", "true");

    @TempDir
    Path dataDir;

    @Test
    void theServiceAndTheCommandsLogInAndAProducerWithoutTheLoginWritesNothing() throws Exception {
        Path event = Files.write(dataDir.resolve("received.json"), received("S-1", "2015-06-03T10:00:00+01:00",
                "First Response"));
        Path broken = Files.writeString(dataDir.resolve("broken.json"), "not json");
        try (ComplaintsService service = ComplaintsService.start(EndToEndScenario.config(dataDir, "", SASL))) {
            ServiceClient client = new ServiceClient(service);
            assertThat(service.config().kafkaClientProperties()).containsEntry("security.protocol", "SASL_PLAINTEXT");

            try (KafkaProducer<String, byte[]> anonymous = new KafkaProducer<>(EventPublisher.producerConfig(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, service.bootstrapServers(),
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000)))) {
                assertThatThrownBy(() -> anonymous.send(new ProducerRecord<>(Names.EVENTS_TOPIC, "S-9",
                        received("S-9", "2015-06-03T10:00:00+01:00", "First Response"))).get())
                        .hasCauseInstanceOf(TimeoutException.class);
            }

            CliRun published = CliRun.of("publish", "--data-dir", dataDir.toString(), "--key", "BROKEN-1", event.toString(),
                    broken.toString());
            assertThat(published.exitCode()).as(published.err()).isZero();
            // The HTTP intake's producer logs in too.
            HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + service.httpPort() + "/api/v1/events")).header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(received("S-2",
                    "2015-06-04T10:00:00+01:00", "First Response"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            // The events became figures, and the broken record reached the dead-letter watcher.
            await().atMost(PATIENCE).ignoreExceptions()
                    .until(() -> EndToEndScenario.kpi(client, "2015/16", "stage1.received") == 2);
            await().atMost(PATIENCE).ignoreExceptions()
                    .until(() -> client.ok("/api/v1/dlq").get("records").asLong() == 1);

            CliRun imported = CliRun.of("import", "--data-dir", dataDir.toString(), "examples/complaints-export.csv");
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("accepted 17, rejected 0");
            await().atMost(PATIENCE).ignoreExceptions()
                    .until(() -> EndToEndScenario.kpi(client, "2025/26", "stage1.received") == 3);

            CliRun simulated = CliRun.of("simulate", "--data-dir", dataDir.toString(), "--authorities", "2", "--years", "1",
                    "--complaints-per-year", "2", "--limit", "3");
            assertThat(simulated.exitCode()).as(simulated.err()).isZero();
            assertThat(simulated.out()).contains("simulated 3 events");

            assertThat(client.ok("/ready")).isNotNull();
            assertThat(client.get("/health").status()).isEqualTo(200);
        }
        CliRun erased = CliRun.of("erase", "--complaint", "S-1", "--data-dir", dataDir.toString(), "--set",
                "kafka.embedded-sasl=true");
        assertThat(erased.exitCode()).as(erased.err()).isZero();
    }
}
