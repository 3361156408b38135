package io.complaintskpi.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.cli.Main;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.streams.Names;
import io.complaintskpi.testing.KafkaRecords;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The import and check commands against a running service on its embedded broker, found from the data folder
 * as a user runs them: the committed CSV export imported twice counts once, and a dry run of a file with planted
 * errors sends nothing and names each error's row.
 */
class ImportEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String EXPORT = "examples/complaints-export.csv";

    @TempDir
    Path dataDir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void anImportRunTwiceCountsOnceAndADryRunSendsNothing() throws Exception {
        try (ComplaintsService service = ComplaintsService.start(EndToEndScenario.config(dataDir, ""));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     service.bootstrapServers()))) {
            ServiceClient client = new ServiceClient(service);

            Run first = cli("import", "--data-dir", dataDir.toString(), EXPORT);

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).contains("sent to complaint-events on " + service.bootstrapServers()
                    + ": accepted 17, rejected 0");
            awaitConsumed(admin, service);
            // LCC-2025-0101 to 0103 are children's complaints; 0102 went to stage 2.
            await().atMost(PATIENCE).until(() -> EndToEndScenario.kpi(client, "2025/26", "stage1.received") == 3);
            assertThat(EndToEndScenario.kpi(client, "2025/26", "stage2.received")).isEqualTo(1);
            JsonNode once = figures(client);

            Run second = cli("import", "--data-dir", dataDir.toString(), EXPORT);

            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.out()).contains("accepted 17, rejected 0");
            assertThat(KafkaRecords.endOffsets(admin, Names.EVENTS_TOPIC).values().stream().mapToLong(Long::longValue)
                    .sum()).isEqualTo(34); // sent again, with the same ids
            awaitConsumed(admin, service);
            assertThat(figures(client)).isEqualTo(once);
            assertThat(client.readAll(Names.DLQ_TOPIC)).isEmpty();

            Map<TopicPartition, Long> before = KafkaRecords.endOffsets(admin, Names.EVENTS_TOPIC);
            Run dryRun = cli("check", "--format", "json", "examples/complaint-events-with-errors.csv");

            assertThat(dryRun.exitCode()).isEqualTo(1);
            JsonNode report = EventCodec.MAPPER.readTree(dryRun.out());
            assertThat(report.path("problems").findValues("row")).extracting(JsonNode::asInt)
                    .containsExactly(5, 7, 9, 10);
            assertThat(KafkaRecords.endOffsets(admin, Names.EVENTS_TOPIC)).isEqualTo(before);
        }
    }

    /** Every KPI of 2025/26 with its value, as the API answers them. */
    private static JsonNode figures(ServiceClient client) {
        JsonNode rows = client.get("/api/v1/kpis?year=2025/26").body().get("rows");
        assertThat(rows).isNotEmpty();
        return rows;
    }

    /** Every event consumed, and every KPI change it made summed (the sums read a repartition topic of their own). */
    private static void awaitConsumed(Admin admin, ComplaintsService service) {
        String group = service.config().applicationId();
        await("every event consumed and summed").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> KafkaRecords.lag(admin, group, Names.EVENTS_TOPIC) == 0
                        && KafkaRecords.lag(admin, group, Names.kpiContributionsTopic(group)) == 0);
    }
}
