package io.complaintskpi.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.streams.Names;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;

import static io.complaintskpi.testing.ContractEvents.event;
import static io.complaintskpi.testing.ContractEvents.received;
import static io.complaintskpi.testing.ContractEvents.responded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking-skeleton scenario, run against any broker: events in, KPIs over HTTP, a malformed record on
 * the dead-letter topic with its reason, a deadline breach raised by the wall clock alone, and a restart
 * that keeps every count and raises nothing twice. In 2014/15, two lifecycle rules through the whole
 * wiring: a withdrawal after the answer is dead-lettered and the answered year keeps its figures, and a
 * stage 1 answer dated after the stage 2 request counts as a late answer whichever arrives first.
 */
final class EndToEndScenario {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private EndToEndScenario() {
    }

    static ServiceConfig config(Path dataDir, String bootstrapServers) {
        return config(dataDir, bootstrapServers, Map.of());
    }

    /** With {@code settings} (property keys of docs/configuration.md) on top of the scenario's own. */
    static ServiceConfig config(Path dataDir, String bootstrapServers, Map<String, String> settings) {
        Properties file = new Properties();
        file.setProperty("data.dir", dataDir.toString());
        file.setProperty("http.host", "127.0.0.1");
        file.setProperty("http.port", "0");
        file.setProperty("kafka.bootstrap-servers", bootstrapServers);
        file.setProperty("alerts.scan-interval", "PT1S");
        file.setProperty("alerts.settle-time", "PT2S"); // each step's history is published at once
        file.setProperty("authority.default", "E10000018");
        settings.forEach(file::setProperty);
        return ServiceConfig.load(Map.of(), file, Map.of());
    }

    /** {@code start} starts the service; it is called again for the restart, on the same state. */
    static void run(Function<Boolean, ComplaintsService> start) {
        UUID repeated = UUID.randomUUID();
        String longAgo = LocalDate.now(ZoneOffset.UTC).minusDays(60) + "T10:00:00Z";
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (ComplaintsService service = start.apply(false)) {
            ServiceClient client = new ServiceClient(service);
            client.publish("C-1", received("C-1", "2015-06-03T10:00:00+01:00", "First Response"));
            client.publish("C-2", event(repeated, "ComplaintReceived", "C-2", "2015-07-01T10:00:00+01:00",
                    "{\"regime\":\"CHILDREN\",\"serviceArea\":\"Fostering & Adoption\",\"complainantType\":"
                            + "\"CHILD_OR_YOUNG_PERSON\",\"complainantName\":\"never stored\"}"));
            client.publish("C-1", responded("C-1", "2015-06-10T10:00:00+01:00", 1, "PARTLY_UPHELD"),
                    event("EscalationRequested", "C-1", "2015-07-20T10:00:00+01:00", "{\"toStage\":2}"));
            client.publish("C-3", "{\"eventId\": broken".getBytes(StandardCharsets.UTF_8));
            client.publish("C-OLD", received("C-OLD", longAgo, "First Response"));
            // Answered (upheld) on 18 March 2015, "withdrawn" on 11 April: nothing open, dead-lettered.
            client.publish("C-WD", received("C-WD", "2015-03-02T10:00:00Z", "First Response"),
                    responded("C-WD", "2015-03-18T10:00:00Z", 1, "TOTALLY_UPHELD"),
                    event("ComplaintWithdrawn", "C-WD", "2015-04-11T10:00:00+01:00", "{}"));
            // The late stage 1 answer arrives before the stage 2 request dated ten days earlier.
            client.publish("C-LATE", received("C-LATE", "2015-01-05T10:00:00Z", "First Response"),
                    responded("C-LATE", "2015-02-20T10:00:00Z", 1, "NOT_UPHELD"),
                    event("EscalationRequested", "C-LATE", "2015-02-10T10:00:00Z", "{\"toStage\":2}"),
                    responded("C-LATE", "2015-03-20T10:00:00Z", 2, "NOT_UPHELD"));

            awaitReceived(client, 2, 1);
            // C-LATE's last event closes its stage 2: read the open figures only once it has been processed.
            awaitKpi(client, "2014/15", "stage2.responded", 1);
            JsonNode open = client.get("/api/v1/kpis/open?at=2015-07-31").body();
            assertThat(open.at("/openByStage/1").asLong()).isEqualTo(1);
            assertThat(open.at("/openByStage/2").asLong()).isEqualTo(1);

            await().atMost(PATIENCE).until(() -> client.readAll(Names.DLQ_TOPIC).size() >= 2);
            List<ConsumerRecord<String, byte[]>> dead = client.readAll(Names.DLQ_TOPIC);
            assertThat(dead).hasSize(2);
            ConsumerRecord<String, byte[]> broken = dead.stream().filter(r -> r.key().equals("C-3")).findFirst()
                    .orElseThrow();
            assertThat(new String(broken.value(), StandardCharsets.UTF_8)).isEqualTo("{\"eventId\": broken");
            assertThat(new String(broken.headers().lastHeader("__streams.errors.message").value(),
                    StandardCharsets.UTF_8)).contains("malformed JSON");
            ConsumerRecord<String, byte[]> withdrawal = dead.stream().filter(r -> r.key().equals("C-WD"))
                    .findFirst().orElseThrow();
            assertThat(new String(withdrawal.headers().lastHeader("__streams.errors.message").value(),
                    StandardCharsets.UTF_8)).contains("no stage is open to withdraw: stage 1 answered on 2015-03-18");
            await().atMost(PATIENCE).until(() -> client.get("/api/v1/dlq").body().get("records").asLong() == 2);
            JsonNode rejections = client.get("/api/v1/dlq").body().get("recent");
            assertThat(rejections.findValuesAsText("reason")).anySatisfy(r -> assertThat(r).contains("malformed JSON"))
                    .anySatisfy(r -> assertThat(r).contains("no stage is open to withdraw"));
            assertThat(rejections.findValuesAsText("sourceTopic")).containsOnly(Names.EVENTS_TOPIC);

            // 2014/15 keeps C-WD's upheld answer; C-LATE's stage 1 is answered late, not escalated unanswered.
            awaitKpi(client, "2014/15", "stage2.responded", 1);
            assertThat(kpi(client, "2014/15", "stage1.outcome.totally_upheld")).isEqualTo(1);
            assertThat(kpi(client, "2015/16", "stage1.outcome.withdrawn")).isZero();
            assertThat(kpi(client, "2014/15", "stage1.outcome.not_upheld")).isEqualTo(1);
            assertThat(kpi(client, "2014/15", "stage1.escalated_unresponded")).isZero();
            assertThat(kpi(client, "2014/15", "stage1.timeliness.over20")).isEqualTo(1);
            assertThat(kpi(client, "2014/15", "stage2.received")).isEqualTo(1);

            // No new event: the wall clock alone breaches the 60-day-old complaint.
            await().atMost(PATIENCE).until(() -> breaches(client, "C-OLD").size() == 1);
            // C-2's breach was already due when its back-dated events arrived: it waits out the settle time.
            await().atMost(PATIENCE).until(() -> breaches(client, "C-2").size() == 1);
            JsonNode alerts = client.get("/api/v1/alerts?kind=BREACHED&stage=1").body();
            assertThat(alerts.findValuesAsText("complaintId")).containsExactlyInAnyOrder("C-OLD", "C-2");
            // Most overdue first: C-2 has been open since 2015.
            assertThat(alerts.at("/alerts/0/complaintId").asText()).isEqualTo("C-2");
            assertThat(alerts.at("/alerts/1/workingDaysOverdue").asInt()).isPositive();
            assertThat(client.get("/api/v1/complaints/C-OLD/deadlines").body().at("/stages/0/status").asText())
                    .isEqualTo("OVERDUE");
            // Stage 3, requested 400 days ago: the panel's deadline is breached; once the panel is held (too late
            // too) that alert is cleared and the report's own deadline is watched, and breached in its turn.
            client.publish("C-5", received("C-5", today.minusDays(700) + "T10:00:00Z", "First Response"),
                    responded("C-5", today.minusDays(695) + "T10:00:00Z", 1, "NOT_UPHELD"),
                    event("EscalationRequested", "C-5", today.minusDays(690) + "T10:00:00Z", "{\"toStage\":2}"),
                    responded("C-5", today.minusDays(660) + "T10:00:00Z", 2, "NOT_UPHELD"),
                    event("EscalationRequested", "C-5", today.minusDays(400) + "T10:00:00Z", "{\"toStage\":3}"));
            await().atMost(PATIENCE).until(() -> alertsOf(client, "C-5").equals(List.of("BREACHED PANEL_MEETING")));
            client.publish("C-5", event("PanelHeld", "C-5", today.minusDays(300) + "T10:00:00Z", "{}"));
            await().atMost(PATIENCE).until(() -> alertsOf(client, "C-5").size() == 3);
            assertThat(alertsOf(client, "C-5")).containsExactly("BREACHED PANEL_MEETING",
                    "CLEARED(BREACHED) PANEL_MEETING", "BREACHED PANEL_REPORT");

            JsonNode overdue = client.get("/api/v1/complaints?status=overdue").body();
            // C-1 (stage 2 since 2015), C-2 (stage 1 since 2015), C-5's panel report and C-OLD; most overdue first.
            assertThat(overdue.findValuesAsText("complaintId")).containsExactly("C-2", "C-1", "C-5", "C-OLD");
            assertThat(overdue.at("/rows/2/milestone").asText()).isEqualTo("PANEL_REPORT");
            assertThat(overdue.at("/rows/1/stage").asInt()).isEqualTo(2);
            assertThat(client.get("/metrics").text())
                    .contains("complaints_kpi_open_alerts{authority=\"E10000018\",kind=\"BREACHED\",regime=\"children\",stage=\"1\"} 2.0");
        }

        try (ComplaintsService service = start.apply(true)) {
            ServiceClient client = new ServiceClient(service);
            await().atMost(PATIENCE).until(() -> client.get("/ready").status() == 200);
            awaitReceived(client, 2, 1);
            // A republished event is recognised by its eventId and counted once.
            client.publish("C-2", event(repeated, "ComplaintReceived", "C-2", "2015-07-01T10:00:00+01:00",
                    "{\"regime\":\"CHILDREN\",\"serviceArea\":\"Fostering & Adoption\",\"complainantType\":"
                            + "\"CHILD_OR_YOUNG_PERSON\"}"));
            client.publish("C-4", received("C-4", "2015-08-03T10:00:00+01:00", "First Response"));
            awaitReceived(client, 3, 1);
            assertThat(client.get("/api/v1/kpis/received?year=2015/16").body().at("/receivedByStage/1").asLong())
                    .isEqualTo(3);
            // Let several deadline scans run: the breach raised before the restart is not raised again.
            await().pollDelay(Duration.ofSeconds(4)).atMost(PATIENCE).until(() -> true);
            assertThat(breaches(client, "C-OLD")).hasSize(1);
            await().atMost(PATIENCE).until(() -> breaches(client, "C-4").size() == 1);
            assertThat(breaches(client, "C-2")).hasSize(1);
            assertThat(alertsOf(client, "C-5")).as("once per deadline across the restart").containsExactly(
                    "BREACHED PANEL_MEETING", "CLEARED(BREACHED) PANEL_MEETING", "BREACHED PANEL_REPORT");
            assertThat(client.get("/api/v1/alerts?kind=BREACHED&stage=1").body().get("count").asInt()).isEqualTo(3);
            JsonNode deadlines = client.get("/api/v1/complaints/C-2/deadlines").body();
            assertThat(deadlines.toString()).doesNotContain("never stored");
        }
    }

    private static void awaitReceived(ServiceClient client, long stage1, long stage2) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            ServiceClient.Response r = client.get("/api/v1/kpis/received?year=2015/16");
            return r.status() == 200 && r.body().at("/receivedByStage/1").asLong() == stage1
                    && r.body().at("/receivedByStage/2").asLong() == stage2;
        });
    }

    /** One KPI's value for a financial year, over HTTP. */
    /** Waits until the figure is served with this value, through any answer without figures on the way. */
    static void awaitKpi(ServiceClient client, String year, String id, long value) {
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(AssertionError.class)
                .until(() -> kpi(client, year, id) == value);
    }

    /** The figure served; an AssertionError while the service answers without figures (starting, rebalancing). */
    static long kpi(ServiceClient client, String year, String id) {
        ServiceClient.Response answer = client.get("/api/v1/kpis?year=" + year + "&prefix=" + id);
        JsonNode rows = answer.body() == null ? null : answer.body().get("rows");
        if (rows == null) {
            throw new AssertionError("no KPI rows (HTTP " + answer.status() + "): " + answer.text());
        }
        for (JsonNode row : rows) {
            if (row.get("id").asText().equals(id)) {
                return row.get("value").asLong();
            }
        }
        throw new AssertionError("no KPI " + id + " in " + rows);
    }

    private static List<JsonNode> breaches(ServiceClient client, String complaintId) {
        return client.readAll(Names.ALERTS_TOPIC).stream()
                .map(r -> read(r.value()))
                .filter(a -> a.get("kind").asText().equals("BREACHED"))
                .filter(a -> a.get("complaintId").asText().equals(complaintId))
                .toList();
    }

    /** A complaint's published alerts in order, as "KIND(clears) MILESTONE". */
    private static List<String> alertsOf(ServiceClient client, String complaintId) {
        return client.readAll(Names.ALERTS_TOPIC).stream()
                .map(r -> read(r.value()))
                .filter(a -> a.get("complaintId").asText().equals(complaintId))
                .map(a -> a.get("kind").asText() + (a.get("clears").isNull() ? "" : "(" + a.get("clears").asText() + ")")
                        + " " + a.get("milestone").asText())
                .toList();
    }

    private static JsonNode read(byte[] json) {
        try {
            return EventCodec.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
