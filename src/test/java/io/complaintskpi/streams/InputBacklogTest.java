package io.complaintskpi.streams;

import io.complaintskpi.streams.InputBacklog.Probe;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule that tells a backlog from live traffic, from the committed position and the end of a partition. */
class InputBacklogTest {

    private final List<String> gapChecks = new ArrayList<>();

    private InputBacklog.Gap gap(boolean hasRecords) {
        return (partition, from, to) -> {
            gapChecks.add(partition + ":" + from + ".." + to);
            return hasRecords;
        };
    }

    @Test
    void atTheEndIsCaughtUp() {
        assertThat(InputBacklog.caughtUp(0, null, new Probe(500, 500), gap(true))).isTrue();
        assertThat(InputBacklog.caughtUp(0, null, new Probe(0, 0), gap(true))).as("an empty partition").isTrue();
        assertThat(gapChecks).isEmpty();
    }

    @Test
    void aFirstLookShortOfTheEndIsABacklog() {
        assertThat(InputBacklog.caughtUp(0, null, new Probe(100, 5_000), gap(true))).isFalse();
    }

    @Test
    void workingThroughABacklogIsNotCaughtUpUntilPastWhereTheEndWas() {
        Probe first = new Probe(100, 5_000);
        Probe halfway = new Probe(2_600, 5_000);
        assertThat(InputBacklog.caughtUp(0, first, halfway, gap(true))).isFalse();
        assertThat(InputBacklog.caughtUp(0, halfway, new Probe(5_000, 5_040), gap(true)))
                .as("past the previous end, with live records arriving meanwhile").isTrue();
        assertThat(gapChecks).isEmpty();
    }

    @Test
    void aLoadThatLandedAfterAnIdleProbeIsABacklogThoughPastTheOldEnd() {
        Probe idle = new Probe(1_000, 1_000);
        assertThat(InputBacklog.caughtUp(1, idle, new Probe(1_050, 60_000), gap(true)))
                .as("50 of a 59,000-record load processed: past the idle end, far from the new one").isFalse();
        assertThat(InputBacklog.caughtUp(1, idle, new Probe(40_000, 60_000), gap(true)))
                .as("more processed since the last probe than is left: keeping pace").isTrue();
    }

    @Test
    void keepingPaceWithLiveTrafficIsCaughtUpThoughNeverExactlyAtTheEnd() {
        assertThat(InputBacklog.caughtUp(3, new Probe(980, 1_000), new Probe(1_010, 1_030), gap(true))).isTrue();
    }

    @Test
    void aPositionThatStoppedShortOfTheEndIsCaughtUpOnlyIfNoRecordLiesBetween() {
        Probe before = new Probe(999, 1_000);
        Probe now = new Probe(999, 1_000);
        assertThat(InputBacklog.caughtUp(2, before, now, gap(false)))
                .as("only a transaction marker left: nothing to process").isTrue();
        assertThat(InputBacklog.caughtUp(2, new Probe(10, 1_000), new Probe(10, 1_000), gap(true)))
                .as("records waiting for a task that is not running yet (restoring)").isFalse();
        assertThat(gapChecks).containsExactly("2:999..1000", "2:10..1000");
    }
}
