package io.complaintskpi.streams;

import io.complaintskpi.alerts.AlertId;
import io.complaintskpi.alerts.AlertKind;
import io.complaintskpi.alerts.PendingAlert;
import io.complaintskpi.lifecycle.Deadline;
import io.complaintskpi.rules.Timescale.Milestone;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The layouts of open-alerts and deadline-index keys: stored data depends on them, so they are pinned. */
class AlertKeySchemasTest {

    private static final PendingAlert PENDING = new PendingAlert(AlertKind.BREACHED, "C-1", 3, Milestone.PANEL_REPORT,
            LocalDate.parse("2015-08-28"), LocalDate.parse("2015-08-27"));

    @Test
    void anAlertIsStoredUnderItsDeadlineAndKindAndIndexedUnderItsFiringDate() {
        assertThat(OpenAlertKeySchema.key(PENDING.alertId())).isEqualTo("C-1|3|PANEL_REPORT|2015-08-27|BREACHED");
        assertThat(DeadlineIndexKeySchema.key(PENDING)).isEqualTo("2015-08-28|C-1|3|PANEL_REPORT|2015-08-27|BREACHED");
    }

    @Test
    void aComplaintsPrefixHoldsItsAlertsAndNoOtherComplaints() {
        Deadline deadline = new Deadline(1, Milestone.RESPONSE, LocalDate.parse("2015-07-01"));
        String own = OpenAlertKeySchema.key(new AlertId("C-1", deadline, AlertKind.AT_RISK));
        String longer = OpenAlertKeySchema.key(new AlertId("C-10", deadline, AlertKind.AT_RISK));
        assertThat(own).startsWith(OpenAlertKeySchema.complaintPrefix("C-1"));
        assertThat(longer).doesNotStartWith(OpenAlertKeySchema.complaintPrefix("C-1"));
    }

    @Test
    void theScanBoundTakesEveryAlertFiringUpToTheDayAndNoneAfter() {
        TreeSet<String> keys = new TreeSet<>();
        for (String firesOn : List.of("2015-08-27", "2015-08-28", "2015-08-29")) {
            keys.add(DeadlineIndexKeySchema.key(new PendingAlert(AlertKind.AT_RISK, "Z-9", 1, Milestone.RESPONSE,
                    LocalDate.parse(firesOn), LocalDate.parse("2015-09-30"))));
        }
        assertThat(keys.headSet(DeadlineIndexKeySchema.firingUpTo(LocalDate.parse("2015-08-28")), true))
                .hasSize(2).allMatch(key -> !key.startsWith("2015-08-29"));
    }
}
