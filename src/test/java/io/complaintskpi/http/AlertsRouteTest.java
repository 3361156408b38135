package io.complaintskpi.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.AlertKind;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.Regime;
import io.complaintskpi.query.StubQueries;
import io.complaintskpi.rules.Timescale.Milestone;
import io.complaintskpi.testing.StubApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert list filters by one regime, several comma-separated or all, and writes it as the alerts topic does
 * (CHILDREN, ADULTS).
 */
class AlertsRouteTest {

    private ApiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theRegimeFilterKeepsThatRegimesAlertsAndWritesItByName() throws Exception {
        ServiceConfig config = ServiceConfig.defaults();
        StubQueries stub = new StubQueries(true, List.of(alert("C-1", Regime.CHILDREN), alert("A-1", Regime.ADULTS),
                alert("K-1", Regime.CORPORATE)));
        server = StubApi.start(config, stub);

        JsonNode adults = get("/api/v1/alerts?regime=adults");
        JsonNode all = get("/api/v1/alerts");
        JsonNode two = get("/api/v1/alerts?regime=corporate,adults");
        JsonNode every = get("/api/v1/alerts?regime=all");

        assertThat(adults.get("count").asInt()).isEqualTo(1);
        assertThat(adults.at("/alerts/0/complaintId").asText()).isEqualTo("A-1");
        assertThat(adults.at("/alerts/0/regime").asText()).isEqualTo("ADULTS");
        assertThat(all.get("count").asInt()).isEqualTo(3);
        assertThat(two.get("alerts")).extracting(a -> a.get("regime").asText())
                .containsExactlyInAnyOrder("ADULTS", "CORPORATE");
        assertThat(every.get("count").asInt()).isEqualTo(3);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return EventCodec.MAPPER.readTree(response.body());
    }

    private static Alert alert(String complaintId, Regime regime) {
        return new Alert(AlertKind.BREACHED, complaintId, ServiceConfig.defaults().defaultAuthority(), regime, "Area",
                1, Milestone.RESPONSE, LocalDate.parse("2016-03-01"), 0, Instant.parse("2016-03-02T09:00:00Z"), null);
    }
}
