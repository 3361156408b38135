package io.complaintskpi.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.authorities.AuthorityCodec;
import io.complaintskpi.demo.SeedAuthority;
import io.complaintskpi.streams.Names;
import io.complaintskpi.testing.KafkaRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.complaintskpi.testing.ContractEvents.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Authority records through the running service: a valid one names its authority everywhere (the list of
 * authorities, the report's title) over the authority.names setting; an invalid one is on the DLQ with its reason.
 */
class AuthoritiesEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void theReferenceDataNamesTheAuthorityAndABadRecordIsDeadLettered() {
        var config = EndToEndScenario.config(dataDir, "", java.util.Map.of("authority.names", "E10000018=Old Name"));
        try (ComplaintsService service = ComplaintsService.start(config)) {
            ServiceClient client = new ServiceClient(service);
            client.publish("C-1", received("C-1", "2015-06-03T10:00:00+01:00", "First Response"));
            byte[] leicestershire = new AuthorityCodec().encode(SeedAuthority.record());
            byte[] bad = new String(leicestershire, StandardCharsets.UTF_8).replace("\"county\"", "\"parish\"")
                    .replace("E10000018", "E10000019").getBytes(StandardCharsets.UTF_8);
            KafkaRecords.publish(service.bootstrapServers(), List.of(
                    new ProducerRecord<>(Names.AUTHORITIES_TOPIC, "E10000018", leicestershire),
                    new ProducerRecord<>(Names.AUTHORITIES_TOPIC, "E10000019", bad)));

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                JsonNode rows = client.ok("/api/v1/authorities");
                assertThat(rows).isNotNull();
                assertThat(rows.path("rows").path(0).path("name").asText()).isEqualTo("Leicestershire County Council");
                assertThat(rows.path("rows").path(0).path("councilType").asText()).isEqualTo("county");
                assertThat(rows.path("rows").path(0).path("region").asText()).isEqualTo("East Midlands");
            });
            assertThat(client.ok("/api/v1/reports/annual?year=2015/16").path("authorityName").asText())
                    .isEqualTo("Leicestershire County Council");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(client.get("/api/v1/dlq").text())
                    .contains("$.councilType").contains("authorities"));
        }
    }
}
