package io.complaintskpi.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.contributions.Metric;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.query.QueryService;
import io.complaintskpi.query.StubQueries;
import io.complaintskpi.series.InMemorySeriesReader;
import io.complaintskpi.series.KpiKey;
import io.complaintskpi.testing.StubApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/ombudsman/letter}: the letter's figures for any period with the prior beside it, disclosure
 * controlled with {@code public=true}. 2015/16: 7 investigated, 6 of them upheld (85.7%), 3 decisions assessed and
 * closed; 2014/15: 2 investigated, both upheld (100.0%). No population is known, so the per-resident figure is x.
 */
class OmbudsmanLetterRouteTest {

    private static final String AUTHORITY = ServiceConfig.defaults().defaultAuthority();
    private final HttpClient http = HttpClient.newHttpClient();
    private ApiServer server;

    @BeforeEach
    void start() {
        ServiceConfig config = ServiceConfig.defaults();
        QueryService stub = new StubQueries(true, List.of(), new InMemorySeriesReader(Map.of(
                decisions("UPHELD", "2015-06-01"), 6L,
                decisions("NOT_UPHELD", "2015-07-01"), 1L,
                decisions("CLOSED_AFTER_INITIAL_ENQUIRIES", "2015-08-01"), 3L,
                decisions("UPHELD", "2014-06-01"), 2L)));
        server = StubApi.start(config, stub, Instant.parse("2016-05-31T12:00:00Z"));
    }

    private static KpiKey decisions(String outcome, String date) {
        return new KpiKey(AUTHORITY, Metric.OMBUDSMAN_DECISIONS, outcome, LocalDate.parse(date));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return EventCodec.MAPPER.readTree(response.body());
    }

    private static List<String> row(JsonNode letter, String measure) {
        for (JsonNode row : letter.get("rows")) {
            if (row.get("Measure").asText().equals(measure)) {
                return List.of(row.get("2014/15").asText(), row.get("2015/16").asText());
            }
        }
        throw new AssertionError("no row " + measure);
    }

    @Test
    void answersTheLettersFiguresWithThePriorYear() throws Exception {
        JsonNode letter = get("/api/v1/ombudsman/letter?period=2015/16&public=false");

        assertThat(letter.get("columns").toString()).isEqualTo("[\"Measure\",\"2014/15\",\"2015/16\"]");
        assertThat(row(letter, "Complaints and enquiries decided")).containsExactly("2", "10");
        assertThat(row(letter, "... investigated")).containsExactly("2", "7");
        assertThat(row(letter, "... assessed and closed")).containsExactly("0", "3");
        assertThat(row(letter, "Uphold rate (% of investigated)")).containsExactly("100.0%", "85.7%");
        assertThat(row(letter, "Upheld per 100,000 residents")).containsExactly("x", "x");
        // The table stands alone here, so it carries the key to its symbols, and only to those it uses.
        assertThat(letter.get("symbols").toString()).contains("x = not available").doesNotContain("c = ");
    }

    @Test
    void aPublicAnswerHidesSmallCounts() throws Exception {
        JsonNode letter = get("/api/v1/ombudsman/letter?period=2015/16&public=true");

        assertThat(letter.get("public").asBoolean()).isTrue();
        assertThat(row(letter, "Upheld")).containsExactly("c", "6");
        assertThat(row(letter, "Uphold rate (% of investigated)").get(0)).isEqualTo("c");
        assertThat(letter.get("symbols").toString()).contains("c = a count from");
    }
}
