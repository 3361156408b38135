package io.complaintskpi.monitoring;

import io.complaintskpi.testing.ContractEvents;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Metric labels of rejected records stay bounded whatever the record holds. */
class EventTypeLabelTest {

    @Test
    void aKnownTypeIsItsOwnLabelAnythingElseIsUnknown() {
        assertThat(EventTypeLabel.of(ContractEvents.received("C-1", "2015-06-03T10:00:00+01:00", "First Response")))
                .isEqualTo("ComplaintReceived");
        assertThat(EventTypeLabel.of(bytes("{\"eventId\":\"e\",\"data\":{\"eventType\":\"x\"},\"eventType\":\"ComplaintReceived\"}")))
                .isEqualTo("ComplaintReceived");
        assertThat(EventTypeLabel.of(bytes("{\"eventType\":\"DROP TABLE\"}"))).isEqualTo("unknown");
        assertThat(EventTypeLabel.of(bytes("{\"eventType\":3}"))).isEqualTo("unknown");
        assertThat(EventTypeLabel.of(bytes("{\"eventId\": broken"))).isEqualTo("unknown");
        assertThat(EventTypeLabel.of(bytes("[1,2]"))).isEqualTo("unknown");
        assertThat(EventTypeLabel.of(new byte[] {(byte) 0xff, 0, 1})).isEqualTo("unknown");
        assertThat(EventTypeLabel.of(null)).isEqualTo("unknown");
    }

    @Test
    void theRejectionReasonIsTheExceptionsSimpleName() {
        assertThat(DeadLetterWatcher.reason("io.complaintskpi.events.InvalidEventException"))
                .isEqualTo("InvalidEventException");
        assertThat(DeadLetterWatcher.reason(null)).isEqualTo("unknown");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
