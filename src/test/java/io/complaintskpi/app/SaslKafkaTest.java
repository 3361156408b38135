package io.complaintskpi.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.testing.KafkaRecords;
import io.complaintskpi.broker.SaslBroker;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.publish.EventPublisher;
import io.complaintskpi.streams.Names;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.complaintskpi.testing.ContractEvents.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The service on a cluster that wants SASL: the pass-through client settings reach every client, the HTTP
 * intake's producer included.
 */
class SaslKafkaTest {

    @TempDir
    Path dir;

    private ServiceConfig config(String bootstrap, String password) throws Exception {
        Path client = dir.resolve("client-" + password + ".properties");
        Files.writeString(client, "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n");
        Properties file = new Properties();
        file.setProperty("data.dir", dir.resolve("service-" + password).toString());
        file.setProperty("http.port", "0");
        file.setProperty("kafka.bootstrap-servers", bootstrap);
        file.setProperty("kafka.client-properties", client.toString());
        file.setProperty("kafka.client.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule"
                + " required username=\"complaints\" password=\"" + password + "\";");
        file.setProperty("authority.default", "E10000018");
        return ServiceConfig.load(Map.of(), file, Map.of());
    }

    @Test
    void theServiceRunsOnASaslListenerAndAWrongPasswordIsRefused() throws Exception {
        SaslBroker.Started cluster = SaslBroker.start(dir.resolve("kafka"), "complaints", "right-password");
        try (var broker = cluster.broker()) {
            assertThatThrownBy(() -> ComplaintsService.start(config(cluster.saslBootstrapServers(), "wrong")).close())
                    .hasStackTraceContaining("Authentication failed");

            ServiceConfig config = config(cluster.saslBootstrapServers(), "right-password");
            try (ComplaintsService service = ComplaintsService.start(config);
                 Producer<String, byte[]> producer = EventPublisher.createProducer(config.kafkaClientProperties())) {
                KafkaRecords.publish(producer, List.of(new ProducerRecord<>(Names.EVENTS_TOPIC, "S-1",
                        received("S-1", "2015-06-03T10:00:00+01:00", "First Response")),
                        new ProducerRecord<>(Names.EVENTS_TOPIC, "S-2", "not json".getBytes())));
                HttpClient http = HttpClient.newHttpClient();
                // The intake behind POST /api/v1/events produces with the same SASL settings.
                HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + service.httpPort() + "/api/v1/events")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(received("S-3", "2015-06-04T10:00:00+01:00",
                                "First Response"))).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    JsonNode kpis = get(http, service, "/api/v1/kpis/received?year=2015/16");
                    JsonNode dlq = get(http, service, "/api/v1/dlq");
                    return kpis != null && kpis.at("/receivedByStage/1").asLong() == 2
                            && dlq != null && dlq.get("records").asLong() == 1;
                });
                assertThat(new ServiceClient(service).ok("/ready")).as("still ready").isNotNull();
            }
        }
    }

    private static JsonNode get(HttpClient http, ComplaintsService service, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.httpPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? EventCodec.MAPPER.readTree(response.body()) : null;
    }
}
