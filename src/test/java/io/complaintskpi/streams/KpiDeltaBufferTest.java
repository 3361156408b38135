package io.complaintskpi.streams;

import io.complaintskpi.demo.SeedHistory;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.SchemaValidator;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.simulate.Simulation;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While a task works through a backlog its KPI deltas are combined per bucket and drained each commit interval:
 * fewer records cross the repartition, and the sums come out exactly as when every delta is forwarded at once.
 */
class KpiDeltaBufferTest {

    private static final Instant NOW = Instant.parse("2023-01-04T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aBacklogSendsFewerRecordsAcrossTheRepartitionForTheSameSums() {
        Replay live = replay(dir.resolve("live"), CatchUp.ALWAYS);
        Replay backlog = replay(dir.resolve("backlog"), partition -> false);
        assertThat(backlog.sums).isEqualTo(live.sums).hasSizeGreaterThan(1_000);
        assertThat(backlog.repartitioned).as("combined per bucket").isLessThan(live.repartitioned);
    }

    @Test
    void bufferedDeltasWaitForTheDrainAndNoLonger() {
        try (TopologyHarness topology = new TopologyHarness(dir, NOW, partition -> false)) {
            EventCodec codec = new EventCodec(SeedHistory.AUTHORITY, new SchemaValidator());
            var days = new Simulation(new Simulation.Plan(1, FinancialYear.parse("2019/20"), 1, 60, 11)).days();
            List<EventEnvelope> day = days.next();
            while (day.isEmpty()) {
                day = days.next();
            }
            EventEnvelope first = day.get(0);
            topology.events.pipeInput(first.complaintId(), codec.encode(first), first.occurredAt().toInstant());
            assertThat(TopologyHarness.entries(topology.kpis())).as("held in the buffer").isZero();
            topology.driver.advanceWallClockTime(KpiDeltaBuffer.DRAIN_INTERVAL);
            assertThat(TopologyHarness.entries(topology.kpis())).as("drained").isPositive();
        }
    }

    private record Replay(Map<String, Long> sums, long repartitioned) {
    }

    /** Three authorities' simulated year, the wall clock moving one drain interval every 50 events. */
    private static Replay replay(Path stateDir, CatchUp catchUp) {
        try (TopologyHarness topology = new TopologyHarness(stateDir, NOW, catchUp)) {
            EventCodec codec = new EventCodec(SeedHistory.AUTHORITY, new SchemaValidator());
            int[] piped = {0};
            new Simulation(new Simulation.Plan(3, FinancialYear.parse("2019/20"), 1, 300, 11)).days()
                    .forEachRemaining(day -> {
                        for (EventEnvelope event : day) {
                            topology.events.pipeInput(event.complaintId(), codec.encode(event),
                                    event.occurredAt().toInstant());
                            if (++piped[0] % 50 == 0) {
                                topology.driver.advanceWallClockTime(Duration.ofMillis(100));
                            }
                        }
                    });
            topology.driver.advanceWallClockTime(KpiDeltaBuffer.DRAIN_INTERVAL);
            Map<String, Long> sums = new TreeMap<>();
            try (KeyValueIterator<String, Long> it = topology.kpis().all()) {
                // A bucket whose deltas cancel out within a drain is never written: 0 either way.
                it.forEachRemaining(kv -> {
                    if (kv.value != 0) {
                        sums.put(kv.key, kv.value);
                    }
                });
            }
            long repartitioned = topology.driver.createOutputTopic(Names.kpiContributionsTopic("complaints-kpi"),
                    new StringDeserializer(), new LongDeserializer()).getQueueSize();
            return new Replay(sums, repartitioned);
        }
    }
}
