package io.complaintskpi.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.importing.Delivery;
import io.complaintskpi.importing.ReadEvent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An import's events to a running service's {@code POST /api/v1/events} as NDJSON batches (docs/http-api.md): the
 * service validates them again, produces them to the events topic and answers each by its index in the batch
 * (202 all accepted, 207 some, 400 none). A batch over the service's limit (413) is split in two and each half
 * sent again, so the batch size need not match the service's limit.
 */
public final class HttpDelivery implements Delivery {

    static final String PATH = "/api/v1/events";
    private static final String NO_LATER_CHECKS = "checks that need a complaint's history happen in the service:"
            + " see GET /api/v1/dlq";

    private final URI endpoint;
    private final String token;
    private final HttpClient http;
    private String laterChecks = NO_LATER_CHECKS;

    /** {@code baseUrl}: the service, e.g. http://localhost:7070; {@code token}: a publisher's, or empty. */
    public HttpDelivery(URI baseUrl, String token) {
        this.endpoint = URI.create(baseUrl.toString().replaceAll("/+$", "") + PATH);
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public String destination() {
        return endpoint.toString();
    }

    @Override
    public List<Answer> deliver(List<ReadEvent.Valid> batch) {
        HttpResponse<byte[]> response = post(batch);
        int status = response.statusCode();
        if (status == 413) {
            if (batch.size() == 1) {
                return List.of(Answer.rejected("refused as too large (413): " + message(response)));
            }
            List<Answer> answers = new ArrayList<>(deliver(batch.subList(0, batch.size() / 2)));
            answers.addAll(deliver(batch.subList(batch.size() / 2, batch.size())));
            return answers;
        }
        if (status != 202 && status != 207 && status != 400) {
            throw new Failed("POST " + endpoint + " answered " + status + ": " + message(response)
                    + (status == 401 || status == 403 ? " (a publisher's token: COMPLAINTS_API_TOKEN or --token-file)"
                    : ""));
        }
        return answers(batch.size(), response);
    }

    @Override
    public String laterChecks() {
        return laterChecks;
    }

    @Override
    public void close() {
        // HttpClient holds no resource that outlives its requests on Java 17
    }

    private HttpResponse<byte[]> post(List<ReadEvent.Valid> batch) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (ReadEvent.Valid event : batch) {
            body.writeBytes(event.json());
            body.write('\n');
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Failed("cannot reach " + endpoint + " (is the service running?): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while sending to " + endpoint);
        }
    }

    /** One answer per event of the batch, from the service's results by index. */
    private List<Answer> answers(int size, HttpResponse<byte[]> response) {
        JsonNode body;
        try {
            body = EventCodec.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new Failed("POST " + endpoint + " answered " + response.statusCode() + " with no JSON: "
                    + message(response));
        }
        if (body.hasNonNull("laterChecks")) {
            laterChecks = body.get("laterChecks").asText();
        }
        Answer[] answers = new Answer[size];
        for (JsonNode result : body.path("results")) {
            int index = result.path("index").asInt(-1);
            if (index < 0 || index >= size) {
                continue;
            }
            answers[index] = "accepted".equals(result.path("status").asText())
                    ? Answer.accepted(result.hasNonNull("partition") ? result.get("partition").asInt() : null,
                    result.hasNonNull("offset") ? result.get("offset").asLong() : null)
                    : Answer.rejected(result.path("reason").asText("refused, no reason given"));
        }
        for (int i = 0; i < size; i++) {
            if (answers[i] == null) {
                throw new Failed("POST " + endpoint + " answered " + response.statusCode()
                        + " without a result for event " + i + " of the batch: " + message(response));
            }
        }
        return List.of(answers);
    }

    /** The service's error message, else the body's first line (capped). */
    private static String message(HttpResponse<byte[]> response) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        try {
            JsonNode json = EventCodec.MAPPER.readTree(text);
            if (json != null && json.hasNonNull("error")) {
                return json.get("error").asText();
            }
        } catch (IOException e) {
            // not JSON: the text as it is
        }
        String first = text.lines().findFirst().orElse("(empty body)");
        return first.length() <= 200 ? first : first.substring(0, 200) + "...";
    }
}
