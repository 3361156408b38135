package io.complaintskpi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TimelinessBandTest {

    @ParameterizedTest(name = "stage {0} after {1} working days: {2}")
    @CsvSource({
            "1, 0, WITHIN_10", "1, 10, WITHIN_10", "1, 11, WITHIN_20", "1, 20, WITHIN_20", "1, 21, OVER_20",
            "2, 0, WITHIN_25", "2, 25, WITHIN_25", "2, 26, WITHIN_65", "2, 65, WITHIN_65", "2, 66, OVER_65",
            "3, 30, WITHIN_30", "3, 31, OVER_30",
    })
    void bandsAreInclusiveOfTheirLimit(int stage, int workingDays, TimelinessBand band) {
        assertThat(TimelinessBand.of(stage, workingDays)).isEqualTo(band);
        assertThat(band.stage()).isEqualTo(stage);
    }

    @Test
    void keysAreStableLowercaseAndUnique() {
        assertThat(Arrays.stream(TimelinessBand.values()).map(TimelinessBand::key))
                .containsExactly("within10", "within20", "over20", "within25", "within65", "over65",
                        "within30", "over30");
    }

    @ParameterizedTest
    @EnumSource(TimelinessBand.class)
    void keyRoundTrips(TimelinessBand band) {
        assertThat(TimelinessBand.fromKey(band.key())).isEqualTo(band);
    }

    @Test
    void onlyTheOverBandsBreachTheStatutoryMaximum() {
        assertThat(Arrays.stream(TimelinessBand.values()).filter(b -> !b.withinStatutoryMaximum()))
                .containsExactly(TimelinessBand.OVER_20, TimelinessBand.OVER_65, TimelinessBand.OVER_30);
    }

    @Test
    void rejectsUnknownStagesKeysAndNegativeDays() {
        assertThatThrownBy(() -> TimelinessBand.of(4, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stage 4");
        assertThatThrownBy(() -> TimelinessBand.of(1, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> TimelinessBand.fromKey("within11")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'within11'");
    }
}
