package io.complaintskpi.streams;

import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.figures.Rate;
import io.complaintskpi.figures.WindowRate;
import io.complaintskpi.rules.Period;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import static io.complaintskpi.testing.ContractEvents.AUTHORITY;
import static io.complaintskpi.testing.ContractEvents.event;
import static io.complaintskpi.testing.ContractEvents.received;
import static io.complaintskpi.testing.ContractEvents.responded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rolling-window and period rates read through the real topology's store. Buckets are keyed by business
 * date with no retention, so a late or out-of-order event always lands in its period (no grace cut-off).
 */
class WindowedRatesTest {

    private static final LocalDate END = LocalDate.parse("2016-03-31");

    @TempDir
    Path dir;
    private TopologyHarness topology;
    private TestInputTopic<String, byte[]> events;
    private KpiEvaluator catalogue;

    @BeforeEach
    void start() {
        topology = new TopologyHarness(dir, Instant.parse("2016-04-01T09:00:00Z"));
        events = topology.events;
        catalogue = new KpiEvaluator(topology.series());
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    private Rate last30DaysWithin10() {
        return catalogue.rollingTimeliness(AUTHORITY, END).stream()
                .filter(w -> w.days() == 30 && w.id().equals("stage1.timeliness.within10.rate"))
                .map(WindowRate::rate).findFirst().orElseThrow();
    }

    @Test
    void lateAndOutOfOrderEventsMoveTheWindowsTheyBelongTo() {
        // Answered in 3 working days (within 10) and in 15 (within 20 only), both inside the last 30 days.
        events.pipeInput("W-1", received("W-1", "2016-03-01T10:00:00Z", "First Response"));
        events.pipeInput("W-1", responded("W-1", "2016-03-04T10:00:00Z", 1, "NOT_UPHELD"));
        events.pipeInput("W-2", received("W-2", "2016-03-01T10:00:00Z", "First Response"));
        events.pipeInput("W-2", responded("W-2", "2016-03-22T10:00:00Z", 1, "NOT_UPHELD"));
        assertThat(last30DaysWithin10()).isEqualTo(Rate.of(1, 2));

        // A complaint answered on 10 March whose response reaches the service only after its escalation:
        // it is placed where it happened and counts in the window.
        events.pipeInput("W-3", received("W-3", "2016-03-07T10:00:00Z", "First Response"));
        events.pipeInput("W-3", event("EscalationRequested", "W-3", "2016-03-25T10:00:00Z", "{\"toStage\":2}"));
        events.pipeInput("W-3", responded("W-3", "2016-03-10T10:00:00Z", 1, "PARTLY_UPHELD"));
        assertThat(last30DaysWithin10()).isEqualTo(Rate.of(2, 3));

        // A response from January arriving now lands in January: the 30-day window is untouched,
        // the quarter's rate moves.
        Period quarter = Period.parse("2015/16-Q4", END);
        Rate quarterBefore = catalogue.rate(AUTHORITY, "stage1.timeliness.within10.rate", quarter);
        events.pipeInput("W-4", received("W-4", "2016-01-04T10:00:00Z", "First Response"));
        events.pipeInput("W-4", responded("W-4", "2016-01-29T10:00:00Z", 1, "NOT_UPHELD"));
        assertThat(last30DaysWithin10()).isEqualTo(Rate.of(2, 3));
        assertThat(quarterBefore).isEqualTo(Rate.of(2, 3));
        assertThat(catalogue.rate(AUTHORITY, "stage1.timeliness.within10.rate", quarter)).isEqualTo(Rate.of(2, 4));

        // A "withdrawal" months after W-1 was answered: nothing is open to withdraw, so it is dead-lettered and
        // the published windows keep W-1's answer.
        events.pipeInput("W-1", event("ComplaintWithdrawn", "W-1", "2016-06-01T10:00:00+01:00", "{}"));
        assertThat(topology.dlq.readRecordsToList()).hasSize(1);
        assertThat(last30DaysWithin10()).isEqualTo(Rate.of(2, 3));
    }
}
