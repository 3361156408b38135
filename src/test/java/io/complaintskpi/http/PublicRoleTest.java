package io.complaintskpi.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.contributions.Metric;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.Regime;
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
 * Issue 23, item 5: a public token only ever receives disclosure-controlled output. It reads the routes the route
 * table marks as publishing, always as public output; {@code public=false} is a 403, and every other route is a
 * 403 to it. Control: a viewer's token reads the same figure unsuppressed.
 */
class PublicRoleTest {

    private static final String PUBLIC = "public-dashboard-token";
    private static final String VIEWER = "viewer-token";
    private static final String AUTHORITY = ServiceConfig.defaults().defaultAuthority();

    private final HttpClient http = HttpClient.newHttpClient();
    private ApiServer server;

    @BeforeEach
    void start() {
        ServiceConfig config = StubApi.config(Map.of("http.tokens",
                "public:" + AccessControlTest.sha256(PUBLIC) + ",viewer:" + AccessControlTest.sha256(VIEWER),
                "http.open-paths", "/health"));
        // 3 stage 1 complaints in 2015/16, a closed year on 1 June 2017.
        QueryService stores = new StubQueries(true, List.of(), new InMemorySeriesReader(Map.of(
                new KpiKey(AUTHORITY, Metric.received(Regime.CHILDREN, 1), Metric.ALL, LocalDate.parse("2015-06-01")),
                3L)));
        server = StubApi.start(config, stores, Instant.parse("2017-06-01T12:00:00Z"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path, String token, int status) throws Exception {
        HttpResponse<String> response = get(path, token);
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(status);
        return EventCodec.MAPPER.readTree(response.body());
    }

    @Test
    void aPublicTokenGetsPublicOutputWhateverItAsks() throws Exception {
        String received = "/api/v1/kpis/received?year=2015/16";
        JsonNode published = json(received, PUBLIC, 200);
        assertThat(published.get("public").asBoolean()).isTrue();
        assertThat(published.get("receivedByStage").get("1").asText()).isEqualTo("c");
        assertThat(json(received + "&public=true", PUBLIC, 200).get("receivedByStage").get("1").asText())
                .isEqualTo("c");
        assertThat(json(received + "&public=false", PUBLIC, 403).get("error").asText())
                .contains("public=false is refused");
        assertThat(json("/api/v1/kpis?year=2015/16&public=false", PUBLIC, 403).get("error").asText())
                .contains("disclosure-controlled output only");
        // The unfinished year is not public, for a public token either.
        assertThat(json("/api/v1/kpis/received?year=2017/18", PUBLIC, 400).get("error").asText())
                .contains("closed financial years only");
        // Control: a viewer's token, asking public=false, reads the count.
        assertThat(json(received + "&public=false", VIEWER, 200).get("receivedByStage").get("1").asLong()).isEqualTo(3);
    }

    @Test
    void aPublicTokenReadsOnlyTheRoutesTheRouteTableMarksAsPublishing() throws Exception {
        int publishing = 0;
        int refused = 0;
        for (JsonNode route : json("/api/v1", VIEWER, 200).get("routes")) {
            String path = route.get("path").asText().replace("{id}", "stage1.received").replace("{table}", "table1");
            String kind = route.get("publication").get("kind").asText();
            boolean marked = route.get("publicToken").asBoolean();
            assertThat(marked).as(path).isEqualTo(route.get("role").asText().equals("viewer")
                    && (kind.equals("SUPPRESSES") || kind.equals("NO_COUNTS")));
            if (!route.get("method").asText().equals("GET")) {
                continue;
            }
            int status = get(path, PUBLIC).statusCode();
            if (marked) {
                publishing++;
                assertThat(status).as(path).isNotIn(401, 403);
            } else {
                refused++;
                assertThat(json(path, PUBLIC, 403).get("error").asText()).as(path).containsAnyOf(
                        "reads published figures only", "needs caseworker", "needs metrics");
            }
        }
        assertThat(publishing).isGreaterThanOrEqualTo(8);
        assertThat(refused).isGreaterThanOrEqualTo(6);
        assertThat(json("/metrics", PUBLIC, 403).get("error").asText()).contains("needs metrics");
        assertThat(get("/health", PUBLIC).statusCode()).isEqualTo(200);
    }
}
