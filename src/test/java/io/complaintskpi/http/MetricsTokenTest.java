package io.complaintskpi.http;

import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.contributions.Metric;
import io.complaintskpi.events.Regime;
import io.complaintskpi.query.QueryService;
import io.complaintskpi.query.StubQueries;
import io.complaintskpi.series.InMemorySeriesReader;
import io.complaintskpi.series.KpiKey;
import io.complaintskpi.testing.StubApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23, item 2: the business figures on /metrics (headline KPIs per authority) need a token. By default
 * /metrics needs one (a metrics token, or a viewer's); /health and /ready stay open. An operator who opens
 * /metrics anyway gives callers without a token the operational metrics only.
 */
class MetricsTokenTest {

    private static final String SCRAPER = "prometheus-scrape-token";
    private static final String VIEWER = "viewer-token";
    private static final String HEADLINE = "complaints_kpi_headline_count{authority=\"E2\",kpi=\"stage1.received\"} 4.0";

    private final HttpClient http = HttpClient.newHttpClient();
    private ApiServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private void start(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("http.tokens", "metrics:"
                + AccessControlTest.sha256(SCRAPER) + ",viewer:" + AccessControlTest.sha256(VIEWER)));
        settings.putAll(extra);
        ServiceConfig config = StubApi.config(settings);
        QueryService stub = new StubQueries(true, List.of(), new InMemorySeriesReader(Map.of(
                new KpiKey("E2", Metric.received(Regime.CHILDREN, 1), Metric.ALL, LocalDate.parse("2015-06-01")), 4L)));
        server = StubApi.start(config, stub);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void byDefaultMetricsNeedATokenWhileHealthAndReadinessStayOpen() throws Exception {
        start(Map.of());
        assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/ready", null).statusCode()).isEqualTo(200);
        for (String token : List.of(SCRAPER, VIEWER)) {
            HttpResponse<String> metrics = get("/metrics", token);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains(HEADLINE).contains("complaints_kpi_streams_running");
        }
        // The scrape token reads nothing else.
        assertThat(get("/api/v1/kpis?year=2015/16", SCRAPER).statusCode()).isEqualTo(403);
    }

    @Test
    void anOpenMetricsPathShowsCallersWithoutATokenNoBusinessFigure() throws Exception {
        start(Map.of("http.open-paths", "/health,/ready,/metrics"));
        HttpResponse<String> anonymous = get("/metrics", null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("complaints_kpi_streams_running 1.0")
                .doesNotContain("complaints_kpi_headline").doesNotContain("complaints_kpi_open_alerts");
        // Control: the same scrape with a token carries them.
        assertThat(get("/metrics", SCRAPER).body()).contains(HEADLINE);
        assertThat(get("/metrics", "not-a-token").body()).doesNotContain("complaints_kpi_headline");
    }
}
