package io.complaintskpi.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.config.ServiceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

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
                JsonNode areas = client.get("/api/v1/tables/table4?year=2015/16").body();
                assertThat(areas.get("rows").findValuesAsText("Service area")).contains("Area 0", "Area 5");
                assertThat(client.get("/api/v1/complaints?status=all").body().get("count").asInt())
                        .isEqualTo(complaints);
                JsonNode mostUrgent = client.get("/api/v1/complaints?status=overdue&limit=5").body();
                assertThat(mostUrgent.get("count").asInt()).as("every instance's open ones").isEqualTo(complaints);
                assertThat(mostUrgent.get("rows").findValuesAsText("complaintId"))
                        .as("received 2 to 6 June: the most overdue, from both instances")
                        .containsExactly("M-1", "M-2", "M-3", "M-4", "M-5");
                assertThat(pages(client, 5)).as("each complaint once, whichever instance holds it")
                        .containsExactlyElementsOf(IntStream.rangeClosed(1, complaints).mapToObj(i -> "M-" + i)
                                .sorted().toList());
                for (int i = 1; i <= complaints; i++) {
                    assertThat(client.get("/api/v1/complaints/M-" + i + "/deadlines").status()).isEqualTo(200);
                }
            }
        }
    }

    /** Every complaint reference over the pages of {@code status=all}, following {@code next}. */
    private static List<String> pages(ServiceClient client, int limit) {
        List<String> listed = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = client.get("/api/v1/complaints?status=all&limit=" + limit
                    + (after == null ? "" : "&after=" + after)).body();
            assertThat(page.get("rows").size()).isLessThanOrEqualTo(limit);
            listed.addAll(page.get("rows").findValuesAsText("complaintId"));
            after = page.get("next").isNull() ? null : page.get("next").asText();
        } while (after != null);
        return listed;
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
