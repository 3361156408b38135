package io.complaintskpi.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.testing.KafkaRecords;
import io.complaintskpi.broker.EmbeddedKafkaBroker;
import io.complaintskpi.broker.TopicProvisioner;
import io.complaintskpi.broker.TopicSpecs;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.streams.Names;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.complaintskpi.testing.ContractEvents.received;
import static io.complaintskpi.testing.ContractEvents.responded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replay of thousands of complaints closed long ago, waiting on the embedded broker when the service
 * starts, plus one complaint still open and overdue: the service works through the backlog with its
 * deadline alerts held, and then pages for the open complaint only.
 */
class BacklogReplayEndToEndTest {

    private static final int CLOSED = 2_000;
    private static final Duration PATIENCE = Duration.ofSeconds(240);

    @TempDir
    Path brokerDir;
    @TempDir
    Path dataDir;

    @Test
    void aReplayOfClosedComplaintsPagesOnlyForTheOneStillOpen() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(brokerDir)) {
            TopicProvisioner.provision(broker.bootstrapServers(), TopicSpecs.load());
            String open = LocalDate.now(ZoneOffset.UTC).minusDays(60) + "T10:00:00Z";
            publishBacklog(broker.bootstrapServers(), open);

            try (ComplaintsService service = ComplaintsService.start(
                    EndToEndScenario.config(dataDir, broker.bootstrapServers()))) {
                ServiceClient client = new ServiceClient(service);
                await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                        .until(() -> alerts(client).stream().anyMatch(a -> a.get("kind").asText().equals("BREACHED")));
                await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    ServiceClient.Response all = client.get("/api/v1/complaints?status=all&limit=5000");
                    return all.status() == 200 && all.body().get("count").asInt() == CLOSED + 1;
                });
                // Every answer worked through too, on every partition: the receipts alone can be counted while a
                // partition still catches up on the answers, its complaints still open (and overdue) meanwhile.
                await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    ServiceClient.Response stillOpen = client.get("/api/v1/complaints?status=open");
                    return stillOpen.status() == 200 && stillOpen.body().get("count").asInt() == 1;
                });
                // Several more scans: still nothing for the history.
                await().pollDelay(Duration.ofSeconds(4)).atMost(PATIENCE).until(() -> true);

                List<JsonNode> published = alerts(client);
                assertThat(published).extracting(a -> a.get("complaintId").asText()).containsOnly("OPEN-1");
                assertThat(published).extracting(a -> a.get("kind").asText())
                        .containsExactlyInAnyOrder("BREACHED", "STAGE2_MUST_BE_OFFERED");
                assertThat(client.get("/api/v1/alerts").body().get("count").asInt()).isEqualTo(2);
                assertThat(client.get("/api/v1/complaints?status=overdue").body()
                        .findValuesAsText("complaintId")).containsExactly("OPEN-1");
            }
        }
    }

    /** Every receipt, then every (late) answer, as years of history arrive; the open complaint among them. */
    private static void publishBacklog(String bootstrap, String openReceivedAt) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        LocalDate first = LocalDate.parse("2012-04-02");
        for (int i = 0; i < CLOSED; i++) {
            String id = "H-" + i;
            records.add(event(id, received(id, first.plusDays(i) + "T10:00:00Z", "Area " + (i % 9))));
            if (i == CLOSED / 2) {
                records.add(event("OPEN-1", received("OPEN-1", openReceivedAt, "Fostering")));
            }
        }
        for (int i = 0; i < CLOSED; i++) {
            String id = "H-" + i;
            records.add(event(id, responded(id, first.plusDays(i + 45) + "T10:00:00Z", 1, "PARTLY_UPHELD")));
        }
        KafkaRecords.publish(bootstrap, records); // fails unless every backlog record reached the broker
    }

    private static ProducerRecord<String, byte[]> event(String key, byte[] value) {
        return new ProducerRecord<>(Names.EVENTS_TOPIC, key, value);
    }

    private static List<JsonNode> alerts(ServiceClient client) {
        return client.readAll(Names.ALERTS_TOPIC).stream().map(r -> {
            try {
                return EventCodec.MAPPER.readTree(r.value());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
