package io.complaintskpi.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.app.ComplaintsService;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.demo.DemoPublisher;
import io.complaintskpi.demo.FixtureReader;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.publish.EventPublisher;
import io.complaintskpi.streams.Names;
import io.complaintskpi.testing.KafkaRecords;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;

/**
 * The service on its embedded broker in a temporary folder, with the whole seed fixture published and
 * processed, and beside it, under its own authority, the three regimes' hand-made year as far as it has happened
 * ({@link RegimesFixture#publishable()}):
 * started once for all the report tests of a JVM (JUnit's root store) and closed, its folder deleted, when they
 * have all run. Test classes get it with {@code @ExtendWith(SeedService.Resolver.class)}
 * and a {@code SeedService} parameter.
 */
final class SeedService implements AutoCloseable {

    static final String AUTHORITY = "E10000018";
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /** Covers 2015/16, 2014/15 beside it and, in table 8, 2013/14. */
    private static final String SETTLED_PROBE = "/api/v1/reports/annual?year=2015/16";

    private final Path dataDir;
    private final ComplaintsService service;
    private final HttpClient http = HttpClient.newHttpClient();

    private SeedService(Path dataDir, ComplaintsService service) {
        this.dataDir = dataDir;
        this.service = service;
    }

    /** Hands the shared instance to test classes, starting it on first use. */
    static final class Resolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SeedService.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.create(SeedService.class))
                    .computeIfAbsent(SeedService.class, key -> start(), SeedService.class);
        }
    }

    private static SeedService start() {
        Path dataDir = createTempDirectory();
        ComplaintsService service = ComplaintsService.start(config(dataDir));
        SeedService seed = new SeedService(dataDir, service);
        try {
            try (Producer<String, byte[]> producer = EventPublisher.createProducer(service.bootstrapServers())) {
                DemoPublisher.publishAll(FixtureReader.withSchemas().seedFixture(), producer);
                DemoPublisher.publishAll(RegimesFixture.publishable(), producer);
            }
            seed.awaitSettled();
            return seed;
        } catch (RuntimeException e) {
            seed.close();
            throw e;
        }
    }

    private static ServiceConfig config(Path dataDir) {
        Properties file = new Properties();
        file.setProperty("data.dir", dataDir.toString());
        file.setProperty("http.host", "127.0.0.1");
        file.setProperty("http.port", "0");
        file.setProperty("kafka.bootstrap-servers", "");
        file.setProperty("authority.default", AUTHORITY);
        file.setProperty("authority.names", AUTHORITY + "=Leicestershire County Council");
        return ServiceConfig.load(Map.of(), file, Map.of());
    }

    /**
     * The events are spread over partitions, so stage 1 reaching 65 does not mean the rest is counted:
     * wait for that, then for every event to be consumed (the group's committed offsets at the end of the
     * input topic), then for the report to read the same twice in a row (the sums run one repartition
     * hop behind the lifecycle).
     */
    private void awaitSettled() {
        await("2015/16 stage 1 complaints reach 65").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> stage1Received2015() == 65);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                service.bootstrapServers()))) {
            await("every seed event consumed").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                    .until(() -> KafkaRecords.lag(admin, service.config().applicationId(),
                            Names.EVENTS_TOPIC) == 0);
        }
        String[] last = {""};
        await("the 2015/16 report stable").atMost(PATIENCE).pollDelay(Duration.ofSeconds(1))
                .pollInterval(Duration.ofSeconds(2)).until(() -> {
                    // Each answer states when it was made: compare the figures only.
                    String now = get(SETTLED_PROBE).text().replaceAll("\"generatedAt\":\"[^\"]*\"", "");
                    boolean stable = now.equals(last[0]);
                    last[0] = now;
                    return stable;
                });
    }

    private long stage1Received2015() {
        Response kpis = get("/api/v1/kpis?year=2015/16&prefix=stage1.received");
        if (kpis.status() != 200) {
            return -1;
        }
        for (JsonNode row : kpis.body().get("rows")) {
            if (row.get("id").asText().equals("stage1.received")) {
                return row.get("value").asLong();
            }
        }
        return -1;
    }

    record Response(int status, String contentType, String text, JsonNode body) {
    }

    String baseUrl() {
        return "http://127.0.0.1:" + service.httpPort();
    }

    int httpPort() {
        return service.httpPort();
    }

    /** GET on the service; {@code body} is the parsed JSON, or null for CSV and HTML. */
    Response get(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = type.startsWith("application/json") ? EventCodec.MAPPER.readTree(response.body()) : null;
            return new Response(response.statusCode(), type, response.body(), body);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET that must answer 200 with JSON. */
    JsonNode json(String pathAndQuery) {
        Response response = get(pathAndQuery);
        if (response.status() != 200 || response.body() == null) {
            throw new AssertionError("GET " + pathAndQuery + " -> " + response.status() + ": " + response.text());
        }
        return response.body();
    }

    /** The rows of {@code /api/v1/kpis} by {@code id} or {@code id/dimension}. */
    Map<String, JsonNode> kpis(String query) {
        JsonNode rows = json("/api/v1/kpis?" + query).get("rows");
        Function<JsonNode, String> key = row -> row.get("dimension").isNull() ? row.get("id").asText()
                : row.get("id").asText() + "/" + row.get("dimension").asText();
        return StreamSupport.stream(rows.spliterator(), false).collect(Collectors.toMap(key, Function.identity()));
    }

    @Override
    public void close() {
        service.close();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A leftover temporary folder is harmless.
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("complaints-kpi-seed-report-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
