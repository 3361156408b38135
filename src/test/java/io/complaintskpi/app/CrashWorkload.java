package io.complaintskpi.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.testing.KafkaRecords;
import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.AlertId;
import io.complaintskpi.alerts.DeadlineWatch;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.demo.FixtureReader;
import io.complaintskpi.demo.LiveComplaintsSimulator;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.disclosure.Disclosure;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.contributions.OfflineReplay;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import io.complaintskpi.streams.Names;
import io.complaintskpi.testing.PublishedAlerts;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A few thousand events (the seed history, a simulated live stream, republished duplicates) and some
 * invalid records, published in chunks, and what the service must show once it has seen them all: the
 * figures of {@link OfflineReplay} over the same events, each alert once, exactly the rejected records on
 * the dead-letter topic.
 */
final class CrashWorkload {

    static final String AUTHORITY = "E10000018";
    private static final ServiceConfig CONFIG = ServiceConfig.load(Map.of(), new Properties(),
            Map.of("authority.default", AUTHORITY));

    /** One record as published: key and value bytes ({@code null} value: a tombstone). */
    record Sent(String key, byte[] value) {
        String fingerprint() {
            return key + "=" + (value == null ? "null" : Base64.getEncoder().encodeToString(value));
        }
    }

    private final DomainRules rules = DomainWiring.rules(CONFIG);
    private final List<EventEnvelope> events = new ArrayList<>();
    private final List<Sent> invalid = new ArrayList<>();
    private final List<List<Sent>> chunks = new ArrayList<>();

    /**
     * The workload follows from {@code seed} and {@code now} alone (the live stream is the hour before
     * {@code now}), so the values a run prints ({@link io.complaintskpi.testing.Reproducible}) rebuild it.
     */
    CrashWorkload(int chunkCount, long seed, Instant now) {
        Random random = new Random(seed);
        List<EventEnvelope> valid = new ArrayList<>(FixtureReader.withSchemas().seedFixture());
        LiveComplaintsSimulator live = new LiveComplaintsSimulator(Clock.fixed(now, EventEnvelope.LONDON), random);
        for (int tick = 0; tick < 3000; tick++) {
            valid.addAll(live.next(now.minusSeconds(3000 - tick)));
        }
        List<Sent> all = new ArrayList<>();
        for (EventEnvelope event : valid) {
            add(all, event);
            if (random.nextInt(40) == 0) {
                add(all, valid.get(random.nextInt(valid.size()))); // a republished event, or one early
            }
            if (random.nextInt(60) == 0) {
                Sent bad = invalidRecord(random, event);
                invalid.add(bad);
                all.add(bad);
            }
        }
        int size = (all.size() + chunkCount - 1) / chunkCount;
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(List.copyOf(all.subList(from, Math.min(all.size(), from + size))));
        }
    }

    private void add(List<Sent> all, EventEnvelope event) {
        events.add(event);
        all.add(new Sent(event.complaintId(), rules.codec().encode(event)));
    }

    private static Sent invalidRecord(Random random, EventEnvelope near) {
        String id = near.complaintId();
        return switch (random.nextInt(5)) {
            case 0 -> new Sent(id, "{\"eventId\": broken".getBytes(StandardCharsets.UTF_8));
            case 1 -> new Sent(id, null);
            case 2 -> new Sent(id, "[1,2,3]".getBytes(StandardCharsets.UTF_8));
            case 3 -> new Sent(id, ("{\"eventId\":\"not-a-uuid\",\"eventType\":\"ComplaintReceived\",\"complaintId\":\""
                    + id + "\"}").getBytes(StandardCharsets.UTF_8));
            default -> new Sent(id + "-other-key", new byte[]{(byte) 0xC3, 0x28, 0x00, (byte) 0xFF});
        };
    }

    /** A random moment in the processing of what was just published. */
    static void pause(Random random) {
        sleep(random.nextInt(3000));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<List<Sent>> chunks() {
        return chunks;
    }

    int recordCount() {
        return chunks.stream().mapToInt(List::size).sum();
    }

    /**
     * Publishes in order and fails if any record was not stored: a lost record must not pass for one the
     * service lost. One request in flight, so a retried batch can never land behind a later one.
     */
    static void publish(String bootstrap, List<Sent> records) {
        KafkaRecords.publish(bootstrap, records.stream()
                .map(r -> new ProducerRecord<>(Names.EVENTS_TOPIC, r.key(), r.value())).toList());
    }

    /** Waits until the service's figures equal the offline replay's, then checks alerts and dead letters. */
    void assertServiceMatchesOfflineReplay(int httpPort, String bootstrap, Duration patience) {
        OfflineReplay.Result offline = new OfflineReplay(rules.machine(), rules.contributions()).replay(events);
        KpiEvaluator catalogue = new KpiEvaluator(offline.series());
        List<FinancialYear> years = events.stream().map(e -> FinancialYear.of(e.businessDate()))
                .distinct().sorted().toList();
        Map<String, JsonNode> expected = new TreeMap<>();
        for (FinancialYear year : years) {
            expected.put("/api/v1/kpis?year=" + year.label(), kpiTexts(Disclosure.disclose(
                    catalogue.snapshot(AUTHORITY, Period.financialYear(year)), false).figures().stream()
                    .collect(Collectors.toMap(f -> f.id() + "/" + f.dimension(), f -> String.valueOf(f.current().text()),
                            (a, b) -> a, TreeMap::new))));
        }
        ServiceClient client = new ServiceClient(httpPort, bootstrap);
        Function<String, JsonNode> actual = path -> {
            JsonNode body = client.ok(path);
            return body == null || !path.startsWith("/api/v1/kpis?") ? body : kpiTexts(rowsById(body));
        };
        try {
            await().atMost(patience).pollInterval(Duration.ofSeconds(1)).until(() -> expected.entrySet().stream()
                    .allMatch(e -> e.getValue().equals(actual.apply(e.getKey()))));
        } catch (ConditionTimeoutException e) {
            // The assertions below say which figures differ.
        }
        expected.forEach((path, figures) -> assertThat(actual.apply(path)).as(path).isEqualTo(figures));
        assertThat(expected.get("/api/v1/kpis?year=" + years.get(0).label()).size()).isGreaterThan(10);

        // The alerts the final states make due by today, each raised once and still open, and no other open.
        Set<AlertId> expectedAlerts = expectedOpenAlerts(offline, LocalDate.now(EventEnvelope.LONDON));
        System.out.println("alerts the workload must leave open: " + expectedAlerts.size());
        assertThat(expectedAlerts).as("the workload raises deadline alerts").hasSizeGreaterThan(5);
        Supplier<List<PublishedAlerts.Published>> published = () -> client.readAll(Names.ALERTS_TOPIC).stream()
                .map(r -> new PublishedAlerts.Published(decode(r.value()), r.partition(), r.offset())).toList();
        try {
            // A settle time may hold alerts about a loaded history for a while after the figures are in.
            await().atMost(patience).pollInterval(Duration.ofSeconds(2))
                    .until(() -> PublishedAlerts.againstExpected(expectedAlerts, published.get()).isEmpty());
        } catch (ConditionTimeoutException e) {
            // The assertions below say which alerts differ.
        }
        List<PublishedAlerts.Published> alerts = published.get();
        assertThat(PublishedAlerts.againstExpected(expectedAlerts, alerts))
                .as("expected alerts (from the offline replay and today) against those published").isEmpty();
        assertThat(PublishedAlerts.breaches(alerts)).as("each alert once per deadline and kind").isEmpty();

        List<String> expectedDead = new ArrayList<>(invalid.stream().map(Sent::fingerprint).toList());
        offline.rejected().forEach(r -> expectedDead.add(
                new Sent(r.event().complaintId(), rules.codec().encode(r.event())).fingerprint()));
        List<String> dead = client.readAll(Names.DLQ_TOPIC).stream()
                .map(r -> new Sent(r.key(), r.value()).fingerprint()).toList();
        assertThat(dead).containsExactlyInAnyOrderElementsOf(expectedDead);
        assertThat(invalid).isNotEmpty();
    }

    /**
     * The ids of the alerts that must be open once the service has seen every event: of each complaint's
     * final state (the offline replay's), every pending alert that has fired by {@code today} and still has
     * something to say then. Worked out from the replay and the calendar, never from what the service did.
     */
    Set<AlertId> expectedOpenAlerts(OfflineReplay.Result offline, LocalDate today) {
        DeadlineWatch watch = rules.deadlineWatch();
        Set<AlertId> ids = new HashSet<>();
        offline.histories().forEach((key, history) -> {
            CaseState state = rules.machine().replay(key, history);
            watch.pending(state).stream().filter(p -> !p.firesOn().isAfter(today))
                    .forEach(p -> watch.raise(p, state, today, Instant.EPOCH).ifPresent(a -> ids.add(a.id())));
        });
        return ids;
    }

    private static Map<String, String> rowsById(JsonNode body) {
        Map<String, String> rows = new TreeMap<>();
        body.get("rows").forEach(row -> rows.put(row.get("id").asText() + "/" + row.get("dimension").asText(),
                row.get("text").asText()));
        return rows;
    }

    private static JsonNode kpiTexts(Map<String, String> texts) {
        return EventCodec.MAPPER.valueToTree(texts);
    }

    private static Alert decode(byte[] json) {
        try {
            return EventCodec.MAPPER.readValue(json, Alert.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
