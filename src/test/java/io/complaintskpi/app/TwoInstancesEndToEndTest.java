package io.complaintskpi.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.config.ServiceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static io.complaintskpi.testing.ContractEvents.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service share the work (the input topic's partitions and the KPI series) and each
 * answers every query for the whole service: keys are read from their owner, sums gathered from both.
 */
class TwoInstancesEndToEndTest {

    @TempDir
    Path brokerDir;
    @TempDir
    Path secondDir;

    @Test
    void eachInstanceAnswersForTheWholeService() {
        try (ComplaintsService first = ComplaintsService.start(EndToEndScenario.config(brokerDir, ""));
             ComplaintsService second = ComplaintsService.start(secondInstance(first))) {
            ServiceClient a = new ServiceClient(first);
            ServiceClient b = new ServiceClient(second);
            await().atMost(Duration.ofSeconds(90)).until(() -> a.get("/ready").status() == 200
                    && b.get("/ready").status() == 200 && assignedToBoth(first, second));

            int complaints = 24;
            for (int i = 1; i <= complaints; i++) {
                String id = "M-" + i;
                a.publish(id, received(id, "2015-06-" + String.format("%02d", 1 + i % 28) + "T10:00:00+01:00",
                        "Area " + (i % 6)));
            }
            for (ServiceClient client : new ServiceClient[] {a, b}) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    ServiceClient.Response r = client.get("/api/v1/kpis/received?year=2015/16");
                    return r.status() == 200 && r.body().at("/receivedByStage/1").asLong() == complaints;
                });
                JsonNode areas = client.get("/api/v1/tables/table3?year=2015/16").body();
                assertThat(areas.get("rows").findValuesAsText("Service area")).contains("Area 0", "Area 5");
                assertThat(client.get("/api/v1/complaints?status=all").body().get("count").asInt())
                        .isEqualTo(complaints);
                for (int i = 1; i <= complaints; i++) {
                    assertThat(client.get("/api/v1/complaints/M-" + i + "/deadlines").status()).isEqualTo(200);
                }
            }
        }
    }

    private ServiceConfig secondInstance(ComplaintsService first) {
        Properties file = new Properties();
        file.setProperty("data.dir", secondDir.toString());
        file.setProperty("http.host", "127.0.0.1");
        file.setProperty("http.port", "0");
        file.setProperty("kafka.bootstrap-servers", first.bootstrapServers());
        file.setProperty("authority.default", "E10000018");
        return ServiceConfig.load(Map.of(), file, Map.of());
    }

    /** Both instances own some of the input partitions, so some keys live only on the other one. */
    private static boolean assignedToBoth(ComplaintsService first, ComplaintsService second) {
        return first.localPartitionCount() > 0 && second.localPartitionCount() > 0;
    }
}
