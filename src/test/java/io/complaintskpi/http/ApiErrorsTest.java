package io.complaintskpi.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventCodec;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad requests get a 4xx naming what is wrong; nothing reaches a 500. No Kafka: the stores are stubbed. */
class ApiErrorsTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private ApiServer server;

    private ApiServer start(boolean ready) {
        QueryService stub = new StubQueries(ready, List.of());
        server = ApiServer.start("127.0.0.1", 0, new ApiServer.ApiDependencies(stub, stub,
                DomainRules.from(ServiceConfig.defaults()),
                Clock.fixed(Instant.parse("2016-03-31T12:00:00Z"), ZoneOffset.UTC), ServiceConfig.defaults(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private JsonNode get(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(expectedStatus);
        return EventCodec.MAPPER.readTree(response.body());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "/api/v1/kpis/received?year=2015/x|'period' must be 2015/16",
        "/api/v1/kpis/received|give period",
        "/api/v1/kpis/received?from=2016-01-01|'from' needs 'to'",
        "/api/v1/kpis/received?from=2016-02-01&to=2016-01-01|is before 'from'",
        "/api/v1/kpis/received?year=2015/16&regime=elderly|'regime' must be children or adults",
        "/api/v1/kpis/open?at=31/03/2016|'at' must be an ISO date",
        "/api/v1/alerts?stage=4|'stage' must be from 1 to 3",
        "/api/v1/complaints?status=late|'status' must be open, overdue or all",
        "/api/v1/complaints?limit=0|'limit' must be from 1 to 5000",
        "/api/v1/alerts?kind=LATE|'kind' must be one of",
        "/api/v1/kpis?year=2015/16&public=maybe|'public' must be true or false",
        "/api/v1/kpis/bogus/series?year=2015/16|unknown KPI 'bogus'",
        "/api/v1/kpis/stage1.received/series?year=2015/16&interval=hourly|'interval' must be one of",
        "/api/v1/reports/annual?year=2015/16&format=pdf|'format' must be json, csv or html",
        "/api/v1/reports/annual?year=15-16|'year' must be a financial year",
    })
    void badParametersGetA400ThatSaysWhatIsWrong(String path, String message) throws Exception {
        start(true);
        JsonNode body = get(path, 400);
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("error").asText()).contains(message);
    }

    @Test
    void unknownRoutesAndComplaintsAre404InJson() throws Exception {
        start(true);
        assertThat(get("/api/v1/nothing", 404).get("error").asText()).contains("no such route");
        assertThat(get("/api/v1/complaints/C-404/deadlines", 404).get("error").asText())
                .contains("no complaint with reference 'C-404'");
        assertThat(get("/api/v1/tables/table99?year=2015/16", 404).get("error").asText()).contains("no table");
    }

    @Test
    void queriesWhileTheStoresAreNotReadyAre503AndHealthStaysUp() throws Exception {
        start(false);
        assertThat(get("/api/v1/kpis/received?year=2015/16", 503).get("error").asText()).contains("retry");
        assertThat(get("/ready", 503).get("streams").asText()).isEqualTo("REBALANCING");
        assertThat(get("/health", 200).get("status").asText()).isEqualTo("UP");
    }
}
