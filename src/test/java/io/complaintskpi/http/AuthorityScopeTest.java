package io.complaintskpi.http;

import io.complaintskpi.app.ComplaintsService;
import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.query.StubQueries;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.streams.Names;
import io.complaintskpi.testing.KafkaRecords;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A token scoped to one authority, over a running service holding two: every route of the route table is called
 * with it (its own complaints, the other's, and authority= the other where the route takes it) and no answer holds
 * a count, list entry or alert of the other authority. A route added without a scope decision fails here.
 */
class AuthorityScopeTest {

    private static final String MINE = "AAA";
    private static final String OTHER = "BBB";
    private static final String SCOPED = "scoped-caseworker-token";
    private static final String EVERYTHING = "unscoped-caseworker-token";
    /** What only the other authority's data holds: its complaint references and its service area. */
    private static final List<String> OTHERS_MARKS = List.of("BBB-1", "BBB-2", "Bravo Area");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void everyRouteDecidedWhatAScopedTokenSees() {
        List<String> undecided = routes().stream().filter(r -> r.scope() == ApiRoute.AuthorityScope.UNDECIDED)
                .map(r -> r.method() + " " + r.path()).toList();
        assertThat(undecided).as("routes with no scope decision (RouteTable.Builder.scope)").isEmpty();
    }

    @Test
    void aTokenScopedToOneAuthorityFindsNothingOfTheOtherOnAnyRoute() {
        try (ComplaintsService service = ComplaintsService.start(config())) {
            publishTwoAuthorities(service.bootstrapServers());
            int port = service.httpPort();
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                assertThat(get(port, "/api/v1/alerts", EVERYTHING).body()).contains("AAA-1").contains("BBB-1");
                assertThat(get(port, "/api/v1/complaints?status=all", EVERYTHING).body())
                        .contains("AAA-2").contains("BBB-2");
            });

            List<String> walked = new ArrayList<>();
            for (ApiRoute route : routes()) {
                for (String path : requests(route)) {
                    HttpResponse<String> answer = call(port, route, path);
                    walked.add(route.method() + " " + path + " -> " + answer.statusCode());
                    assertThat(answer.statusCode()).as(path).isIn(200, 400, 401, 403, 404);
                    String text = answer.body();
                    for (String asked : askedValues(path)) {
                        text = text.replace(asked, ""); // an error may name what was asked for
                    }
                    for (String mark : OTHERS_MARKS) {
                        assertThat(text).as(route.method() + " " + path + " shows " + mark).doesNotContain(mark);
                    }
                    if (answer.statusCode() == 200) {
                        assertThat(text).as(path).doesNotContain("\"" + OTHER + "\"");
                    }
                }
            }
            // Not vacuous: the scoped token sees its own authority's lists, story and figures.
            assertThat(get(port, "/api/v1/alerts", SCOPED).body()).contains("AAA-1");
            assertThat(get(port, "/api/v1/complaints?status=all", SCOPED).body()).contains("AAA-2");
            assertThat(get(port, "/api/v1/complaints/AAA-1", SCOPED).statusCode()).isEqualTo(200);
            assertThat(get(port, "/api/v1/kpis?period=last-365d", SCOPED).body()).contains("\"authority\":\"AAA\"");
            assertThat(get(port, "/api/v1/authorities", SCOPED).body()).contains(MINE).doesNotContain(OTHER);
            // Another authority asked for by name is a 403; a complaint of another authority does not exist.
            assertThat(get(port, "/api/v1/kpis?period=last-365d&authority=BBB", SCOPED).statusCode()).isEqualTo(403);
            assertThat(get(port, "/api/v1/kpis?period=last-365d&authority=NOSUCH", SCOPED).statusCode())
                    .isEqualTo(403);
            assertThat(get(port, "/api/v1/complaints/BBB-1", SCOPED).statusCode()).isEqualTo(404);
            assertThat(get(port, "/api/v1/dlq", SCOPED).statusCode()).isEqualTo(403);
            assertThat(walked).hasSizeGreaterThan(routes().size());
        }
    }

    /** The route table as the service declares it (read from a service on stub stores). */
    private static List<ApiRoute> routes() {
        ServiceConfig config = config(Path.of("unused"));
        StubQueries stores = new StubQueries(true, List.of());
        return Routes.table(new ApiServer.ApiDependencies(stores, stores, DomainWiring.rules(config),
                Clock.systemUTC(), config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))).routes();
    }

    /** Each way to call a route: its path parameters for this authority and for the other, authority= the other. */
    private static List<String> requests(ApiRoute route) {
        List<String> paths = new ArrayList<>();
        String when = route.accepts("period") ? "period=last-365d"
                : route.accepts("year") ? "year=" + FinancialYear.of(LocalDate.now(ZoneOffset.UTC).minusDays(40)).label()
                : "";
        for (String complaint : List.of("AAA-1", "BBB-1")) {
            String path = fill(route, complaint) + "?" + when;
            paths.add(path);
            if (route.accepts(Param.AUTHORITY.name())) {
                paths.add(path + "&authority=" + OTHER);
            }
            if (route.accepts("status")) {
                paths.add(path + "&status=all");
            }
            if (!route.path().contains("{")) {
                break;
            }
        }
        return paths;
    }

    private static String fill(ApiRoute route, String complaint) {
        Matcher m = PATH_PARAM.matcher(route.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = switch (route.path().replaceAll("/\\{[^}]+}.*", "") + "/{" + m.group(1) + "}") {
                case "/api/v1/complaints/{id}", "/internal/v1/cases/{id}" -> complaint;
                case "/api/v1/kpis/{id}" -> "stage1.received";
                case "/api/v1/tables/{table}" -> "table2";
                case "/api/docs/{file}" -> "index.html";
                default -> throw new AssertionError("no value for {" + m.group(1) + "} of " + route.path()
                        + ": teach AuthorityScopeTest.fill what to call this route with");
            };
            m.appendReplacement(path, value);
        }
        m.appendTail(path);
        return path.toString();
    }

    private static List<String> askedValues(String path) {
        return List.of(OTHER, "BBB-1").stream().filter(path::contains).toList();
    }

    private HttpResponse<String> call(int port, ApiRoute route, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + SCOPED);
        request = route.method().name().equals("POST")
                ? request.POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
                : request.GET();
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(path, e);
        }
    }

    private HttpResponse<String> get(int port, String path, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(path, e);
        }
    }

    private ServiceConfig config() {
        return config(dataDir);
    }

    /** The other authority is the configured default, so a route that forgets the scope shows it. */
    private static ServiceConfig config(Path dataDir) {
        Properties file = new Properties();
        file.setProperty("data.dir", dataDir.toString());
        file.setProperty("http.host", "127.0.0.1");
        file.setProperty("http.port", "0");
        file.setProperty("alerts.scan-interval", "PT1S");
        file.setProperty("alerts.settle-time", "PT2S");
        file.setProperty("authority.default", OTHER);
        file.setProperty("http.open-paths", "");
        file.setProperty("http.tokens", "caseworker:" + AccessControlTest.sha256(SCOPED) + ":" + MINE
                + ",caseworker:" + AccessControlTest.sha256(EVERYTHING));
        return ServiceConfig.load(Map.of(), file, Map.of());
    }

    /** Each authority: one complaint overdue (an alert), one answered; received this financial year. */
    private static void publishTwoAuthorities(String bootstrap) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        Map<String, String> areas = new LinkedHashMap<>(Map.of(MINE, "Alpha Area", OTHER, "Bravo Area"));
        areas.forEach((authority, area) -> {
            String overdue = authority + "-1";
            String answered = authority + "-2";
            records.add(record(authority, overdue, "ComplaintReceived", today.minusDays(40),
                    "{\"regime\":\"CHILDREN\",\"serviceArea\":\"" + area + "\",\"complainantType\":\"PARENT\"}"));
            records.add(record(authority, answered, "ComplaintReceived", today.minusDays(12),
                    "{\"regime\":\"CHILDREN\",\"serviceArea\":\"" + area + "\",\"complainantType\":\"PARENT\"}"));
            records.add(record(authority, answered, "StageResponded", today.minusDays(5),
                    "{\"stage\":1,\"outcome\":\"UPHELD\",\"causes\":[{\"cause\":\"DELAYS_IN_PROVIDING_SERVICES\","
                            + "\"upheld\":true}]}"));
        });
        KafkaRecords.publish(bootstrap, records);
    }

    private static ProducerRecord<String, byte[]> record(String authority, String id, String type, LocalDate day,
                                                        String data) {
        String json = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"" + type + "\",\"occurredAt\":\""
                + day + "T10:00:00Z\",\"complaintId\":\"" + id + "\",\"authority\":\"" + authority
                + "\",\"schemaVersion\":1,\"data\":" + data + "}";
        return new ProducerRecord<>(Names.EVENTS_TOPIC, id, json.getBytes(StandardCharsets.UTF_8));
    }
}
