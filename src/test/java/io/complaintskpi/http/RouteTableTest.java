package io.complaintskpi.http;

import io.complaintskpi.config.Security;
import io.complaintskpi.config.Security.Role;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.testing.StubApi;
import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The route table: every route Javalin serves is declared there, and access control follows the declaration. */
class RouteTableTest {

    private static final String VIEWER = "viewer-token-1";
    private static final String CASEWORKER = "caseworker-token-2";
    private static final String PUBLISHER = "publisher-token-3";
    private static final String SECRET = "instances-share-this";
    private static final Pattern PATH_PARAM = Pattern.compile("\\{[^}]+}");

    private final HttpClient http = HttpClient.newHttpClient();
    private ApiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ApiServer start() {
        ServiceConfig config = StubApi.config(Map.of(
                "http.tokens", "viewer:" + AccessControlTest.sha256(VIEWER) + ",caseworker:"
                        + AccessControlTest.sha256(CASEWORKER) + ",publisher:" + AccessControlTest.sha256(PUBLISHER),
                "http.internal-secret", SECRET));
        server = StubApi.start(config);
        return server;
    }

    @Test
    void everyRegisteredRouteCarriesItsDeclarationAndRole() {
        List<Endpoint> endpoints = start().endpoints();
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(25);
        for (Endpoint endpoint : endpoints) {
            ApiRoute route = endpoint.metadata(ApiRoute.class);
            assertThat(route).as(endpoint.method + " " + endpoint.path + " has no declaration").isNotNull();
            assertThat(route.path()).isEqualTo(endpoint.path);
            assertThat(route.method()).isEqualTo(endpoint.method);
            assertThat(endpoint.metadata(Roles.class).getRoles()).as(endpoint.path).containsExactly(route.role());
            assertThat(route.summary()).as(endpoint.path).isNotBlank();
            List<Integer> statuses = route.errors().stream().map(ApiRoute.ErrorAnswer::status).toList();
            assertThat(statuses).as(endpoint.path).contains(400);
            if (route.role() != Role.ANYONE) {
                assertThat(statuses).as(endpoint.path).contains(401);
            }
            assertThat(route.params()).as(endpoint.path).allSatisfy(p -> assertThat(p.description()).isNotBlank());
        }
        assertThat(endpoints.stream().map(e -> e.method + " " + e.path)).doesNotHaveDuplicates()
                .contains("GET /api/v1/kpis", "GET /api/v1/complaints", "GET /health", "POST /internal/v1/caseload",
                        "POST /api/v1/events");
    }

    /** The paths open by default: /health and /ready. */
    private static final java.util.Set<String> OPEN = ServiceConfig.defaults().security().openPaths();

    /** Each route asked with each role: let through exactly when the declared role is granted. */
    @Test
    void accessFollowsEachRoutesDeclaredRole() throws Exception {
        start();
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : server.endpoints()) {
            ApiRoute route = endpoint.metadata(ApiRoute.class);
            String path = PATH_PARAM.matcher(route.path()).replaceAll("x");
            for (Map.Entry<Role, String> caller : Map.of(Role.VIEWER, VIEWER, Role.CASEWORKER, CASEWORKER,
                    Role.PUBLISHER, PUBLISHER, Role.INSTANCE, SECRET).entrySet()) {
                int status = send(route, path, caller.getValue());
                boolean granted = caller.getKey().grants(route.role())
                        || OPEN.contains(route.path()); // open by default (http.open-paths)
                if (granted == (status == 401 || status == 403)) {
                    wrong.add(route.method() + " " + path + " as " + caller.getKey() + ": " + status);
                }
            }
            int anonymous = send(route, path, null);
            if (route.role() == Role.ANYONE || OPEN.contains(route.path())) {
                assertThat(anonymous).as(path + " without a token").isNotIn(401, 403);
            } else {
                assertThat(anonymous).as(path + " without a token").isEqualTo(401);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private int send(ApiRoute route, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (route.method().name().equals("POST")) {
            request.POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aRouteRegisteredOutsideTheTableIsClosedEvenWithoutTokens() throws Exception {
        Javalin app = Javalin.create(config -> {
            AccessControl.register(config, ServiceConfig.defaults().security(), ServiceConfig.defaults().tls());
            config.routes.get("/api/v1/kpis/undeclared", ctx -> ctx.result("figures"));
        }).start("127.0.0.1", 0);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + app.port() + "/api/v1/kpis/undeclared")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("declares no role in the route table");
        } finally {
            app.stop();
        }
    }

    @Test
    void eachRoleGrantsItselfAndTokensNeverGrantTheInstanceRole() {
        assertThat(Role.values()).allSatisfy(role -> assertThat(role.grants(role)).isTrue());
        assertThat(Role.CASEWORKER.grants(Role.VIEWER)).isTrue();
        assertThat(Role.VIEWER.grants(Role.CASEWORKER)).isFalse();
        assertThat(Role.CASEWORKER.grants(Role.INSTANCE)).isFalse();
        // Publishing and reading are apart: no reading role publishes, the publisher reads nothing.
        assertThat(Role.values()).filteredOn(role -> role != Role.PUBLISHER && role != Role.ANYONE)
                .allSatisfy(role -> assertThat(role.grants(Role.PUBLISHER)).as(role.name()).isFalse())
                .allSatisfy(role -> assertThat(Role.PUBLISHER.grants(role)).as(role.name()).isFalse());
        assertThat(Role.PUBLISHER.byToken()).isTrue();
        assertThat(Role.VIEWER.grants(Role.ANYONE)).isTrue();
        assertThat(Role.ANYONE.grants(Role.VIEWER)).isFalse();
        assertThat(Role.INSTANCE.byToken()).isFalse();
        assertThat(Role.ANYONE.byToken()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServiceConfig.load(Map.of(), new Properties(),
                Map.of("http.tokens", "instance:" + "a".repeat(64)))).hasMessageContaining("http.tokens");
        assertThat(Security.Role.valueOf("VIEWER")).isEqualTo(Role.VIEWER);
    }
}
