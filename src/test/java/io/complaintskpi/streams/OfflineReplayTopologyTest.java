package io.complaintskpi.streams;

import io.complaintskpi.contributions.OfflineReplay;
import io.complaintskpi.demo.FixtureReader;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.figures.KpiSnapshot;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OfflineReplay} keeps the figures the topology keeps: the seed history, with republished events,
 * events arriving late and events the lifecycle rejects, run through the production topology in a test
 * driver and through the offline replay, give the same figures for every year and the same rejections.
 */
class OfflineReplayTopologyTest {

    private static final String AUTHORITY = "E10000018";

    @TempDir
    Path stateDir;

    @Test
    void theOfflineReplayGivesTheTopologysFiguresAndRejections() {
        List<EventEnvelope> events = new ArrayList<>(FixtureReader.withSchemas().seedFixture());
        Random random = new Random(7);
        // Late arrivals (a few events moved far back in arrival order) and republished ones.
        for (int i = 0; i < 40; i++) {
            int from = random.nextInt(events.size());
            EventEnvelope moved = events.remove(from);
            events.add(Math.min(events.size(), from + 1 + random.nextInt(200)), moved);
            events.add(events.get(random.nextInt(events.size())));
        }
        // Moved before their receipt: rejected by the lifecycle, on both sides.
        Collections.rotate(events.subList(0, 30), 7);

        try (TopologyHarness harness = new TopologyHarness(stateDir, Instant.parse("2016-06-01T12:00:00Z"))) {
            OfflineReplay.Result offline = new OfflineReplay(harness.rules.machine(), harness.rules.contributions())
                    .replay(events);
            events.forEach(e -> harness.events.pipeInput(e.complaintId(), harness.rules.codec().encode(e)));

            assertThat(offline.duplicates()).isPositive();
            assertThat(offline.rejected()).isNotEmpty();
            assertThat(harness.dlq.readRecordsToList()).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .containsExactlyInAnyOrderElementsOf(offline.rejected().stream()
                            .map(r -> new String(harness.rules.codec().encode(r.event()), StandardCharsets.UTF_8)).toList());
            KpiEvaluator topology = new KpiEvaluator(harness.series());
            KpiEvaluator replay = new KpiEvaluator(offline.series());
            for (String year : List.of("2013/14", "2014/15", "2015/16")) {
                Period period = Period.financialYear(FinancialYear.parse(year));
                KpiSnapshot kept = topology.snapshot(AUTHORITY, period);
                assertThat(kept.figure("stage1.received").count()).as(year).isPositive();
                assertThat(replay.snapshot(AUTHORITY, period).figures()).as(year)
                        .containsExactlyElementsOf(kept.figures());
            }
        }
    }
}
