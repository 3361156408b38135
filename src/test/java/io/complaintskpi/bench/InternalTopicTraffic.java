package io.complaintskpi.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.streams.CatchUp;
import io.complaintskpi.streams.ComplaintsTopology;
import io.complaintskpi.streams.Names;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Records and bytes the production topology writes to each topic per input event: a count, not a timing, so
 * it means the same on a loaded machine. The events (the seed fixture, or a JSON Lines file such as
 * {@code simulate --out} writes) go through Kafka's test driver, keyed and timestamped as the publisher sends
 * them, the wall clock moving {@code commitMs} every {@code eventsPerCommit} events (the lifecycle's scans and
 * drains run on it) and a day at the end, so that what the load left due is raised. The test driver commits, and so flushes every store's cache, after each record: a cached
 * store's changelog figure is therefore what it writes before its cache combines anything (an upper bound),
 * while the repartition topic's and the uncached stores' are what the service writes.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) io.complaintskpi.bench.InternalTopicTraffic \
 *     [events.jsonl] [eventsPerCommit] [caughtUp]</pre>
 */
public final class InternalTopicTraffic {

    private InternalTopicTraffic() {
    }

    public static void main(String[] args) throws IOException {
        ((Logger) LoggerFactory.getLogger("org.apache.kafka")).setLevel(Level.ERROR);
        List<byte[]> values = args.length > 0 && !args[0].equals("seed") ? lines(Path.of(args[0])) : SeedEvents.recordValues();
        int eventsPerCommit = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        boolean caughtUp = args.length > 2 && Boolean.parseBoolean(args[2]);
        long commitMs = 100;
        Path dataDir = Files.createTempDirectory("complaints-kpi-traffic");
        Properties file = new Properties();
        file.setProperty("data.dir", dataDir.toString());
        file.setProperty("kafka.bootstrap-servers", "unused:9092");
        file.setProperty("alerts.scan-interval", "PT0.1S");
        ServiceConfig config = ServiceConfig.load(Map.of(), file, Map.of());
        DomainRules rules = DomainWiring.rules(config);
        EventCodec codec = rules.codec();
        List<TestRecord<String, byte[]>> records = new ArrayList<>();
        for (byte[] value : values) {
            EventEnvelope event = codec.decode(value);
            records.add(new TestRecord<>(event.complaintId(), value, event.occurredAt().toInstant()));
        }
        CatchUp catchUp = partition -> caughtUp;
        try (TopologyTestDriver driver = new TopologyTestDriver(ComplaintsTopology.build(config, rules, catchUp),
                ComplaintsTopology.properties(config), Instant.parse("2026-12-01T09:00:00Z"))) {
            TestInputTopic<String, byte[]> events = driver.createInputTopic(Names.EVENTS_TOPIC,
                    new StringSerializer(), new ByteArraySerializer());
            for (int i = 0; i < records.size(); i++) {
                events.pipeInput(records.get(i));
                if ((i + 1) % eventsPerCommit == 0) {
                    driver.advanceWallClockTime(Duration.ofMillis(commitMs));
                }
            }
            driver.advanceWallClockTime(Duration.ofMillis(commitMs));
            // A day on, the load has settled: the alerts it left due are raised (open-alerts, complaint-alerts).
            driver.advanceWallClockTime(Duration.ofDays(1));
            Map<String, long[]> traffic = new TreeMap<>();
            for (String topic : driver.producedTopicNames()) {
                long[] counts = new long[2];
                driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                        .readRecordsToList().forEach(r -> {
                            counts[0]++;
                            counts[1] += length(r.key()) + length(r.value());
                        });
                traffic.put(topic, counts);
            }
            System.out.printf("%,d events, wall clock +%d ms every %d events, caught up: %s%n", records.size(),
                    commitMs, eventsPerCommit, caughtUp);
            System.out.println("| topic | records | records/event | bytes | bytes/event |");
            System.out.println("|---|---|---|---|---|");
            traffic.forEach((topic, c) -> System.out.printf("| %s | %,d | %.2f | %,d | %.1f |%n", topic, c[0],
                    (double) c[0] / records.size(), c[1], (double) c[1] / records.size()));
        }
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static List<byte[]> lines(Path path) throws IOException {
        return Files.readAllLines(path, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank())
                .map(line -> line.getBytes(StandardCharsets.UTF_8)).toList();
    }
}
