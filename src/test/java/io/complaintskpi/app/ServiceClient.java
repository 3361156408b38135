package io.complaintskpi.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.streams.Names;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Talks to a running service the way its users do: Kafka records in, HTTP out. */
final class ServiceClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String bootstrap;

    ServiceClient(ComplaintsService service) {
        this(service.httpPort(), service.bootstrapServers());
    }

    /** A service on {@code port} using the cluster at {@code bootstrap}, e.g. one in another JVM. */
    ServiceClient(int port, String bootstrap) {
        this.port = port;
        this.bootstrap = bootstrap;
    }

    record Response(int status, JsonNode body, String text) {
    }

    Response get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
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

    void publish(String key, byte[]... values) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(Names.EVENTS_TOPIC, key, value));
            }
            producer.flush();
        }
    }

    /** Every committed record now on the topic: reads each partition up to its end offset. */
    List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
