package io.complaintskpi.app;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The crash tests' workload follows from the printed seed and instant alone, so a failing run can be rebuilt. */
class CrashWorkloadTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static List<String> records(long seed, Instant now) {
        return new CrashWorkload(5, seed, now).chunks().stream().flatMap(List::stream).map(CrashWorkload.Sent::fingerprint)
                .toList();
    }

    @Test
    void theSameSeedAndInstantBuildTheSameRecordsAndAnotherSeedOthers() {
        List<String> first = records(42, NOW);
        assertThat(first).hasSizeGreaterThan(2000).isEqualTo(records(42, NOW));
        assertThat(records(43, NOW)).isNotEqualTo(first);
        assertThat(records(42, NOW.plusSeconds(86_400))).as("the live stream moves with the instant")
                .isNotEqualTo(first);
    }
}
