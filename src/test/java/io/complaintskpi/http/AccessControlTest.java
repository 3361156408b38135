package io.complaintskpi.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.testing.StubApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tokens, roles and the instance secret in front of the real routes. */
class AccessControlTest {

    private static final String VIEWER = "viewer-token-1";
    private static final String CASEWORKER = "caseworker-token-2";
    private static final String SECRET = "instances-share-this";

    private final HttpClient http = HttpClient.newHttpClient();
    private ApiServer server;

    static String sha256(String token) {
        return HexFormat.of().formatHex(AccessControl.hash(token));
    }

    private static ServiceConfig config(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "http.tokens", "viewer:" + sha256(VIEWER) + ", caseworker:" + sha256(CASEWORKER).toUpperCase(),
                "http.internal-secret", SECRET));
        settings.putAll(extra);
        return StubApi.config(settings);
    }

    private int start(ServiceConfig config) {
        server = StubApi.start(config);
        return server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertError(HttpResponse<String> response, int status, String message) throws Exception {
        assertThat(response.statusCode()).as(response.uri() + " -> " + response.body()).isEqualTo(status);
        JsonNode body = EventCodec.MAPPER.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).contains(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/kpis/definitions", "/api/v1/kpis/received?year=2015/16",
        "/api/v1/complaints", "/api/v1/nonsense"})
    void withoutAValidTokenEveryApiRouteAnswers401(String path) throws Exception {
        start(config(Map.of()));
        assertError(get(path, null), 401, "bearer token");
        assertError(get(path, "not-a-token"), 401, "bearer token");
        assertError(get(path, sha256(VIEWER)), 401, "bearer token"); // the hash itself is no token
        assertThat(get(path, null).headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"complaints-kpi\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/kpis/definitions", "/api/v1/kpis/received?year=2015/16", "/api/v1/kpis?year=2015/16",
        "/api/v1/kpis/stage1.received/series?year=2015/16", "/api/v1/tables/table1?year=2015/16",
        "/api/v1/reports/annual?year=2015/16", "/api/v1/authorities", "/api/v1/periods"})
    void aViewerReadsAggregates(String path) throws Exception {
        start(config(Map.of()));
        // Let through: the route answers for itself (200, or 404 for an authority with no data in empty stores).
        assertThat(get(path, VIEWER).statusCode()).as(path).isIn(200, 404);
        assertThat(get(path, CASEWORKER).statusCode()).as(path).isIn(200, 404);
        assertThat(get("/api/v1/kpis/definitions", VIEWER).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/complaints", "/api/v1/complaints/CR-1/deadlines", "/api/v1/alerts",
        "/api/v1/dlq", "/api/v1/kpis/stage1.received/complaints?year=2015/16", "/api/v1/complaints/CR-1"})
    void onlyACaseworkerReadsWhatListsComplaints(String path) throws Exception {
        start(config(Map.of()));
        assertError(get(path, VIEWER), 403, "needs caseworker");
        assertThat(get(path, CASEWORKER).statusCode()).isNotIn(401, 403);
    }

    @Test
    void theConsoleShellAndItsWebJarsNeedNoTokenButItsDataDoes() throws Exception {
        start(config(Map.of()));
        for (String path : List.of("/", "/console/app.js", "/console/govuk-frontend.css",
                "/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css",
                "/webjars/uplot/1.6.30/dist/uPlot.esm.js")) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(get("/", null).body()).contains("<script type=\"module\" src=\"/console/app.js\"></script>");
        assertError(get("/api/v1/kpis?year=2015/16", null), 401, "bearer token");
    }

    @Test
    void healthAndReadinessAreOpenUnlessConfiguredOtherwise() throws Exception {
        start(config(Map.of()));
        for (String path : List.of("/health", "/ready")) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(200);
        }
        assertError(get("/metrics", null), 401, "bearer token"); // its business figures need a token
        server.close();
        start(config(Map.of("http.open-paths", "/health")));
        assertThat(get("/health", null).statusCode()).isEqualTo(200);
        assertError(get("/metrics", null), 401, "bearer token");
        assertThat(get("/metrics", VIEWER).statusCode()).isEqualTo(200);
        assertThat(get("/ready", VIEWER).statusCode()).isEqualTo(200);
    }

    @Test
    void internalRoutesNeedTheInstanceSecretWhichPeerClientSends() throws Exception {
        int port = start(config(Map.of()));
        assertError(get("/internal/v1/authorities", null), 401, "instance secret");
        assertError(get("/internal/v1/authorities", CASEWORKER), 401, "instance secret");
        assertThat(get("/internal/v1/authorities", SECRET).statusCode()).isEqualTo(200);

        EventCodec codec = DomainWiring.rules(ServiceConfig.defaults()).codec();
        assertThat(new HttpPeerClient(codec, SECRET).authorities("127.0.0.1:" + port)).isEmpty();
        assertThatThrownBy(() -> new HttpPeerClient(codec, "wrong").authorities("127.0.0.1:" + port))
                .isInstanceOf(ServiceUnavailable.class).hasMessage(HttpPeerClient.UNAVAILABLE); // the 401 is logged
    }

    @Test
    void withTokensButNoSecretTheInternalRoutesAreClosed() throws Exception {
        start(config(Map.of("http.internal-secret", "")));
        assertError(get("/internal/v1/authorities", CASEWORKER), 403, "http.internal-secret");
    }

    @Test
    void withoutTokensEverythingIsOpenAsOnLoopback() throws Exception {
        start(ServiceConfig.defaults());
        assertThat(get("/api/v1/complaints", null).statusCode()).isEqualTo(200);
        assertThat(get("/internal/v1/authorities", null).statusCode()).isEqualTo(200);
    }
}
