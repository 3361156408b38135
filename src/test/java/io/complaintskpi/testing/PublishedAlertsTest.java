package io.complaintskpi.testing;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.AlertKind;
import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.Timescale.Milestone;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedAlertsTest {

    private static final Instant FIRST = Instant.parse("2026-11-30T15:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-30T15:02:00Z");
    private static final Alert BREACHED = new Alert(AlertKind.BREACHED, "C-1", "E10000018", Regime.CHILDREN, "Area", 1,
            Milestone.RESPONSE, LocalDate.parse("2013-04-17"), 3400, FIRST, null);

    private static PublishedAlerts.Published at(long offset, Alert alert) {
        return new PublishedAlerts.Published(alert, 2, offset);
    }

    @Test
    void anAlertAndTheClearedThatEndsItAreNoRepeat() {
        assertThat(PublishedAlerts.breaches(List.of(at(7, BREACHED), at(9, BREACHED.cleared(LATER))))).isEmpty();
    }

    @Test
    void theSameAlertTwiceIsARepeatWithWhenAndWhereEachWasPublished() {
        Alert again = new Alert(AlertKind.BREACHED, "C-1", "E10000018", Regime.CHILDREN, "Area", 1, Milestone.RESPONSE,
                LocalDate.parse("2013-04-17"), 3400, LATER, null);
        assertThat(PublishedAlerts.breaches(List.of(at(7, BREACHED), at(12, again)))).containsExactly(
                "BREACHED C-1|1|RESPONSE|2013-04-17|BREACHED published 2 times: [raisedAt 2026-11-30T15:00:00Z at 2@7,"
                        + " raisedAt 2026-11-30T15:02:00Z at 2@12]");
    }

    @Test
    void aClearedTwiceOrBeforeItsAlertBreaksTheRule() {
        Alert cleared = BREACHED.cleared(LATER);
        assertThat(PublishedAlerts.breaches(List.of(at(9, cleared), at(7, BREACHED), at(10, cleared))))
                .containsExactly("CLEARED C-1|1|RESPONSE|2013-04-17|BREACHED published 2 times: [raisedAt "
                        + "2026-11-30T15:02:00Z at 2@9, raisedAt 2026-11-30T15:02:00Z at 2@10]");
        assertThat(PublishedAlerts.breaches(List.of(at(3, cleared), at(7, BREACHED)))).containsExactly(
                "CLEARED C-1|1|RESPONSE|2013-04-17|BREACHED without the alert it ends before it: raisedAt "
                        + "2026-11-30T15:02:00Z at 2@3");
    }

    private static final Alert AT_RISK = new Alert(AlertKind.AT_RISK, "C-2", "E10000018", Regime.CHILDREN, "Area", 2,
            Milestone.RESPONSE, LocalDate.parse("2026-12-10"), 0, FIRST, null);

    @Test
    void eachExpectedAlertRaisedOnceAndStillOpenMatches() {
        assertThat(PublishedAlerts.againstExpected(Set.of(BREACHED.id(), AT_RISK.id()),
                List.of(at(7, BREACHED), new PublishedAlerts.Published(AT_RISK, 0, 3)))).isEmpty();
        // An alert raised and then CLEARED (its deadline met on a later event) is neither expected nor open.
        assertThat(PublishedAlerts.againstExpected(Set.of(), List.of(at(7, BREACHED), at(8, BREACHED.cleared(LATER)))))
                .isEmpty();
    }

    @Test
    void aLostARepeatedAClearedAndAnUnexpectedAlertAreEachReported() {
        assertThat(PublishedAlerts.againstExpected(Set.of(BREACHED.id(), AT_RISK.id()), List.of(at(7, BREACHED))))
                .containsExactly(PublishedAlerts.text(AT_RISK.id()) + ": expected, never raised");
        assertThat(PublishedAlerts.againstExpected(Set.of(BREACHED.id()), List.of(at(7, BREACHED), at(9, BREACHED))))
                .containsExactly(PublishedAlerts.text(BREACHED.id()) + ": expected once, raised 2 times");
        assertThat(PublishedAlerts.againstExpected(Set.of(BREACHED.id()),
                List.of(at(7, BREACHED), at(9, BREACHED.cleared(LATER)))))
                .containsExactly(PublishedAlerts.text(BREACHED.id()) + ": expected open, raised and then CLEARED");
        assertThat(PublishedAlerts.againstExpected(Set.of(), List.of(at(7, BREACHED))))
                .containsExactly(PublishedAlerts.text(BREACHED.id()) + ": open, not expected");
    }
}
