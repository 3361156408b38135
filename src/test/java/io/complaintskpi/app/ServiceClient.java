package io.complaintskpi.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.streams.Names;
import io.complaintskpi.testing.KafkaRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Talks to a running service the way its users do: Kafka records in, HTTP out. */
final class ServiceClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String bootstrap;
    private final String token;

    ServiceClient(ComplaintsService service) {
        this(service.httpPort(), service.bootstrapServers());
    }

    /** A service on {@code port} using the cluster at {@code bootstrap}, e.g. one in another JVM. */
    ServiceClient(int port, String bootstrap) {
        this(port, bootstrap, null);
    }

    private ServiceClient(int port, String bootstrap, String token) {
        this.port = port;
        this.bootstrap = bootstrap;
        this.token = token;
    }

    /** The same client sending {@code token} with every GET, for a service with http.tokens. */
    ServiceClient withToken(String token) {
        return new ServiceClient(port, bootstrap, token);
    }

    record Response(int status, JsonNode body, String text) {
    }

    Response get(String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            try {
                body = EventCodec.MAPPER.readTree(response.body());
            } catch (IOException notJson) {
                // Prometheus text, CSV and HTML are read as text.
            }
            return new Response(response.statusCode(), body, response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JSON body of a 200 answer; null for any other answer or none (the service is down or starting). */
    JsonNode ok(String path) {
        try {
            Response response = get(path);
            return response.status() == 200 ? response.body() : null;
        } catch (IllegalStateException unreachable) {
            return null;
        }
    }

    /** Publishes on complaint-events, as an upstream system would; fails unless the broker stored every one. */
    void publish(String key, byte[]... values) {
        KafkaRecords.publish(bootstrap, Stream.of(values)
                .map(v -> new ProducerRecord<>(Names.EVENTS_TOPIC, key, v)).toList());
    }

    /** Every committed record now on the topic ({@link KafkaRecords#readAll}: fails rather than cut short). */
    List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return KafkaRecords.readAll(bootstrap, topic, Duration.ofSeconds(60));
    }
}
