package io.complaintskpi.streams;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.demo.SeedHistory;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.SchemaValidator;
import io.complaintskpi.simulate.Simulation;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.series.SeriesReader;
import io.complaintskpi.testing.ContractEvents;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The production topology in a test driver, with its input, dead-letter and alert topics at hand. */
final class TopologyHarness implements AutoCloseable {

    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> events;
    final TestOutputTopic<byte[], byte[]> dlq;
    final TestOutputTopic<String, Alert> alerts;
    final TestInputTopic<String, byte[]> authorities;
    final DomainRules rules;

    /** {@code wallClock} is what the deadline scan sees; it runs hourly and moves with the driver's clock. */
    TopologyHarness(Path stateDir, Instant wallClock) {
        this(stateDir, wallClock, CatchUp.ALWAYS);
    }

    /** {@code catchUp} says when the deadline scan may raise alerts, as the input backlog does in service. */
    TopologyHarness(Path stateDir, Instant wallClock, CatchUp catchUp) {
        this(stateDir, wallClock, catchUp, Map.of());
    }

    /** With {@code settings} (property keys of docs/configuration.md) on top of the harness's own. */
    TopologyHarness(Path stateDir, Instant wallClock, CatchUp catchUp, Map<String, String> settings) {
        Properties file = new Properties();
        file.setProperty("data.dir", stateDir.toString());
        file.setProperty("kafka.bootstrap-servers", "unused:9092");
        file.setProperty("alerts.scan-interval", "PT1H");
        settings.forEach(file::setProperty);
        ServiceConfig config = ServiceConfig.load(Map.of(), file, Map.of());
        rules = DomainWiring.rules(config);
        driver = new TopologyTestDriver(ComplaintsTopology.build(config, rules, catchUp),
                ComplaintsTopology.properties(config),
                wallClock);
        events = driver.createInputTopic(Names.EVENTS_TOPIC, new StringSerializer(), new ByteArraySerializer());
        dlq = driver.createOutputTopic(Names.DLQ_TOPIC, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        authorities = driver.createInputTopic(Names.AUTHORITIES_TOPIC, new StringSerializer(),
                new ByteArraySerializer());
        alerts = driver.createOutputTopic(Names.ALERTS_TOPIC, new StringDeserializer(),
                new JsonSerde<>(Alert.class).deserializer());
    }

    /** Pipes {@code plan}'s simulated history day by day, keyed and timestamped as the publisher sends it. */
    void pipe(Simulation.Plan plan) {
        EventCodec codec = new EventCodec(SeedHistory.AUTHORITY, new SchemaValidator());
        new Simulation(plan).days().forEachRemaining(day -> {
            for (EventEnvelope event : day) {
                events.pipeInput(event.complaintId(), codec.encode(event), event.occurredAt().toInstant());
            }
        });
    }

    KeyValueStore<String, Long> kpis() {
        return driver.getKeyValueStore(Names.KPI_TOTALS_STORE);
    }

    /** The count in one daily KPI bucket of the test authority (0 where nothing is). */
    long kpi(String metric, String dimension, String date) {
        Long v = kpis().get(ContractEvents.AUTHORITY + "|" + metric + "|" + dimension + "|" + date);
        return v == null ? 0 : v;
    }

    /** The cases' two stores as the topology filled them. */
    CaseStore cases() {
        return new CaseStore(driver.getKeyValueStore(Names.CASE_STATE_STORE),
                driver.getKeyValueStore(Names.CASE_EVENTS_STORE), rules);
    }

    SeriesReader series() {
        return new StoreSeriesReader(() -> new FixedPartitions(List.of(kpis())));
    }

    @Override
    public void close() {
        driver.close();
    }

    /** How many entries {@code store} holds, counted: RocksDB's approximateNumEntries is an estimate. */
    static long entries(KeyValueStore<?, ?> store) {
        try (var all = store.all()) {
            long n = 0;
            for (; all.hasNext(); all.next()) {
                n++;
            }
            return n;
        }
    }
}
