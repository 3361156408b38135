package io.complaintskpi.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reason a rejected record carries to the DLQ, the log and the API: its kind of fault, never its content. */
class RejectionReasonTest {

    @Test
    void theLoggedReasonKeepsTheKindOfFaultButNoValueFromTheRecord() {
        String reason = RejectionReason.of(new InvalidEventException(
                "record key 'CR-0001 Jane Smith' must equal complaintId \"CR-0002\"\n\tat somewhere"));
        assertThat(reason).isEqualTo("InvalidEventException: record key '...' must equal complaintId '...'");
    }

    @Test
    void aHugeOrBinaryMessageBecomesOneShortLine() {
        String reason = RejectionReason.of(new IllegalArgumentException("x\u0000\u0007y".repeat(1000)));
        assertThat(reason).hasSizeLessThanOrEqualTo(203).doesNotContain("\u0000").doesNotContain("\n");
        assertThat(RejectionReason.of(new NullPointerException())).isEqualTo("NullPointerException: ");
    }
}
