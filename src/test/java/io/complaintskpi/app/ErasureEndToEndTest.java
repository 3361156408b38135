package io.complaintskpi.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.catalogue.KpiDefinition.Unit;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.contributions.OfflineReplay;
import io.complaintskpi.demo.DemoPublisher;
import io.complaintskpi.demo.FixtureReader;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.figures.Figure;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.publish.EventPublisher;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import io.complaintskpi.testing.KafkaRecords;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 23, item 10: erasing one complaint on the embedded broker. The seed fixture is published and counted;
 * the service is stopped, {@link Erasure} run, the service started again. Afterwards no record of any topic
 * (events, dead letters, alerts, every changelog and repartition topic) holds the reference, the complaint is
 * unknown to the API, and every figure of the seed years is what the fixture without that complaint gives: the
 * complaint's own contribution gone, nothing else changed. Control: before the erasure the same scan finds the
 * reference in the events, the alerts and the changelogs.
 */
class ErasureEndToEndTest {

    private static final String ERASED = "CS-2015-043";
    private static final String AUTHORITY = "E10000018";
    private static final List<String> YEARS = List.of("2013/14", "2014/15", "2015/16");
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @TempDir
    Path dataDir;

    @Test
    void erasingAComplaintRemovesEveryRecordOfItAndChangesNoOtherFigure() {
        ServiceConfig config = EndToEndScenario.config(dataDir, "");
        List<EventEnvelope> fixture = FixtureReader.withSchemas().seedFixture();
        List<EventEnvelope> without = fixture.stream().filter(e -> !e.complaintId().equals(ERASED)).toList();
        assertThat(without).hasSizeLessThan(fixture.size());
        Map<String, Long> before = expected(config, fixture);
        Map<String, Long> after = expected(config, without);
        assertThat(after).as("the complaint counts in the seed years' figures").isNotEqualTo(before);

        try (ComplaintsService service = ComplaintsService.start(config)) {
            try (Producer<String, byte[]> producer = EventPublisher.createProducer(service.bootstrapServers())) {
                DemoPublisher.publishAll(fixture, producer);
            }
            ServiceClient client = new ServiceClient(service);
            awaitFigures(client, before);
            assertThat(client.get("/api/v1/complaints/" + ERASED).status()).isEqualTo(200);
            await("its alerts published").atMost(PATIENCE).until(() -> !holding(service.bootstrapServers()).isEmpty()
                    && holding(service.bootstrapServers()).stream().anyMatch(t -> t.equals("complaint-alerts")));
            assertThat(holding(service.bootstrapServers())).as("topics holding the reference before erasure")
                    .contains("complaint-events", "complaint-alerts")
                    .anyMatch(t -> t.endsWith("-changelog"));
        }

        Erasure.Result result = Erasure.erase(config, ERASED);
        assertThat(result.removed().get("complaint-events")).isEqualTo(fixture.size() - without.size());
        assertThat(result.removed().get("complaint-alerts")).isPositive();
        assertThat(result.internalTopicsDeleted()).anyMatch(t -> t.endsWith("-changelog"));

        try (ComplaintsService service = ComplaintsService.start(config)) {
            ServiceClient client = new ServiceClient(service);
            assertThat(client.readAll("complaint-events")).as("the events kept").hasSize(without.size());
            awaitFigures(client, after);
            assertThat(client.ok("/api/v1/dlq").get("records").asLong()).as("records rejected by the replay").isZero();
            assertThat(client.get("/api/v1/complaints/" + ERASED).status()).isEqualTo(404);
            assertThat(holding(service.bootstrapServers())).as("topics holding the reference after erasure").isEmpty();
        }
    }

    /** Every count and sum of money of the seed years, as the offline replay of {@code events} gives them. */
    private static Map<String, Long> expected(ServiceConfig config, List<EventEnvelope> events) {
        DomainRules rules = DomainWiring.rules(config);
        KpiEvaluator catalogue = new KpiEvaluator(new OfflineReplay(rules.machine(), rules.contributions())
                .replay(events).series());
        Map<String, Long> figures = new TreeMap<>();
        for (String year : YEARS) {
            for (Figure f : catalogue.snapshot(AUTHORITY, Period.financialYear(FinancialYear.parse(year))).figures()) {
                if (f.unit() != Unit.PERCENT && f.count() != null) {
                    figures.put(year + " " + f.id() + (f.dimension() == null ? "" : "/" + f.dimension()), f.count());
                }
            }
        }
        return figures;
    }

    /** Waits until the service's figures are {@code expected}: every event counted. */
    private static void awaitFigures(ServiceClient client, Map<String, Long> expected) {
        await("the service's figures as expected").atMost(PATIENCE).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions().untilAsserted(() -> assertThat(served(client)).isEqualTo(expected));
    }

    private static Map<String, Long> served(ServiceClient client) {
        Map<String, Long> figures = new TreeMap<>();
        for (String year : YEARS) {
            JsonNode kpis = client.ok("/api/v1/kpis?year=" + year + "&public=false");
            assertThat(kpis).isNotNull();
            for (JsonNode row : kpis.get("rows")) {
                if (!row.get("unit").asText().equals("PERCENT") && !row.get("value").isNull()) {
                    figures.put(year + " " + row.get("id").asText() + (row.get("dimension").isNull() ? ""
                            : "/" + row.get("dimension").asText()), row.get("value").longValue());
                }
            }
        }
        return figures;
    }

    /** The topics with a committed record whose key or value holds the reference. */
    private static List<String> holding(String bootstrap) {
        byte[] reference = ERASED.getBytes(StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String topic : admin.listTopics().names().get()) {
                for (ConsumerRecord<String, byte[]> r : KafkaRecords.readAll(bootstrap, topic, Duration.ofSeconds(60))) {
                    if ((r.key() != null && r.key().contains(ERASED)) || contains(r.value(), reference)) {
                        found.add(topic);
                        break;
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static boolean contains(byte[] value, byte[] part) {
        if (value == null) {
            return false;
        }
        outer:
        for (int i = 0; i + part.length <= value.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (value[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
