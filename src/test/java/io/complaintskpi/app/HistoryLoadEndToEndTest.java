package io.complaintskpi.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.alerts.PendingAlert;
import io.complaintskpi.broker.EmbeddedKafkaBroker;
import io.complaintskpi.broker.TopicProvisioner;
import io.complaintskpi.broker.TopicSpecs;
import io.complaintskpi.contributions.CaseStep;
import io.complaintskpi.contributions.InMemoryCase;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.simulate.Simulation;
import io.complaintskpi.streams.Names;
import io.complaintskpi.testing.KafkaRecords;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static io.complaintskpi.events.EventEnvelope.LONDON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A year of 20 authorities' history (the {@code simulate} command's events, some 10,000) loaded into a
 * service already running and caught up, a month at a time, the service working through each month and
 * scanning several times before the next arrives: the way an import paced slower than the service, or a
 * case system's backlog sent in parts, arrives. Every complaint received in one month and answered in the
 * next looks overdue between the two. No alert is published for any of them; once the load has settled,
 * exactly the alerts the final state warrants are (the complaints the simulated year left unanswered), each
 * once, and nothing is CLEARED. The national set (150 authorities x 10 years) is the manual check in
 * docs/rules.md.
 */
class HistoryLoadEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(300);
    private static final Duration SETTLE = Duration.ofSeconds(20);

    @TempDir
    Path brokerDir;
    @TempDir
    Path dataDir;

    @Test
    void aHistoryLoadedIntoARunningServicePagesOnlyForWhatItLeavesOpen() throws Exception {
        Simulation simulation = new Simulation(new Simulation.Plan(20, FinancialYear.parse("2024/25"), 1, 100, 7));
        Map<YearMonth, List<EventEnvelope>> months = new TreeMap<>();
        for (Iterator<List<EventEnvelope>> days = simulation.days(); days.hasNext(); ) {
            for (EventEnvelope event : days.next()) {
                months.computeIfAbsent(YearMonth.from(event.businessDate()), m -> new ArrayList<>()).add(event);
            }
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(brokerDir)) {
            TopicProvisioner.provision(broker.bootstrapServers(), TopicSpecs.load());
            try (ComplaintsService service = ComplaintsService.start(EndToEndScenario.config(dataDir,
                    broker.bootstrapServers(), Map.of("alerts.settle-time", SETTLE.toSeconds() + "s")));
                 Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
                 KafkaProducer<String, byte[]> producer = producer(broker.bootstrapServers())) {
                ServiceClient client = new ServiceClient(service);
                DomainRules rules = DomainWiring.rules(service.config());
                await().atMost(PATIENCE).until(() -> client.ok("/ready") != null);
                int published = 0;
                for (List<EventEnvelope> month : months.values()) {
                    for (EventEnvelope event : month) {
                        producer.send(new ProducerRecord<>(Names.EVENTS_TOPIC, event.complaintId(),
                                rules.codec().encode(event)));
                    }
                    producer.flush();
                    published += month.size();
                    awaitProcessed(admin, service.config().applicationId());
                    // Three scans with the month processed and the next not yet sent.
                    TimeUnit.SECONDS.sleep(3);
                    assertThat(alerts(client)).as("nothing while the load goes on (after %,d events)", published)
                            .isEmpty();
                }
                assertThat(published).isGreaterThan(9_000);

                List<String> expected = warranted(rules, months.values());
                assertThat(expected).as("the simulated year leaves complaints open to page for").isNotEmpty();
                await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                        .until(() -> alerts(client).size() >= expected.size());
                TimeUnit.SECONDS.sleep(3); // more scans: nothing further
                assertThat(alerts(client)).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    /**
     * The alerts the final state warrants today, as "complaint KIND": each complaint's whole history through
     * the same step the topology runs, and each of its watched deadlines that has fired and not expired.
     */
    private static List<String> warranted(DomainRules rules, Iterable<List<EventEnvelope>> months) {
        Map<String, InMemoryCase> cases = new LinkedHashMap<>();
        CaseStep step = new CaseStep(rules.machine(), rules.contributions());
        for (List<EventEnvelope> month : months) {
            for (EventEnvelope event : month) {
                cases.computeIfAbsent(event.complaintId(), InMemoryCase::new).apply(step, event);
            }
        }
        LocalDate today = LocalDate.now(LONDON);
        List<String> expected = new ArrayList<>();
        cases.forEach((id, stored) -> {
            CaseState state = rules.machine().replay(id, stored.history());
            if (state == null) {
                return; // nothing accepted
            }
            for (PendingAlert pending : rules.deadlineWatch().pending(state)) {
                if (!pending.firesOn().isAfter(today) && !pending.expired(today)) {
                    expected.add(id + " " + pending.kind());
                }
            }
        });
        return expected;
    }

    private static List<String> alerts(ServiceClient client) {
        return client.readAll(Names.ALERTS_TOPIC).stream().map(r -> {
            try {
                JsonNode alert = EventCodec.MAPPER.readTree(r.value());
                return alert.get("complaintId").asText() + " " + alert.get("kind").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** Until the application's committed position is at the end of every partition of the events topic. */
    private static void awaitProcessed(Admin admin, String applicationId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> KafkaRecords.consumedToEnd(admin, applicationId, Names.EVENTS_TOPIC));
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000), new StringSerializer(), new ByteArraySerializer());
    }
}
