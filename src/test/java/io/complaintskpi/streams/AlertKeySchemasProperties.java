package io.complaintskpi.streams;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.AlertId;
import io.complaintskpi.alerts.AlertKind;
import io.complaintskpi.alerts.PendingAlert;
import io.complaintskpi.events.Regime;
import io.complaintskpi.lifecycle.Deadline;
import io.complaintskpi.rules.Timescale.Milestone;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.utils.Bytes;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over generated alerts (references of the contract's characters, any stage, milestone, kind, dates either
 * side of 1970): the binary keys and values read back to what was written, and the deadline index's keys sort
 * by firing date, so its range up to a day holds exactly the alerts firing by then.
 */
class AlertKeySchemasProperties {

    @Property
    void anOpenAlertsKeyReadsBackToItsAlert(@ForAll("alertIds") AlertId id) {
        assertThat(OpenAlertKeySchema.id(OpenAlertKeySchema.key(id))).isEqualTo(id);
    }

    @Property
    void aDeadlineIndexKeyReadsBackToItsPendingAlertInEitherPart(@ForAll("pendings") PendingAlert pending) {
        assertThat(DeadlineIndexKeySchema.pending(DeadlineIndexKeySchema.key(pending))).isEqualTo(pending);
        assertThat(DeadlineIndexKeySchema.pending(DeadlineIndexKeySchema.settlingKey(pending))).isEqualTo(pending);
    }

    @Property
    void deadlineIndexKeysSortByFiringDateAndTheDailyRangeEndsOnTheDay(@ForAll("pendings") PendingAlert one,
                                                                        @ForAll("pendings") PendingAlert other,
                                                                        @ForAll("days") LocalDate today) {
        Bytes a = DeadlineIndexKeySchema.key(one);
        Bytes b = DeadlineIndexKeySchema.key(other);
        if (one.firesOn().isBefore(other.firesOn())) {
            assertThat(a.compareTo(b)).isNegative();
        }
        boolean inRange = a.compareTo(DeadlineIndexKeySchema.firingFrom()) >= 0
                && a.compareTo(DeadlineIndexKeySchema.firingUpTo(today)) <= 0;
        assertThat(inRange).isEqualTo(!one.firesOn().isAfter(today));
        Bytes settling = DeadlineIndexKeySchema.settlingKey(one);
        assertThat(settling.compareTo(DeadlineIndexKeySchema.firingUpTo(today))).as("never in the daily range").isPositive();
        assertThat(settling.get()).startsWith(DeadlineIndexKeySchema.settlingPrefix().get());
    }

    @Property
    void anOpenAlertsValueReadsBackWhole(@ForAll("alerts") Alert alert) {
        AlertSerde serde = new AlertSerde();
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", alert))).isEqualTo(alert);
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.longs().between(LocalDate.parse("1960-01-01").toEpochDay(),
                LocalDate.parse("2060-12-31").toEpochDay()).map(LocalDate::ofEpochDay);
    }

    private Arbitrary<String> references() {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z')
                .withCharRange('0', '9').withChars("._:/-").ofMinLength(1).ofMaxLength(40);
    }

    @Provide
    Arbitrary<AlertId> alertIds() {
        Arbitrary<Deadline> deadlines = Combinators.combine(Arbitraries.integers().between(1, 40),
                Arbitraries.of(Milestone.class), days()).as(Deadline::new);
        return Combinators.combine(references(), deadlines, Arbitraries.of(AlertKind.class)).as(AlertId::new);
    }

    @Provide
    Arbitrary<PendingAlert> pendings() {
        return Combinators.combine(alertIds(), days()).as((id, firesOn) -> new PendingAlert(id.kind(),
                id.complaintId(), id.deadline().stage(), id.deadline().milestone(), firesOn, id.deadline().due()));
    }

    @Provide
    Arbitrary<Alert> alerts() {
        Arbitrary<Instant> instants = Arbitraries.longs().between(0, 4_000_000_000L)
                .flatMap(seconds -> Arbitraries.integers().between(0, 999_999_999)
                        .map(nanos -> Instant.ofEpochSecond(seconds, nanos))).injectNull(0.1);
        Arbitrary<String> optionalText = Arbitraries.strings().ofMaxLength(30).injectNull(0.2);
        return Combinators.combine(alertIds(), optionalText, Arbitraries.of(Regime.class).injectNull(0.2),
                optionalText, Arbitraries.integers().between(0, 500), instants,
                Arbitraries.of(AlertKind.class).injectNull(0.5)).as((id, authority, regime, serviceArea, overdue,
                        raisedAt, clears) -> new Alert(id.kind(), id.complaintId(), authority, regime, serviceArea,
                        id.deadline().stage(), id.deadline().milestone(), id.deadline().due(), overdue, raisedAt,
                        clears));
    }
}
