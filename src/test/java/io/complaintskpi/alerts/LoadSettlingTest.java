package io.complaintskpi.alerts;

import io.complaintskpi.rules.Timescale.Milestone;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadSettlingTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");
    private final LoadSettling settling = new LoadSettling(Duration.ofMinutes(5));

    private static PendingAlert breachFiringOn(LocalDate firesOn) {
        return new PendingAlert(AlertKind.BREACHED, "C-1", 1, Milestone.RESPONSE, firesOn, firesOn.minusDays(1));
    }

    @Test
    void anEventFromBeforeTodayIsHistory() {
        assertThat(settling.fromHistory(TODAY.minusDays(1), TODAY)).isTrue();
        assertThat(settling.fromHistory(TODAY.minusYears(9), TODAY)).isTrue();
        assertThat(settling.fromHistory(TODAY, TODAY)).as("today's event is live").isFalse();
    }

    @Test
    void holdsOnlyAnAlertAlreadyDueWhenAnEventFromHistoryScheduledIt() {
        LocalDate longAgo = LocalDate.parse("2017-05-02");
        assertThat(settling.holds(breachFiringOn(longAgo), longAgo, TODAY)).isTrue();
        assertThat(settling.holds(breachFiringOn(TODAY), TODAY.minusDays(20), TODAY)).as("due today").isTrue();
        assertThat(settling.holds(breachFiringOn(TODAY.plusDays(3)), TODAY.minusDays(20), TODAY))
                .as("falls due after it arrived: a live deadline").isFalse();
        assertThat(settling.holds(breachFiringOn(longAgo), TODAY, TODAY))
                .as("scheduled by today's event").isFalse();
    }

    @Test
    void settledOnlyOnceNothingFromHistoryArrivedForTheSettleTime() {
        Instant last = Instant.parse("2026-12-07T10:00:00Z");
        assertThat(settling.settled(last, last.plusSeconds(299))).isFalse();
        assertThat(settling.settled(last, last.plus(Duration.ofMinutes(5)))).isTrue();
    }

    @Test
    void aNegativeSettleTimeIsRefused() {
        assertThatThrownBy(() -> new LoadSettling(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
