package io.complaintskpi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.complaintskpi.events.EventCodec;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a service's {@code POST /api/v1/events}, answering by the documented contract (202 all accepted,
 * 207 mixed, 400 none, 413 over its batch limit, 401 without its token), for testing a client alone: an event
 * whose complaintId starts with {@code REFUSED} is refused with a reason, every other one accepted at the next
 * offset. It keeps each batch it was sent.
 */
public final class EventsEndpointStub implements AutoCloseable {

    private final HttpServer server;
    private final String token;
    private final int maxBatch;
    private final List<List<JsonNode>> batches = new CopyOnWriteArrayList<>();
    private long offset;

    public EventsEndpointStub(String token, int maxBatch) throws IOException {
        this.token = token;
        this.maxBatch = maxBatch;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/events", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every batch that was answered 202, 207 or 400, as sent. */
    public List<List<JsonNode>> batches() {
        return batches;
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"status\":401,\"error\":\"a valid bearer token is needed\"}");
            return;
        }
        List<String> lines = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank()).toList();
        if (lines.size() > maxBatch) {
            answer(exchange, 413, "{\"status\":413,\"error\":\"at most " + maxBatch + " events per request\"}");
            return;
        }
        ObjectNode body = EventCodec.MAPPER.createObjectNode();
        ArrayNode results = EventCodec.MAPPER.createArrayNode();
        List<JsonNode> batch = new java.util.ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode event = EventCodec.MAPPER.readTree(lines.get(i));
            batch.add(event);
            ObjectNode result = results.addObject().put("index", i);
            if (event.path("complaintId").asText().startsWith("REFUSED")) {
                result.put("status", "rejected").put("reason", "refused by the stub: " + event.path("complaintId")
                        .asText());
            } else {
                accepted++;
                result.put("status", "accepted").put("eventId", event.path("eventId").asText()).put("partition", 0)
                        .put("offset", offset++);
            }
        }
        batches.add(batch);
        body.put("accepted", accepted).put("rejected", lines.size() - accepted).set("results", results);
        body.put("laterChecks", "the stub's later checks");
        answer(exchange, accepted == lines.size() ? 202 : accepted == 0 ? 400 : 207, body.toString());
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
