package io.complaintskpi.app;

import io.complaintskpi.config.RulesFingerprint;
import io.complaintskpi.config.ServiceConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class StoredRulesTest {

    private static final RulesFingerprint AGREED = rules("STATEMENT_AGREED");
    private static final RulesFingerprint REQUEST = rules("REQUEST");

    private static RulesFingerprint rules(String clockStart) {
        return RulesFingerprint.of(ServiceConfig.load(Map.of(), new Properties(),
                Map.of("rules.stage2-clock-start", clockStart)));
    }

    @Test
    void existingStateUnderOtherRulesIsRefusedWithTheChangeAndTheRebuild() {
        StoredRules.Verdict verdict = StoredRules.judge(Optional.of(AGREED), true, REQUEST, "complaints-kpi");
        assertThat(verdict).isInstanceOfSatisfying(StoredRules.Verdict.Refuse.class, refuse -> {
            assertThat(refuse.changes()).containsExactly("rules.stage2-clock-start: STATEMENT_AGREED -> REQUEST");
            assertThat(refuse.rebuildCommand()).isEqualTo("--set application.id=complaints-kpi-" + REQUEST.id());
            assertThat(StoredRules.explain(refuse, "complaints-kpi")).hasSize(4)
                    .contains("  rules.stage2-clock-start: STATEMENT_AGREED -> REQUEST");
        });
    }

    @Test
    void existingStateUnderTheSameRulesStarts() {
        assertThat(StoredRules.judge(Optional.of(REQUEST), true, REQUEST, "a"))
                .isInstanceOf(StoredRules.Verdict.Same.class);
    }

    @Test
    void stateBuiltFromTheFirstEventRecordsTheNewRulesWhateverWasStored() {
        assertThat(StoredRules.judge(Optional.of(AGREED), false, REQUEST, "a"))
                .isInstanceOf(StoredRules.Verdict.Record.class);
        assertThat(StoredRules.judge(Optional.empty(), false, REQUEST, "a"))
                .isInstanceOf(StoredRules.Verdict.Record.class);
    }

    @Test
    void stateFromBeforeRulesWereRecordedIsAdoptedNotRefused() {
        assertThat(StoredRules.judge(Optional.empty(), true, REQUEST, "a"))
                .isInstanceOf(StoredRules.Verdict.Adopt.class);
    }
}
