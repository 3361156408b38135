package io.complaintskpi.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.streams.Names;
import io.complaintskpi.testing.KafkaRecords;
import io.complaintskpi.testing.CliRun;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.complaintskpi.testing.TokenHashes.sha256;

/**
 * The import and check commands against a running service on its embedded broker, as a user runs them: the
 * committed CSV export imported to Kafka (the broker found from the data folder) and then again over HTTP counts
 * once; a second file over HTTP counts; a viewer's token is refused; a dry run of a file with planted errors
 * sends nothing and names each error's row.
 */
class ImportEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String EXPORT = "examples/complaints-export.csv";
    private static final String PUBLISHER = "publisher-token";
    private static final String VIEWER = "viewer-token";

    @TempDir
    Path dataDir;

    @Test
    void anExportImportedTwiceByKafkaThenHttpCountsOnceAndADryRunSendsNothing() throws Exception {
        // At most 5 events a request: the import's batches of 500 are refused (413) and split until they fit.
        Map<String, String> settings = Map.of("http.tokens", "publisher:" + sha256(PUBLISHER) + ",viewer:"
                + sha256(VIEWER), "http.ingest-max-events", "5");
        Path publisherToken = Files.writeString(dataDir.resolve("publisher.token"), PUBLISHER + "\n");
        Path viewerToken = Files.writeString(dataDir.resolve("viewer.token"), VIEWER + "\n");
        try (ComplaintsService service = ComplaintsService.start(EndToEndScenario.config(dataDir, "", settings));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     service.bootstrapServers()))) {
            ServiceClient client = new ServiceClient(service).withToken(VIEWER);
            String url = "http://127.0.0.1:" + service.httpPort();

            CliRun first = CliRun.of("import", "--data-dir", dataDir.toString(), EXPORT);

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).contains("sent to complaint-events on " + service.bootstrapServers()
                    + ": accepted 17, rejected 0");
            awaitConsumed(admin, service);
            // LCC-2025-0101 to 0103 are children's complaints; 0102 went to stage 2.
            EndToEndScenario.awaitKpi(client, "2025/26", "stage1.received", 3);
            assertThat(EndToEndScenario.kpi(client, "2025/26", "stage2.received")).isEqualTo(1);
            JsonNode once = figures(client);

            CliRun again = CliRun.of("import", "--url", url, "--token-file", publisherToken.toString(), EXPORT);

            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.out()).contains("sent to " + url + "/api/v1/events: accepted 17, rejected 0")
                    .contains("happen in the stream"); // the service's own laterChecks
            assertThat(total(KafkaRecords.endOffsets(admin, Names.EVENTS_TOPIC))).isEqualTo(34); // sent again, same ids
            awaitConsumed(admin, service);
            assertThat(figures(client)).isEqualTo(once);
            assertThat(client.readAll(Names.DLQ_TOPIC)).isEmpty();

            CliRun more = CliRun.of("import", "--url", url, "--token-file", publisherToken.toString(),
                    "examples/complaint-events.csv");

            assertThat(more.exitCode()).as(more.err()).isZero();
            assertThat(more.out()).contains("accepted 6, rejected 0");
            EndToEndScenario.awaitKpi(client, "2025/26", "stage1.received", 4);

            CliRun viewer = CliRun.of("import", "--url", url, "--token-file", viewerToken.toString(), EXPORT);

            assertThat(viewer.exitCode()).isEqualTo(1);
            assertThat(viewer.err().lines()).singleElement().asString()
                    .startsWith("complaints-kpi import: POST " + url + "/api/v1/events answered 403: ");

            Map<TopicPartition, Long> before = KafkaRecords.endOffsets(admin, Names.EVENTS_TOPIC);
            CliRun dryRun = CliRun.of("check", "--format", "json", "examples/complaint-events-with-errors.csv");

            assertThat(dryRun.exitCode()).isEqualTo(1);
            JsonNode report = EventCodec.MAPPER.readTree(dryRun.out());
            assertThat(report.path("problems").findValues("row")).extracting(JsonNode::asInt)
                    .containsExactly(5, 7, 9, 10);
            assertThat(KafkaRecords.endOffsets(admin, Names.EVENTS_TOPIC)).isEqualTo(before);
        }
    }

    /**
     * Issue 22: authority records imported from a CSV become the service's reference data (the authority named,
     * typed and placed, benchmarks possible); a record the service would refuse is never sent.
     */
    @Test
    void authoritiesImportedFromACsvBecomeTheReferenceDataAndAnInvalidRecordIsNotSent() throws Exception {
        Path file = Files.writeString(dataDir.resolve("authorities.csv"), Files.readString(Path.of(
                "examples/authorities.csv")) + "A3,Third Council,E06000003,district,North East,2025/26,1000,2000\n");
        try (ComplaintsService service = ComplaintsService.start(EndToEndScenario.config(dataDir, "", Map.of()));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     service.bootstrapServers()))) {
            ServiceClient client = new ServiceClient(service);
            await("ready, and no reference record for E10000018 yet").atMost(PATIENCE).until(() -> client.get(
                    "/api/v1/benchmarks?authority=E10000018&year=2025/26").status() == 404);

            CliRun imported = CliRun.of("import", "--authorities", "--data-dir", dataDir.toString(), file.toString());

            assertThat(imported.exitCode()).as(imported.err()).isEqualTo(1);
            assertThat(imported.out().lines()).contains("read " + file + " (CSV, one row per authority and year)",
                    "sent to authorities on " + service.bootstrapServers() + ": accepted 3, rejected 1",
                    "  row 6: authority A3 population 2025/26: 2000 children is more than its 1000 residents");
            assertThat(total(KafkaRecords.endOffsets(admin, Names.AUTHORITIES_TOPIC))).isEqualTo(3);
            assertThat(CliRun.of("import", "--data-dir", dataDir.toString(), EXPORT).exitCode()).isZero();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(client.get("/api/v1/authorities").body()
                    .get("rows").toString()).contains("{\"authority\":\"E10000018\",\"name\":\"Leicestershire County"
                    + " Council\",\"councilType\":\"county\",\"region\":\"East Midlands\"}"));
            JsonNode benchmarks = client.get("/api/v1/benchmarks?authority=E10000018&year=2025/26").body();
            assertThat(benchmarks.path("councilType").asText()).isEqualTo("county");
            assertThat(client.readAll(Names.DLQ_TOPIC)).isEmpty();
        }
    }

    /** Every KPI of 2025/26 with its value, as the API answers them. */
    private static JsonNode figures(ServiceClient client) {
        JsonNode rows = client.get("/api/v1/kpis?year=2025/26").body().get("rows");
        assertThat(rows).isNotEmpty();
        return rows;
    }

    private static long total(Map<TopicPartition, Long> endOffsets) {
        return endOffsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every event consumed, and every KPI change it made summed (the sums read a repartition topic of their own). */
    private static void awaitConsumed(Admin admin, ComplaintsService service) {
        String group = service.config().applicationId();
        await("every event consumed and summed").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> KafkaRecords.consumedToEnd(admin, group, Names.EVENTS_TOPIC)
                        && KafkaRecords.consumedToEnd(admin, group, Names.kpiContributionsTopic(group)));
    }

}
