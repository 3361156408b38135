package io.complaintskpi.streams;

import io.complaintskpi.contributions.InternalErrorException;
import io.complaintskpi.events.InvalidEventException;
import io.complaintskpi.lifecycle.IllegalTransitionException;
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

    @Test
    void onlyTheContractsAndTheRulesRefusalsAreRejectionsAnythingElseIsAnInternalError() {
        InvalidEventException invalid = new InvalidEventException("bad");
        IllegalTransitionException impossible = new IllegalTransitionException("impossible");
        assertThat(DeadLetterHandler.classify(invalid)).isSameAs(invalid);
        assertThat(DeadLetterHandler.classify(impossible)).isSameAs(impossible);
        NullPointerException bug = new NullPointerException("x is null");
        assertThat(DeadLetterHandler.classify(bug)).isInstanceOf(InternalErrorException.class).hasCause(bug)
                .hasMessageContaining("please report it").hasMessageContaining("NullPointerException: x is null");
    }
}
