package io.complaintskpi.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.streams.Names;
import io.complaintskpi.testing.KafkaRecords;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.complaintskpi.testing.ContractEvents.event;
import static io.complaintskpi.testing.ContractEvents.received;
import static io.complaintskpi.testing.ContractEvents.responded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.complaintskpi.testing.TokenHashes.sha256;

/**
 * {@code POST /api/v1/events} against the embedded broker: the good events of a batch are stored and counted
 * once however often the batch is sent, the bad ones answered with reasons and never on the topic; the limits,
 * the forms and who may send.
 */
class HttpIngestEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String VIEWER = "viewer-token";
    private static final String CASEWORKER = "caseworker-token";
    private static final String PUBLISHER = "publisher-token";
    private static final int MAX_BYTES = 8192;
    private static final int MAX_EVENTS = 20;

    @TempDir
    static Path dataDir;
    private static ComplaintsService service;
    private static ServiceClient kafka;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        service = ComplaintsService.start(EndToEndScenario.config(dataDir, "", Map.of(
                "http.tokens", "viewer:" + sha256(VIEWER) + ",caseworker:"
                        + sha256(CASEWORKER) + ",publisher:"
                        + sha256(PUBLISHER),
                "http.ingest-max-bytes", Integer.toString(MAX_BYTES),
                "http.ingest-max-events", Integer.toString(MAX_EVENTS))));
        kafka = new ServiceClient(service);
    }

    @AfterAll
    static void stop() {
        service.close();
    }


    /** A counter's value on /metrics, read as Prometheus would with tokens configured: with a token. */
    private double metric(String name) throws Exception {
        String text = text(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort()
                + "/metrics")).header("Authorization", "Bearer " + VIEWER).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.E]+)$")
                .matcher(text);
        assertThat(m.find()).as(name + " on /metrics").isTrue();
        return Double.parseDouble(m.group(2));
    }

    record Answer(int status, JsonNode body) {
    }

    private Answer post(String token, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort()
                + "/api/v1/events")).timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), EventCodec.MAPPER.readTree(response.body()));
    }

    private Answer postJson(List<byte[]> events) throws Exception {
        return post(PUBLISHER, "application/json", array(events));
    }

    private int get(String token, String path) throws Exception {
        return getJson(token, path).status();
    }

    private Answer getJson(String token, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + service.httpPort() + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = null;
        try {
            body = EventCodec.MAPPER.readTree(response.body());
        } catch (IOException prometheusText) {
            // /metrics
        }
        return new Answer(response.statusCode(), body);
    }

    private static byte[] array(List<byte[]> events) {
        return ("[" + events.stream().map(e -> new String(e, StandardCharsets.UTF_8)).collect(Collectors.joining(","))
                + "]").getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Stage 1 complaints received in 2015/16, over HTTP as a viewer. */
    private long receivedIn201516() throws Exception {
        Answer kpis = getJson(VIEWER, "/api/v1/kpis/received?year=2015/16");
        return kpis.status() == 200 ? kpis.body().at("/receivedByStage/1").asLong() : -1;
    }

    @Test
    void aBatchSentTwiceIsCountedOnceAndItsBadEventsAreAnsweredAndNeverStored() throws Exception {
        UUID receivedA = UUID.randomUUID();
        UUID badCost = UUID.randomUUID();
        List<byte[]> batch = List.of(
                event(receivedA, "ComplaintReceived", "B-1", "2015-06-03T10:00:00+01:00", "{\"regime\":\"CHILDREN\","
                        + "\"serviceArea\":\"First Response\",\"complainantType\":\"PARENT\"}"),
                received("B-2", "2015-06-04T10:00:00+01:00", "Fostering"),
                event(badCost, "CostIncurred", "B-1", "2015-06-05T10:00:00+01:00",
                        "{\"category\":\"FINANCIAL_REDRESS\",\"amountPence\":-5}"),
                event("ComplaintReopened", "B-1", "2015-06-06T10:00:00+01:00", "{}"),
                responded("B-1", "2015-06-10T10:00:00+01:00", 1, "PARTLY_UPHELD"),
                "{\"eventId\":\"x\",\"eventId\":\"y\"}".getBytes(StandardCharsets.UTF_8),
                // Valid by the contract, impossible after B-1's answer: accepted here, refused by the stream.
                event("ComplaintWithdrawn", "B-1", "2015-06-20T10:00:00+01:00", "{}"));

        double acceptedBefore = metric("complaints_kpi_ingest_accepted_total");
        double rejectedBefore = metric("complaints_kpi_ingest_rejected_total");
        Answer first = postJson(batch);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(207);
        assertThat(first.body().get("accepted").asInt()).isEqualTo(4);
        assertThat(first.body().get("rejected").asInt()).isEqualTo(3);
        assertThat(first.body().get("results").findValuesAsText("status")).containsExactly("accepted", "accepted",
                "rejected", "rejected", "accepted", "rejected", "accepted");
        JsonNode results = first.body().get("results");
        assertThat(results.get(0).get("eventId").asText()).isEqualTo(receivedA.toString());
        assertThat(results.get(2).get("eventId").asText()).isEqualTo(badCost.toString());
        assertThat(results.get(2).get("reason").asText()).contains("$.data.amountPence");
        assertThat(results.get(3).get("reason").asText()).isEqualTo("InvalidEventException: unknown eventType '...'");
        assertThat(results.get(5).get("reason").asText()).contains("Duplicate field");
        assertThat(results.get(5).get("eventId").isNull()).isTrue();
        assertThat(first.body().get("laterChecks").asText()).contains("/api/v1/dlq");

        Answer second = postJson(batch);
        assertThat(second.status()).isEqualTo(207);
        assertThat(second.body().get("results").findValuesAsText("status"))
                .isEqualTo(first.body().get("results").findValuesAsText("status"));

        // Each accepted answer names the record Kafka holds; every good event is there twice, no bad one at all.
        List<ConsumerRecord<String, byte[]>> topic = kafka.readAll(Names.EVENTS_TOPIC);
        for (Answer answer : List.of(first, second)) {
            for (JsonNode result : answer.body().get("results")) {
                if (result.get("status").asText().equals("accepted")) {
                    ConsumerRecord<String, byte[]> stored = topic.stream()
                            .filter(r -> r.partition() == result.get("partition").asInt()
                                    && r.offset() == result.get("offset").asLong()).findFirst().orElseThrow();
                    assertThat(text(stored.value())).contains(result.get("eventId").asText());
                    assertThat(stored.key()).isEqualTo(EventCodec.MAPPER.readTree(stored.value())
                            .get("complaintId").asText());
                }
            }
        }
        assertThat(topic).filteredOn(r -> text(r.value()).contains(receivedA.toString())).hasSize(2);
        assertThat(topic).noneMatch(r -> text(r.value()).contains(badCost.toString())
                || text(r.value()).contains("ComplaintReopened") || text(r.value()).contains("\"x\""));

        // The stream has read both copies of everything, on every partition.
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", service.bootstrapServers()))) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> KafkaRecords.consumedToEnd(
                    admin, service.config().applicationId(), Names.EVENTS_TOPIC));
        }
        // The stream's own checks: the withdrawal after B-1's answer is dead-lettered, each copy.
        await().atMost(PATIENCE).until(() -> getJson(CASEWORKER, "/api/v1/dlq").body().get("records").asLong() == 2);
        assertThat(getJson(CASEWORKER, "/api/v1/dlq").body().get("recent").findValuesAsText("reason"))
                .hasSize(2).allSatisfy(reason -> assertThat(reason).contains("no stage is open to withdraw"));
        // Counted once: the stream has read past both copies of everything, and holds one of each.
        assertThat(receivedIn201516()).isEqualTo(2);
        assertThat(kpi("2015/16", "stage1.outcome.partly_upheld")).isEqualTo(1);
        JsonNode story = getJson(CASEWORKER, "/api/v1/complaints/B-1").body();
        assertThat(story.get("events").findValuesAsText("type")).containsExactly("ComplaintReceived",
                "StageResponded");
        assertThat(metric("complaints_kpi_ingest_accepted_total") - acceptedBefore).isEqualTo(8);
        assertThat(metric("complaints_kpi_ingest_rejected_total") - rejectedBefore).isEqualTo(6);
    }

    /** One KPI's value for a financial year, as a viewer reads it. */
    private long kpi(String year, String id) throws Exception {
        for (JsonNode row : getJson(VIEWER, "/api/v1/kpis?year=" + year + "&prefix=" + id).body().get("rows")) {
            if (row.get("id").asText().equals(id)) {
                return row.get("value").asLong();
            }
        }
        throw new AssertionError("no KPI " + id);
    }

    @Test
    void ndjsonAndASingleEventAreTakenAsWell() throws Exception {
        String ndjson = text(received("N-1", "2016-05-04T10:00:00Z", "First Response")) + "\n\n"
                + text(received("N-2", "2016-05-05T10:00:00Z", "First Response")) + "\n";
        Answer lines = post(PUBLISHER, "application/x-ndjson", ndjson.getBytes(StandardCharsets.UTF_8));
        assertThat(lines.status()).as(lines.body().toString()).isEqualTo(202);
        assertThat(lines.body().get("results").findValuesAsText("status")).containsExactly("accepted", "accepted");
        assertThat(lines.body().get("results").findValuesAsText("index")).containsExactly("0", "1");

        Answer one = post(PUBLISHER, "application/json; charset=utf-8",
                received("N-3", "2016-05-06T10:00:00Z", "First Response"));
        assertThat(one.status()).isEqualTo(202);
        assertThat(one.body().get("accepted").asInt()).isEqualTo(1);

        Answer none = post(PUBLISHER, "application/x-ndjson", "{\"eventId\": broken\n".getBytes(StandardCharsets.UTF_8));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().at("/results/0/reason").asText()).contains("malformed JSON");

        Answer malformed = post(PUBLISHER, "application/json", "[{\"eventId\": ]".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("error").asText()).startsWith("malformed JSON at line 1").contains("none was taken");
        assertThat(post(PUBLISHER, "text/plain", received("N-4", "2016-05-06T10:00:00Z", "First Response")).status())
                .isEqualTo(415);
        for (String id : List.of("N-1", "N-2", "N-3")) {
            await().atMost(PATIENCE).until(() -> getJson(CASEWORKER, "/api/v1/complaints/" + id).status() == 200);
        }
    }

    @Test
    void aBodyOrBatchOverItsLimitIsRefusedNamingTheLimitAndNothingIsStored() throws Exception {
        UUID marker = UUID.randomUUID();
        List<byte[]> tooMany = new ArrayList<>();
        tooMany.add(event(marker, "ComplaintReceived", "L-1", "2016-05-04T10:00:00Z", "{\"regime\":\"CHILDREN\","
                + "\"serviceArea\":\"First Response\",\"complainantType\":\"PARENT\"}"));
        IntStream.range(0, MAX_EVENTS).forEach(i -> tooMany.add("{}".getBytes(StandardCharsets.UTF_8)));
        Answer events = postJson(tooMany);
        assertThat(events.status()).isEqualTo(413);
        assertThat(events.body().get("error").asText()).contains(MAX_EVENTS + " events", "http.ingest-max-events");

        List<byte[]> big = List.of(event(marker, "ComplaintReceived", "L-1", "2016-05-04T10:00:00Z",
                "{\"regime\":\"CHILDREN\",\"serviceArea\":\"First Response\",\"complainantType\":\"PARENT\","
                        + "\"notes\":\"" + "x".repeat(MAX_BYTES) + "\"}"));
        Answer bytes = postJson(big);
        assertThat(bytes.status()).isEqualTo(413);
        assertThat(bytes.body().get("error").asText()).contains(MAX_BYTES + " bytes", "http.ingest-max-bytes");
        // Chunked, so no Content-Length tells the size in advance: still refused, by reading past the limit.
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + service.httpPort() + "/api/v1/events")).header("Authorization", "Bearer " + PUBLISHER)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(array(big)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);

        assertThat(kafka.readAll(Names.EVENTS_TOPIC)).noneMatch(r -> text(r.value()).contains(marker.toString()));
    }

    @Test
    void onlyAPublisherSendsAndAPublisherReadsNothing() throws Exception {
        byte[] one = received("R-1", "2016-05-04T10:00:00Z", "First Response");
        for (String reader : List.of(VIEWER, CASEWORKER)) {
            Answer refused = post(reader, "application/json", one);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body().get("error").asText()).contains("may not send to /api/v1/events", "publisher");
        }
        assertThat(post(null, "application/json", one).status()).isEqualTo(401);
        for (String read : List.of("/api/v1/kpis?year=2015/16", "/api/v1/kpis/received?year=2015/16", "/api/v1/dlq",
                "/api/v1/complaints", "/api/v1/alerts", "/api/v1/complaints/B-1", "/api/v1/authorities", "/api/v1")) {
            assertThat(get(PUBLISHER, read)).as(read).isEqualTo(403);
        }
        assertThat(kafka.readAll(Names.EVENTS_TOPIC)).noneMatch(r -> r.key().equals("R-1"));
        assertThat(get(VIEWER, "/api/v1/kpis/definitions")).isEqualTo(200);
    }
}
