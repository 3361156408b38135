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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.complaintskpi.testing.ContractEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Ombudsman's published averages through the running service: records of examples/ombudsman-averages.ndjson
 * and one for 2015/16 on the authorities topic, beside Leicestershire's record. The county's 2015/16 average
 * (54.5%) sits beside its uphold rate in the benchmarks, with the difference (1 upheld of 2 investigated = 50.0%,
 * 4.5 points under), and under the uphold rate in the annual letter; an invalid average is on the DLQ with its
 * reason; the averages are not authorities.
 */
class OmbudsmanAveragesEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void anAverageLoadedAsReferenceDataSitsBesideTheRateAndABadOneIsDeadLettered() throws Exception {
        try (ComplaintsService service = ComplaintsService.start(EndToEndScenario.config(dataDir, "", Map.of()))) {
            ServiceClient client = new ServiceClient(service);
            decided(client, "LGSCO-1", "UPHELD_MALADMINISTRATION_INJUSTICE");
            decided(client, "LGSCO-2", "NOT_UPHELD");
            String average = """
                    {"councilType":"county","year":"2015/16","measure":"uphold-rate","percent":"54.5",
                     "source":{"title":"Annual review letter 2016","url":"https://www.lgo.org.uk/","year":2016}}""";
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>(List.of(
                    new ProducerRecord<>(Names.AUTHORITIES_TOPIC, "E10000018",
                            new AuthorityCodec().encode(SeedAuthority.record())),
                    new ProducerRecord<>(Names.AUTHORITIES_TOPIC, "ombudsman-average|county|2015/16|uphold-rate",
                            bytes(average)),
                    new ProducerRecord<>(Names.AUTHORITIES_TOPIC, "ombudsman-average|county|2015/16|compliance",
                            bytes(average.replace("uphold-rate", "compliance").replace("\"54.5\"", "99.5")))));
            for (String line : Files.readAllLines(Path.of("examples/ombudsman-averages.ndjson"))) {
                records.add(new ProducerRecord<>(Names.AUTHORITIES_TOPIC,
                        AuthorityCodec.keyOf(io.complaintskpi.events.EventCodec.MAPPER.readTree(line)).orElseThrow(),
                        bytes(line)));
            }
            KafkaRecords.publish(service.bootstrapServers(), records);

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                JsonNode upholdRate = row(client.ok("/api/v1/benchmarks?authority=E10000018&year=2015/16"),
                        "ombudsman.uphold.rate");
                assertThat(upholdRate.path("value").decimalValue()).isEqualByComparingTo("50.0");
                JsonNode published = upholdRate.path("ombudsmanAverage");
                assertThat(published.path("percent").decimalValue()).isEqualByComparingTo("54.5");
                assertThat(published.path("difference").decimalValue()).isEqualByComparingTo("-4.5");
                assertThat(published.path("source").asText()).isEqualTo("Annual review letter 2016");
                assertThat(published.path("published").asInt()).isEqualTo(2016);
            });
            JsonNode benchmarks = client.ok("/api/v1/benchmarks?authority=E10000018&year=2015/16");
            assertThat(row(benchmarks, "stage1.upheld.rate").get("ombudsmanAverage").isNull())
                    .as("no average published for the rate: null, as every absent figure of the answer, not zero")
                    .isTrue();
            // The example's 2023/24 averages were accepted too; they are not the 2015/16 ones.
            assertThat(row(client.ok("/api/v1/benchmarks?authority=E10000018&year=2023/24"), "ombudsman.uphold.rate")
                    .path("ombudsmanAverage").path("percent").decimalValue()).isEqualByComparingTo("80");

            JsonNode letter = client.ok("/api/v1/ombudsman/letter?period=2015/16&public=false");
            assertThat(letter.toString()).contains("... average of similar authorities (the Ombudsman's, uphold rate)")
                    .contains("54.5%").contains("Annual review letter 2016")
                    .doesNotContain("(the Ombudsman's, compliance)");
            assertThat(client.ok("/api/v1/authorities").path("rows")).hasSize(1);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(client.get("/api/v1/dlq").text())
                    .contains("schema violation in Ombudsman's average: $.percent"));
        }
    }

    private static void decided(ServiceClient client, String key, String outcome) {
        client.publish(key, event("OmbudsmanEnquiryReceived", key, "2015-06-01T10:00:00+01:00",
                "{\"serviceArea\":\"Adult Care\"}"));
        client.publish(key, event("OmbudsmanDecision", key, "2015-09-01T10:00:00+01:00",
                "{\"outcome\":\"" + outcome + "\"}"));
    }

    private static JsonNode row(JsonNode benchmarks, String indicator) {
        assertThat(benchmarks).as("an answer (404 until the authority's record is read)").isNotNull();
        for (JsonNode row : benchmarks.path("rows")) {
            if (row.path("indicator").path("id").asText().equals(indicator)) {
                return row;
            }
        }
        throw new AssertionError("no row " + indicator + " in " + benchmarks);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
