package io.complaintskpi.streams;

import io.complaintskpi.contributions.InternalErrorException;
import io.complaintskpi.events.InvalidEventException;
import io.complaintskpi.lifecycle.IllegalTransitionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterHandlerTest {

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
