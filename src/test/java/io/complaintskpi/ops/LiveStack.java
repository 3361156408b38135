package io.complaintskpi.ops;

import io.complaintskpi.testing.KafkaRecords;
import io.complaintskpi.testing.Tools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintskpi.app.ComplaintsService;
import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.streams.Names;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.complaintskpi.testing.ContractEvents.AUTHORITY;
import static io.complaintskpi.testing.ContractEvents.event;
import static io.complaintskpi.testing.ContractEvents.received;
import static io.complaintskpi.testing.ContractEvents.responded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.complaintskpi.testing.TokenHashes.sha256;

/**
 * One running service on the embedded broker with events that give every panel something to show (history
 * in 2015/16, open stages that are at risk, breached, owed a stage 2 offer or an acknowledgement, of each
 * procedure, a record on the DLQ), and, on demand, a real Prometheus scraping it every second with the alert rules loaded.
 * Shared by every test class of the JVM through JUnit's root store, which closes it at the end.
 */
final class LiveStack implements AutoCloseable {

    /** Values given to the dashboards' variables: the authority and year the events are about. */
    static final Map<String, String> VARIABLES = Map.of(
            "authority", AUTHORITY, "period", "2015/16", "year", "2015/16",
            "__from", "2013-04-01", "__to", LocalDate.now(ZoneId.of("Europe/London")).toString(),
            "__rate_interval", "1m", "__interval", "15s", "__range", "1m", "instance", ".+");

    /** A second county of the same region, so the benchmarks have a group (of two: the stack's minimum). */
    static final String PEER = "E10000099";
    static final String REGION = "East Midlands";

    static final String PROMETHEUS_JOB = "complaints-kpi";
    /** The stack's tokens, as the compose stack has them: Prometheus's, Grafana's two data sources'. */
    static final String METRICS_TOKEN = "ops-metrics-token";
    static final String VIEWER_TOKEN = "ops-viewer-token";
    static final String CASEWORKER_TOKEN = "ops-caseworker-token";
    /** Each Infinity data source's token (grafana/provisioning/datasources/datasources.yml). */
    static final Map<String, String> DATASOURCE_TOKENS = Map.of(Dashboards.INFINITY_UID, VIEWER_TOKEN,
            Dashboards.CASELOAD_UID, CASEWORKER_TOKEN);
    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final ComplaintsService service;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process prometheus;
    private int prometheusPort;

    /** Hands the shared stack to any test parameter of type {@link LiveStack}. */
    static final class Extension implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == LiveStack.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(LiveStack.class, key -> LiveStack.start(), LiveStack.class);
        }
    }

    private LiveStack(Path dir, ComplaintsService service) {
        this.dir = dir;
        this.service = service;
    }

    static LiveStack start() {
        Path dir;
        try {
            dir = Files.createTempDirectory("complaints-ops-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties file = new Properties();
        file.setProperty("data.dir", dir.resolve("service").toString());
        file.setProperty("http.host", "127.0.0.1");
        file.setProperty("http.port", "0");
        file.setProperty("alerts.scan-interval", "PT1S");
        file.setProperty("alerts.settle-time", "PT2S"); // its history is loaded all at once, then looked at
        file.setProperty("authority.default", AUTHORITY);
        file.setProperty("benchmark.min-group-size", "2");
        file.setProperty("http.tokens", "metrics:" + sha256(METRICS_TOKEN) + ",viewer:" + sha256(VIEWER_TOKEN)
                + ",caseworker:" + sha256(CASEWORKER_TOKEN));
        LiveStack stack = new LiveStack(dir, ComplaintsService.start(ServiceConfig.load(Map.of(), file, Map.of())));
        try {
            stack.loadEvents();
            stack.awaitEveryKindOfData();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    String serviceUrl() {
        return "http://127.0.0.1:" + service.httpPort();
    }

    /** GET on the service with the caseworker's token (it reads every route and /metrics); the body as text. */
    HttpResponse<String> get(String pathAndQuery) {
        return get(pathAndQuery, CASEWORKER_TOKEN);
    }

    /** GET on the service with {@code token}. */
    HttpResponse<String> get(String pathAndQuery, String token) {
        return send(URI.create(serviceUrl() + pathAndQuery), token);
    }


    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    /** An instant query on the test's Prometheus, started on first use. */
    JsonNode promQuery(String expr) {
        return promApi("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    }

    /** A Prometheus HTTP API path, such as {@code /api/v1/rules}. */
    JsonNode promApi(String pathAndQuery) {
        startPrometheus();
        return promGet(pathAndQuery);
    }

    /** Without the start: Awaitility polls from its own thread, which must not wait for the start's lock. */
    private JsonNode promGet(String pathAndQuery) {
        return parse(send(URI.create("http://127.0.0.1:" + prometheusPort + pathAndQuery)).body());
    }

    private synchronized void startPrometheus() {
        if (prometheus != null) {
            return;
        }
        Path binary = Tools.prometheus();
        try {
            prometheusPort = freePort();
            Path config = dir.resolve("prometheus.yml");
            Path token = dir.resolve("metrics-token");
            Files.writeString(token, METRICS_TOKEN);
            // As in prometheus/prometheus.yml: the scrape sends the metrics role's token from a file.
            Files.writeString(config, """
                    global:
                      scrape_interval: 1s
                      evaluation_interval: 1s
                    rule_files:
                      - "%s"
                    scrape_configs:
                      - job_name: %s
                        authorization:
                          type: Bearer
                          credentials_file: "%s"
                        static_configs:
                          - targets: ["127.0.0.1:%d"]
                    """.formatted(RepoFiles.RULES, PROMETHEUS_JOB, token, service.httpPort()));
            Path log = dir.resolve("prometheus.log");
            prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + prometheusPort)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            await("Prometheus ready and scraping (log: " + log + ")").atMost(PATIENCE)
                    .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
                        assertThat(prometheus.isAlive()).as("Prometheus running; log:\n" + Files.readString(log))
                                .isTrue();
                        // Enough samples for the 1m range functions, the gauges with data in them, and the
                        // per-partition and per-task Kafka metrics, which Micrometer adds a minute late.
                        for (String ready : List.of("count_over_time(up{job=\"" + PROMETHEUS_JOB + "\"}[1m]) >= 8",
                                "complaints_kpi_open_alerts{kind=\"BREACHED\"} > 0",
                                "kafka_consumer_fetch_manager_records_lag{topic=\"complaint-events\"}",
                                "count_over_time(kafka_stream_task_dropped_records_total[1m]) >= 2")) {
                            assertThat(promGet("/api/v1/query?query=" + URLEncoder.encode(ready, StandardCharsets.UTF_8))
                                    .at("/data/result")).as(ready).isNotEmpty();
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void loadEvents() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();
        LocalDate atRisk = today;
        while (calendar.addWorkingDays(atRisk, 9).isAfter(today)) {
            atRisk = atRisk.minusDays(1);
        }
        Map<String, List<byte[]>> events = new LinkedHashMap<>();
        events.put("OPS-H1", List.of(received("OPS-H1", "2015-06-03T10:00:00+01:00", "First Response"),
                responded("OPS-H1", "2015-06-10T10:00:00+01:00", 1, "PARTLY_UPHELD"),
                event("EscalationRequested", "OPS-H1", "2015-07-20T10:00:00+01:00", "{\"toStage\":2}")));
        events.put("OPS-H2", List.of(received("OPS-H2", "2015-09-01T10:00:00+01:00", "Fostering & Adoption"),
                responded("OPS-H2", "2015-09-08T10:00:00+01:00", 1, "NOT_UPHELD")));
        events.put("OPS-OLD", List.of(received("OPS-OLD", today.minusDays(60) + "T10:00:00Z", "First Response")));
        events.put("OPS-RISK", List.of(received("OPS-RISK", atRisk + "T10:00:00Z", "Disability Services")));
        events.put("OPS-RECENT", List.of(received("OPS-RECENT", today.minusDays(20) + "T10:00:00Z", "First Response"),
                responded("OPS-RECENT", today.minusDays(15) + "T10:00:00Z", 1, "TOTALLY_UPHELD")));
        events.put("OPS-ADULT", List.of(event("ComplaintReceived", "OPS-ADULT", today.minusDays(14) + "T10:00:00Z",
                "{\"regime\":\"ADULTS\",\"serviceArea\":\"Home Care\",\"complainantType\":\"ADULT_SERVICE_USER\"}")));
        events.put("OPS-CORP", List.of(event("ComplaintReceived", "OPS-CORP", today.minusDays(40) + "T10:00:00Z",
                "{\"regime\":\"CORPORATE\",\"serviceArea\":\"Highways\",\"complainantType\":\"OTHER_SUFFICIENT_INTEREST\"}")));
        events.put("OPS-CMP", List.of(event("ComplimentReceived", "OPS-CMP", "2015-10-01T10:00:00+01:00",
                "{\"serviceArea\":\"First Response\"}")));
        events.put("OPS-BAD", List.of("{\"eventId\": broken".getBytes(StandardCharsets.UTF_8)));
        events.put("OPS-PEER1", List.of(atPeer(received("OPS-PEER1", "2015-06-03T10:00:00+01:00", "First Response")),
                atPeer(responded("OPS-PEER1", "2015-06-24T10:00:00+01:00", 1, "TOTALLY_UPHELD"))));
        events.put("OPS-PEER2", List.of(atPeer(received("OPS-PEER2", "2015-07-01T10:00:00+01:00", "First Response")),
                atPeer(responded("OPS-PEER2", "2015-07-08T10:00:00+01:00", 1, "NOT_UPHELD"))));
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        // The Ombudsman's county average, before the authorities: read once the benchmarks hold both counties.
        records.add(new ProducerRecord<>(Names.AUTHORITIES_TOPIC, "ombudsman-average|county|2015/16|uphold-rate",
                ("{\"councilType\":\"county\",\"year\":\"2015/16\",\"measure\":\"uphold-rate\",\"percent\":\"54.5\","
                        + "\"source\":{\"title\":\"Annual review letter 2016\",\"year\":2016}}").getBytes(StandardCharsets.UTF_8)));
        for (String code : List.of(AUTHORITY, PEER)) {
            records.add(new ProducerRecord<>(Names.AUTHORITIES_TOPIC, code, ("{\"code\":\"" + code + "\",\"name\":\""
                    + code + " County Council\",\"onsCode\":\"" + code + "\",\"councilType\":\"county\",\"region\":\""
                    + REGION + "\",\"populations\":[{\"year\":\"2015/16\",\"residents\":675000,\"children\":138000}]}")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        fixtureLines().forEach(line -> records.add(new ProducerRecord<>(Names.EVENTS_TOPIC,
                parse(line).path("complaintId").asText(), line.getBytes(StandardCharsets.UTF_8))));
        events.forEach((key, values) -> values.forEach(v -> records.add(new ProducerRecord<>(Names.EVENTS_TOPIC, key, v))));
        send(records);
    }

    /** A contract event of the peer authority instead of the stack's own. */
    private static byte[] atPeer(byte[] event) {
        return new String(event, StandardCharsets.UTF_8).replace("\"authority\":\"" + AUTHORITY + "\"",
                "\"authority\":\"" + PEER + "\"").getBytes(StandardCharsets.UTF_8);
    }

    /** Publishes records on complaint-events, as an upstream system would. */
    void publish(String key, byte[]... values) {
        send(Stream.of(values).map(v -> new ProducerRecord<>(Names.EVENTS_TOPIC, key, v)).toList());
    }

    private void send(List<ProducerRecord<String, byte[]>> records) {
        KafkaRecords.publish(service.bootstrapServers(), records);
    }

    /** The demo fixture when the repository has one: three years of a realistic history. */
    private static List<String> fixtureLines() {
        Path fixtures = RepoFiles.ROOT.resolve("src/main/resources/fixtures");
        if (!Files.isDirectory(fixtures)) {
            return List.of();
        }
        return RepoFiles.list(fixtures, ".jsonl").stream().flatMap(f -> RepoFiles.read(f).lines())
                .filter(l -> !l.isBlank()).toList();
    }

    private void awaitEveryKindOfData() {
        await("service ready with KPIs, every kind of deadline alert and a dead letter").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                    if (get("/ready").statusCode() != 200) {
                        return false;
                    }
                    JsonNode alerts = parse(get("/api/v1/alerts").body());
                    List<String> kinds = alerts.findValuesAsText("kind");
                    return kinds.containsAll(List.of("BREACHED", "AT_RISK", "STAGE2_MUST_BE_OFFERED",
                            "ACKNOWLEDGEMENT_OVERDUE"))
                            && alerts.findValuesAsText("regime").containsAll(List.of("CHILDREN", "ADULTS", "CORPORATE"))
                            && parse(get("/api/v1/dlq").body()).path("records").asLong() >= 1
                            && parse(get("/api/v1/kpis/received?period=2015/16").body())
                            .at("/receivedByStage/2").asLong() >= 1
                            && parse(get("/api/v1/benchmarks?authority=" + AUTHORITY + "&year=2015/16").body())
                            .at("/rows/3/councilType/statistics/count").asInt() == 2;
                });
    }

    private HttpResponse<String> send(URI uri) {
        return send(uri, null);
    }

    private HttpResponse<String> send(URI uri, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (prometheus != null) {
            prometheus.destroy();
            try {
                if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                prometheus.destroyForcibly();
            }
        }
        service.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless.
        }
    }
}
