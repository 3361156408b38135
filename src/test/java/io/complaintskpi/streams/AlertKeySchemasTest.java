package io.complaintskpi.streams;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.AlertId;
import io.complaintskpi.alerts.AlertKind;
import io.complaintskpi.alerts.PendingAlert;
import io.complaintskpi.events.Regime;
import io.complaintskpi.lifecycle.Deadline;
import io.complaintskpi.rules.Timescale.Milestone;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layouts of open-alerts and deadline-index keys and the open-alerts values: stored data depends on them,
 * so they are pinned byte for byte (a reordered enum or a changed field fails here before it misreads a store).
 * {@link AlertKeySchemasProperties} checks the same over generated alerts.
 */
class AlertKeySchemasTest {

    private static final PendingAlert PENDING = new PendingAlert(AlertKind.BREACHED, "C-1", 3, Milestone.PANEL_REPORT,
            LocalDate.parse("2015-08-28"), LocalDate.parse("2015-08-27"));

    @Test
    void anAlertIsStoredUnderItsDeadlineAndKindAndIndexedUnderItsFiringDate() {
        // "C-1", end of reference, stage 3, PANEL_REPORT (4th), 2015-08-27 (epoch day 16674, sign bit flipped), BREACHED (2nd)
        assertThat(hex(OpenAlertKeySchema.key(PENDING.alertId()))).isEqualTo("432d31" + "00" + "00000003" + "03"
                + "80004122" + "01");
        // the daily part, 2015-08-28, then the same alert key
        assertThat(hex(DeadlineIndexKeySchema.key(PENDING))).isEqualTo("00" + "80004123"
                + "432d3100000000030380004122" + "01");
        assertThat(hex(DeadlineIndexKeySchema.settlingKey(PENDING))).startsWith("01" + "80004123");
        assertThat(DeadlineIndexKeySchema.pending(DeadlineIndexKeySchema.key(PENDING))).isEqualTo(PENDING);
        assertThat(DeadlineIndexKeySchema.pending(DeadlineIndexKeySchema.settlingKey(PENDING))).isEqualTo(PENDING);
    }

    @Test
    void aComplaintsKeysNeverRunIntoALongerReferencesKeys() {
        Deadline deadline = new Deadline(1, Milestone.RESPONSE, LocalDate.parse("2015-07-01"));
        AlertId own = new AlertId("C-1", deadline, AlertKind.AT_RISK);
        AlertId longer = new AlertId("C-10", deadline, AlertKind.AT_RISK);
        assertThat(OpenAlertKeySchema.key(own)).isNotEqualTo(OpenAlertKeySchema.key(longer));
        assertThat(OpenAlertKeySchema.id(OpenAlertKeySchema.key(longer))).isEqualTo(longer);
    }

    @Test
    void theScanBoundTakesEveryAlertFiringUpToTheDayAndNoneAfterNorAnySettlingOne() {
        TreeSet<Bytes> keys = new TreeSet<>();
        for (String firesOn : List.of("2015-08-27", "2015-08-28", "2015-08-29")) {
            PendingAlert pending = new PendingAlert(AlertKind.AT_RISK, "Z-9", 1, Milestone.RESPONSE,
                    LocalDate.parse(firesOn), LocalDate.parse("2015-09-30"));
            keys.add(DeadlineIndexKeySchema.key(pending));
            keys.add(DeadlineIndexKeySchema.settlingKey(pending));
        }
        assertThat(keys.subSet(DeadlineIndexKeySchema.firingFrom(), true,
                DeadlineIndexKeySchema.firingUpTo(LocalDate.parse("2015-08-28")), true))
                .extracting(DeadlineIndexKeySchema::pending).extracting(PendingAlert::firesOn)
                .containsExactly(LocalDate.parse("2015-08-27"), LocalDate.parse("2015-08-28"));
        assertThat(keys.tailSet(DeadlineIndexKeySchema.settlingPrefix())).hasSize(3);
    }

    @Test
    void anOpenAlertIsStoredInAFewDozenBytesAndReadBackWhole() {
        Alert alert = new Alert(AlertKind.AT_RISK, "C-1", "E09000033", Regime.CHILDREN, "Fostering", 2,
                Milestone.RESPONSE, LocalDate.parse("2015-08-27"), 0, Instant.parse("2015-08-20T09:00:00.123Z"), null);
        AlertSerde serde = new AlertSerde();
        byte[] stored = serde.serializer().serialize("open-alerts", alert);
        assertThat(serde.deserializer().deserialize("open-alerts", stored)).isEqualTo(alert);
        byte[] json = new JsonSerde<>(Alert.class).serializer().serialize("open-alerts", alert);
        assertThat(stored.length).as("binary beside JSON (%d bytes)", json.length).isLessThan(json.length / 2);
    }

    private static String hex(Bytes key) {
        return HexFormat.of().formatHex(key.get());
    }
}
