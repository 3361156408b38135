package io.complaintskpi.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.contributions.Metric;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.Regime;
import io.complaintskpi.query.StubQueries;
import io.complaintskpi.series.InMemorySeriesReader;
import io.complaintskpi.series.KpiKey;
import io.complaintskpi.testing.StubApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that once wedged the service (a series of 3,272,000 daily buckets ran the heap out) or could:
 * each is a 400 naming the limit, refused before any store is read.
 */
class HostileRequestsTest {

    private ApiServer server;

    @BeforeEach
    void start() {
        ServiceConfig config = ServiceConfig.defaults();
        StubQueries stub = new StubQueries(true, List.of(), new InMemorySeriesReader(Map.of(new KpiKey(
                config.defaultAuthority(), Metric.received(Regime.CHILDREN, 1), Metric.ALL,
                LocalDate.parse("2015-06-01")), 3L)));
        server = StubApi.start(config, stub);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/api/v1/kpis/stage1.received/series?interval=day&from=1001-04-01&to=9998-12-31|at most 36600 days",
        "/api/v1/kpis/stage1.received/series?interval=day&from=2000-01-01&to=2010-01-08|at most 3660 buckets",
        "/api/v1/kpis?from=1001-04-01&to=9998-12-31|at most 36600 days",
        "/api/v1/kpis/received?from=0001-01-01&to=9999-12-31|at most 36600 days",
        "/api/v1/kpis/stage1.received/series?period=last-999999999d|3660",
        "/api/v1/kpis/stage1.received/series?period=2015/16&rolling=99999999|'rolling'",
        "/api/v1/complaints?limit=100000000|'limit'",
    })
    void aRequestForUnboundedWorkIsA400NamingTheLimit(String path, String limit) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = EventCodec.MAPPER.readTree(response.body());
        assertThat(body.get("error").asText()).contains(limit);
    }
}
