package io.complaintskpi.streams;

import io.complaintskpi.events.InvalidEventException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterHandlerTest {

    @Test
    void theLoggedReasonKeepsTheKindOfFaultButNoValueFromTheRecord() {
        String reason = DeadLetterHandler.reason(new InvalidEventException(
                "record key 'CR-0001 Jane Smith' must equal complaintId \"CR-0002\"\n\tat somewhere"));
        assertThat(reason).isEqualTo("InvalidEventException: record key '...' must equal complaintId '...'");
    }

    @Test
    void aHugeOrBinaryMessageBecomesOneShortLine() {
        String reason = DeadLetterHandler.reason(new IllegalArgumentException("x\u0000\u0007y".repeat(1000)));
        assertThat(reason).hasSizeLessThanOrEqualTo(203).doesNotContain("\u0000").doesNotContain("\n");
        assertThat(DeadLetterHandler.reason(new NullPointerException())).isEqualTo("NullPointerException: ");
    }
}
