package io.complaintskpi.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.config.RulesFingerprint;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.demo.DemoPublisher;
import io.complaintskpi.demo.FixtureReader;
import io.complaintskpi.publish.EventPublisher;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Changing a setting that moves figures on existing state, on the embedded broker: the seed report's 2014/15 stage 2
 * within 65 working days is 4 of 7 with the clock from the agreed statement and 2 with the clock from the request.
 * A restart with the other clock is refused (never the old 4 under the new label); the start the refusal names
 * rebuilds the figures, and every answer seen meanwhile states the rule its figure was computed under.
 */
class RulesChangeEndToEndTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String REPORT_2014 = "/api/v1/reports/annual?year=2014/15&public=false";

    @TempDir
    Path dataDir;

    @Test
    void aChangedClockStartIsRefusedOnOldStateAndTheNamedRebuildStatesOnlyItsOwnFigures() {
        try (ComplaintsService service = ComplaintsService.start(config("STATEMENT_AGREED", null))) {
            ServiceClient client = new ServiceClient(service);
            try (Producer<String, byte[]> producer = EventPublisher.createProducer(service.bootstrapServers())) {
                DemoPublisher.publishAll(FixtureReader.withSchemas().seedFixture(), producer);
            }
            await("2014/15 stage 2 within 65 under the agreed statement").atMost(PATIENCE)
                    .until(() -> within65(client.get(REPORT_2014).body()) == 4);
            assertThat(clockStart(client.get(REPORT_2014).body())).isEqualTo("STATEMENT_AGREED");
        }

        ServiceConfig changed = config("REQUEST", null);
        String rebuildId = "complaints-kpi-" + RulesFingerprint.of(changed).id();
        assertThatThrownBy(() -> ComplaintsService.start(changed)).isInstanceOfSatisfying(RulesChanged.class,
                refused -> assertThat(refused.lines()).contains(
                        "  rules.stage2-clock-start: STATEMENT_AGREED -> REQUEST")
                        .anySatisfy(line -> assertThat(line).endsWith("--set application.id=" + rebuildId)));

        try (ComplaintsService rebuilt = ComplaintsService.start(config("REQUEST", rebuildId))) {
            ServiceClient client = new ServiceClient(rebuilt);
            List<Long> seen = new ArrayList<>();
            await("2014/15 stage 2 within 65 rebuilt under the request").atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        JsonNode report = client.get(REPORT_2014).body();
                        if (report == null || !report.has("tables")) {
                            return false;
                        }
                        assertThat(clockStart(report)).isEqualTo("REQUEST");
                        seen.add(within65(report));
                        return within65(report) == 2;
                    });
            // Under REQUEST the count only grows to 2 as the replay proceeds: 3 or 4 would be the old rule's figure.
            assertThat(seen).allSatisfy(value -> assertThat(value).isBetween(0L, 2L));
        }

        // The original rules on the original state start as before, with their own figures.
        try (ComplaintsService again = ComplaintsService.start(config("STATEMENT_AGREED", null))) {
            ServiceClient client = new ServiceClient(again);
            await("the stores restored").atMost(PATIENCE).until(() -> within65(client.get(REPORT_2014).body()) >= 0);
            JsonNode report = client.get(REPORT_2014).body();
            assertThat(clockStart(report)).isEqualTo("STATEMENT_AGREED");
            assertThat(within65(report)).isEqualTo(4);
        }
    }

    private ServiceConfig config(String clockStart, String applicationId) {
        Properties file = new Properties();
        file.setProperty("data.dir", dataDir.toString());
        file.setProperty("http.host", "127.0.0.1");
        file.setProperty("http.port", "0");
        file.setProperty("kafka.bootstrap-servers", "");
        file.setProperty("authority.default", "E10000018");
        file.setProperty("rules.stage2-clock-start", clockStart);
        if (applicationId != null) {
            file.setProperty("application.id", applicationId);
        }
        return ServiceConfig.load(Map.of(), file, Map.of());
    }

    private static String clockStart(JsonNode report) {
        return report.at("/provenance/settings/stage2ClockStart").asText();
    }

    /** The report year's count in the row "Stage 2: within 65 working days", wherever the table is. */
    private static long within65(JsonNode report) {
        if (report == null || !report.has("tables")) {
            return -1;
        }
        for (JsonNode table : report.get("tables")) {
            for (JsonNode row : table.get("rows")) {
                JsonNode cells = row.get("cells");
                if (cells.get(0).get("text").asText().startsWith("Stage 2: within 65 working days")) {
                    return cells.get(3).get("value").asLong();
                }
            }
        }
        throw new AssertionError("no stage 2 within 65 working days row in " + report);
    }
}
