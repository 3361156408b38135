package io.complaintskpi.http;

import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.events.Regime;
import io.complaintskpi.series.InMemorySeriesReader;
import io.complaintskpi.series.KpiKey;
import io.complaintskpi.contributions.Metric;
import io.complaintskpi.query.QueryService;
import io.complaintskpi.query.StubQueries;
import io.complaintskpi.testing.StubApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The headline gauges on /metrics, read from stubbed stores (no Kafka). */
class HeadlineMetricsTest {

    private ApiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** /metrics of a server over {@code stub}, on the last day of 2015/16. */
    private String metrics(QueryService stub, ServiceConfig config) throws Exception {
        server = StubApi.start(config, stub);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static KpiKey awaiting(String type, String date) {
        return new KpiKey("E1", Metric.AWAITING, type, LocalDate.parse(date));
    }

    /** Rule: every event still held for its predecessor counts, held since last year included. */
    @Test
    void eventsAwaitingAPredecessorAreAGaugePerAuthority() throws Exception {
        QueryService stub = new StubQueries(true, List.of(), new InMemorySeriesReader(Map.of(
                awaiting("StageResponded", "2014-05-01"), 2L,
                awaiting("PanelReportIssued", "2016-03-01"), 1L,
                new KpiKey("E2", Metric.received(Regime.CHILDREN, 1), Metric.ALL,
                        LocalDate.parse("2015-06-01")), 4L)));
        ServiceConfig config = ServiceConfig.defaults();
        String metrics = metrics(stub, config);

        assertThat(metrics).contains("complaints_kpi_headline_count{authority=\"E1\",kpi=\"events.awaiting\"} 3.0")
                .contains("complaints_kpi_headline_count{authority=\"E2\",kpi=\"events.awaiting\"} 0.0");
    }

    /** Rule: with public output the default, the live year's counts are not published on /metrics either. */
    @Test
    void publicByDefaultPublishesNoHeadlineGauge() throws Exception {
        QueryService stub = new StubQueries(true, List.of(), new InMemorySeriesReader(Map.of(
                new KpiKey("E2", Metric.received(Regime.CHILDREN, 1), Metric.ALL, LocalDate.parse("2015-06-01")), 4L)));
        Properties file = new Properties();
        file.setProperty("disclosure.public-by-default", "true");
        ServiceConfig config = ServiceConfig.load(Map.of(), file, Map.of());
        String metrics = metrics(stub, config);

        assertThat(metrics).doesNotContain("complaints_kpi_headline_count{").contains("complaints_kpi_");
    }
}
