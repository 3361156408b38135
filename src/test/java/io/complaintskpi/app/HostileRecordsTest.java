package io.complaintskpi.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.complaintskpi.testing.KafkaRecords;
import io.complaintskpi.testing.Reproducible;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Regime;
import io.complaintskpi.contributions.Metric;
import io.complaintskpi.contributions.OfflineReplay;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.streams.DeadLetterHandler;
import io.complaintskpi.streams.Names;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Shrinkable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static io.complaintskpi.testing.ContractEvents.event;
import static io.complaintskpi.testing.ContractEvents.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ten thousand generated hostile records mixed with valid events, on the embedded broker: the service stays
 * up, every bad record is dead-lettered with its reason and logged in one line without its content, every
 * valid event is counted once.
 */
class HostileRecordsTest {

    private static final int HOSTILE = 10_000;
    private static final int VALID = 1_500;
    /** In every generated text: it must never reach the log. */
    private static final String MARK = "PERSONAL-DATA-MARK";

    @TempDir
    Path dataDir;

    private record Sent(String key, byte[] value) {
    }

    private static Arbitrary<Sent> hostile() {
        Arbitrary<String> ids = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12).map(s -> "H-" + s);
        Arbitrary<String> junk = Arbitraries.strings().all().ofMaxLength(300).map(s -> MARK + s);
        Arbitrary<byte[]> binary = Arbitraries.bytes().array(byte[].class).ofMaxSize(600)
                .map(b -> concat(MARK.getBytes(StandardCharsets.UTF_8), b));
        Arbitrary<String> badDates = Arbitraries.of("2015-13-45T10:00:00Z", "yesterday", "2015-06-03", "",
                "2015-06-03T25:61:00+01:00", "99999-01-01T00:00:00Z", MARK);
        Arbitrary<String> wrongTypes = Arbitraries.of("{\"regime\":7,\"serviceArea\":[\"" + MARK + "\"]}", "[]", "null",
                "\"" + MARK + "\"", "{\"regime\":\"CHILDREN\",\"serviceArea\":{},\"complainantType\":\"PARENT\"}",
                "{\"stage\":\"two\",\"outcome\":\"UPHELD\"}", "{\"toStage\":9}");
        Arbitrary<String> types = Arbitraries.of("ComplaintReceived", "StageResponded", "EscalationRequested",
                "ComplaintWithdrawn", "OmbudsmanDecision", "NoSuchEvent", MARK);
        return Arbitraries.oneOf(
                junk.map(s -> new Sent("J-" + s.length(), s.getBytes(StandardCharsets.UTF_8))),
                binary.map(b -> new Sent("B-" + b.length, b)),
                ids.map(id -> new Sent(id, null)),
                ids.map(id -> new Sent(null, received(id, "2015-06-03T10:00:00+01:00", MARK))),
                Arbitraries.integers().between(1, 20_000).map(depth -> new Sent("D-" + depth,
                        ("[".repeat(depth) + "\"" + MARK + "\"" + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8))),
                Arbitraries.integers().between(1, 3).map(n -> new Sent("S-" + n, event("ComplaintReceived", "S-" + n,
                        "2015-06-03T10:00:00+01:00", "{\"regime\":\"CHILDREN\",\"serviceArea\":\""
                                + (MARK + "x".repeat(200_000 * n)) + "\",\"complainantType\":\"PARENT\"}"))),
                Combinators.combine(ids, badDates).as((id, date) -> new Sent(id, received(id, date, "First Response"))),
                Combinators.combine(ids, types, wrongTypes).as((id, type, data) ->
                        new Sent(id, event(type, id, "2015-06-03T10:00:00+01:00", data))),
                // Well formed but impossible for the complaint: responses and escalations it never reached.
                Combinators.combine(ids, Arbitraries.integers().between(1, 3)).as((id, stage) ->
                        new Sent("X" + id, event("StageResponded", "X" + id, "2015-06-20T10:00:00+01:00",
                                "{\"stage\":" + stage + ",\"outcome\":\"UPHELD\",\"causes\":[]}"))),
                ids.map(id -> new Sent("E" + id, event("EscalationRequested", "E" + id, "2015-06-20T10:00:00+01:00",
                        "{\"toStage\":3}"))));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /**
     * The records of a run, all drawn from {@code seed}: the hostile ones from jqwik's generator driven by
     * a {@link Random} of that seed (jqwik's own sampling draws from an unseeded source), then the valid
     * events placed among them.
     */
    static List<Sent> records(long seed) {
        Random random = new Random(seed);
        List<Sent> records = new ArrayList<>(hostile().generator(GEN_SIZE).stream(random).map(Shrinkable::value)
                .limit(HOSTILE).toList());
        for (int i = 0; i < VALID; i++) {
            String id = "V-" + i;
            records.add(random.nextInt(records.size() + 1), new Sent(id, received(id, "2015-0" + (4 + i % 6) + "-1" + i % 10 + "T10:00:00+01:00",
                    "First Response")));
        }
        return records;
    }

    /** jqwik's default generation size: how large the generated strings, arrays and depths get. */
    private static final int GEN_SIZE = 1000;

    @Test
    void thePrintedSeedReproducesTheRecords() {
        long seed = new Random().nextLong();
        assertThat(fingerprints(records(seed))).as("seed " + seed).isEqualTo(fingerprints(records(seed)));
        assertThat(fingerprints(records(seed))).isNotEqualTo(fingerprints(records(seed + 1)));
    }

    private static List<String> fingerprints(List<Sent> records) {
        return records.stream().map(r -> r.key() + "=" + (r.value() == null ? "null" : Arrays.hashCode(r.value())))
                .toList();
    }

    @Test
    void hostileRecordsAreDeadLetteredOnceEachAndValidOnesCountedOnce() {
        long seed = Reproducible.seed("hostile");
        List<Sent> records = records(seed);
        // What the topology must reject: undecodable, keyed apart from its complaint, or refused by the lifecycle.
        ServiceConfig config = EndToEndScenario.config(dataDir, "");
        DomainRules rules = DomainWiring.rules(config);
        int undecodable = 0;
        List<EventEnvelope> decoded = new ArrayList<>();
        for (Sent sent : records) {
            try {
                EventEnvelope event = rules.codec().decode(sent.value());
                if (!event.complaintId().equals(sent.key())) {
                    undecodable++;
                } else {
                    decoded.add(event);
                }
            } catch (RuntimeException e) {
                undecodable++;
            }
        }
        OfflineReplay.Result offline = new OfflineReplay(rules.machine(), rules.contributions()).replay(decoded);
        long expectedDead = undecodable + offline.rejected().size();
        FinancialYear year = FinancialYear.parse("2015/16");
        long expectedReceived = offline.series().sum(config.defaultAuthority(), Metric.received(Regime.CHILDREN, 1),
                year.start(), year.end());
        assertThat(expectedReceived).isGreaterThanOrEqualTo(VALID);
        assertThat(expectedDead).as("seed " + seed).isGreaterThanOrEqualTo(HOSTILE - 50);

        Logger handlerLog = (Logger) LoggerFactory.getLogger(DeadLetterHandler.class);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try (ComplaintsService service = ComplaintsService.start(config)) {
            KafkaRecords.publish(service.bootstrapServers(), records.stream()
                    .map(r -> new ProducerRecord<>(Names.EVENTS_TOPIC, r.key(), r.value())).toList());
            ServiceClient client = new ServiceClient(service);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                var dlq = client.ok("/api/v1/dlq");
                return dlq != null && dlq.get("records").asLong() >= expectedDead;
            });
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                var kpis = client.ok("/api/v1/kpis/received?year=2015/16");
                return kpis != null && kpis.at("/receivedByStage/1").asLong() >= VALID;
            });
            assertThat(client.ok("/api/v1/kpis/received?year=2015/16")
                    .at("/receivedByStage/1").asLong()).as("seed " + seed).isEqualTo(expectedReceived);
            assertThat(new ServiceClient(service).ok("/ready")).as("still ready").isNotNull();
            assertThat(client.ok("/health")).isNotNull();

            List<ConsumerRecord<String, byte[]>> dead = client.readAll(Names.DLQ_TOPIC);
            assertThat(dead).as("seed " + seed).hasSize((int) expectedDead);
            assertThat(dead).allSatisfy(r -> assertThat(r.headers().lastHeader("__streams.errors.message"))
                    .isNotNull());
            Set<String> offsets = new HashSet<>();
            dead.forEach(r -> offsets.add(new String(r.headers().lastHeader("__streams.errors.partition").value(),
                    StandardCharsets.UTF_8) + "@" + new String(r.headers().lastHeader("__streams.errors.offset").value(),
                    StandardCharsets.UTF_8)));
            assertThat(offsets).as("each bad record dead-lettered once").hasSize(dead.size());
        } finally {
            root.detachAppender(log);
        }
        List<ILoggingEvent> rejections = log.list.stream()
                .filter(e -> e.getLoggerName().equals(handlerLog.getName())).toList();
        assertThat(rejections).hasSize((int) expectedDead);
        assertThat(rejections).allSatisfy(e -> {
            assertThat(e.getThrowableProxy()).isNull();
            assertThat(e.getFormattedMessage()).contains("offset").doesNotContain("\n");
        });
        assertThat(log.list).noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains(MARK));
    }

}
