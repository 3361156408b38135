package io.complaintskpi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.Timescale.Milestone;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimescalesTest {

    private final Timescales timescales = Timescales.statutory();

    @ParameterizedTest(name = "{0} stage {1} {2}: {3} working days, at most {4}")
    @CsvSource({
            "CHILDREN, 1, RESPONSE,        10, 20",
            "CHILDREN, 2, RESPONSE,        25, 65",
            "CHILDREN, 3, PANEL_MEETING,   30, 30",
            "CHILDREN, 3, PANEL_REPORT,     5,  5",
            "CHILDREN, 3, RESPONSE,        15, 15",
            "ADULTS,   1, ACKNOWLEDGEMENT,  3,  3",
            "CORPORATE, 1, ACKNOWLEDGEMENT, 5,  5",
            "CORPORATE, 1, RESPONSE,       10, 20",
            "CORPORATE, 2, ACKNOWLEDGEMENT, 5,  5",
            "CORPORATE, 2, RESPONSE,       20, 40",
    })
    void statutoryLimits(Regime regime, int stage, Milestone milestone, int days, int max) {
        Timescale limit = timescales.require(regime, stage, milestone);
        assertThat(limit.workingDays()).isEqualTo(days);
        assertThat(limit.maxWorkingDays()).isEqualTo(max);
        assertThat(limit.extendable()).isEqualTo(max > days);
        assertThat(limit.source()).isNotBlank();
    }

    @Test
    void listsEveryLimitOnce() {
        assertThat(timescales.all()).hasSize(10)
                .extracting(t -> t.regime() + "/" + t.stage() + "/" + t.milestone())
                .doesNotHaveDuplicates();
    }

    @Test
    void adultResponseHasNoWorkingDayLimit() {
        assertThat(timescales.find(Regime.ADULTS, 1, Milestone.RESPONSE)).isEmpty();
        assertThatThrownBy(() -> timescales.require(Regime.ADULTS, 1, Milestone.RESPONSE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adults'");
    }

    @Test
    void adultResponseIsDueOnTheAgreedDateElseAfterTheDefaultPeriod() {
        LocalDate received = LocalDate.of(2015, 8, 31);
        assertThat(timescales.adultsResponseMonths()).isEqualTo(6);
        assertThat(timescales.adultsResponseDue(received, null)).isEqualTo(LocalDate.of(2016, 2, 29));
        assertThat(timescales.adultsResponseDue(received, LocalDate.of(2015, 10, 1)))
                .isEqualTo(LocalDate.of(2015, 10, 1));
        assertThat(Timescales.withAdultsResponseMonths(3).adultsResponseDue(received, null))
                .isEqualTo(LocalDate.of(2015, 11, 30));
    }

    @ParameterizedTest(name = "received {0}: six months end on {1}")
    @CsvSource({
            "2015-06-01, 2015-11-30", // the day before 1 December
            "2015-06-15, 2015-12-14",
            "2015-09-01, 2016-02-29", // the day before 1 March, in a leap year
            "2015-08-29, 2016-02-28", // the day before 29 February
            "2015-08-30, 2016-02-29", // no 30 February: the month's last day
            "2016-08-31, 2017-02-28",
    })
    void theSixMonthsBeginningOnTheDayOfReceiptEndTheDayBeforeTheSameDate(LocalDate received, LocalDate due) {
        assertThat(timescales.adultsResponseDue(received, null)).isEqualTo(due);
    }

    @Test
    void rejectsAnAdultResponsePeriodUnderAMonth() {
        assertThatThrownBy(() -> Timescales.withAdultsResponseMonths(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 month");
    }

    @Test
    void stagesPerRegime() {
        assertThat(Timescales.stages(Regime.CHILDREN)).isEqualTo(3);
        assertThat(Timescales.stages(Regime.ADULTS)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} stage {1} extended to {2}")
    @CsvSource({"CHILDREN, 1, 20", "CHILDREN, 1, 15", "CHILDREN, 2, 65", "CHILDREN, 2, 40", "ADULTS, 1, 200"})
    void allowsExtensionsUpToTheStatutoryMaximum(Regime regime, int stage, int workingDays) {
        assertThat(timescales.extensionViolation(regime, stage, workingDays)).isEmpty();
    }

    @Test
    void stageOneBeyondTwentyWorkingDaysIsAViolation() {
        assertThat(timescales.extensionViolation(Regime.CHILDREN, 1, 21)).hasValueSatisfying(reason ->
                assertThat(reason).contains("stage 1", "at most 20 working days", "21 requested"));
    }

    @Test
    void stageTwoBeyondSixtyFiveWorkingDaysIsAViolation() {
        assertThat(timescales.extensionViolation(Regime.CHILDREN, 2, 66)).hasValueSatisfying(reason ->
                assertThat(reason).contains("stage 2", "at most 65 working days", "66 requested"));
    }

    @ParameterizedTest(name = "children's stage {0} 'extended' to {1} working days")
    @CsvSource({"1, 5, 11-20", "1, 10, 11-20", "2, 25, 26-65", "2, 10, 26-65"})
    void anExtensionThatDoesNotLengthenTheLimitIsAViolation(int stage, int workingDays, String range) {
        assertThat(timescales.extensionViolation(Regime.CHILDREN, stage, workingDays)).hasValue(
                "an extension lengthens the limit: children's stage " + stage + " may be extended to " + range
                        + " working days in total (SI 2006/1738 reg " + (stage == 1 ? 14 : 17) + "); "
                        + workingDays + " requested");
    }

    @ParameterizedTest(name = "children's stage {0} extended to {1} working days")
    @CsvSource({"1, 11", "2, 26"})
    void theShortestExtensionIsOneDayMore(int stage, int workingDays) {
        assertThat(timescales.extensionViolation(Regime.CHILDREN, stage, workingDays)).isEmpty();
    }

    @Test
    void stageThreeCannotBeExtended() {
        assertThat(timescales.extensionViolation(Regime.CHILDREN, 3, 20)).hasValueSatisfying(reason ->
                assertThat(reason).contains("cannot be extended"));
    }

    @ParameterizedTest(name = "{0} stage {1} with {2} working days")
    @CsvSource({
            "CHILDREN, 4, 10, no stage 4",
            "ADULTS,   2, 10, no stage 2",
            "CHILDREN, 1,  0, an extension lengthens the limit: children's stage 1 may be extended to 11-20 working days in total (SI 2006/1738 reg 14); 0 requested",
    })
    void rejectsNonsense(Regime regime, int stage, int workingDays, String reason) {
        assertThat(timescales.extensionViolation(regime, stage, workingDays)).hasValueSatisfying(r ->
                assertThat(r).contains(reason));
    }
}
