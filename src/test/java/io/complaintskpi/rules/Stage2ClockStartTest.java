package io.complaintskpi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Stage2ClockStartTest {

    private static final LocalDate REQUESTED = LocalDate.of(2015, 6, 1);
    private static final LocalDate AGREED = LocalDate.of(2015, 6, 12);

    @Test
    void defaultCountsFromTheAgreedStatement() {
        assertThat(Stage2ClockStart.DEFAULT).isEqualTo(Stage2ClockStart.STATEMENT_AGREED);
        assertThat(Stage2ClockStart.STATEMENT_AGREED.startDate(REQUESTED, AGREED)).isEqualTo(AGREED);
    }

    @Test
    void fallsBackToTheRequestWhileNoStatementIsAgreed() {
        assertThat(Stage2ClockStart.STATEMENT_AGREED.startDate(REQUESTED, null)).isEqualTo(REQUESTED);
    }

    @Test
    void requestOptionIgnoresTheStatement() {
        assertThat(Stage2ClockStart.REQUEST.startDate(REQUESTED, AGREED)).isEqualTo(REQUESTED);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({
            "STATEMENT_AGREED, STATEMENT_AGREED",
            "statement-agreed, STATEMENT_AGREED",
            "request,          REQUEST",
            "' Request ',      REQUEST",
            "'',               STATEMENT_AGREED",
    })
    void parsesConfiguration(String text, Stage2ClockStart expected) {
        assertThat(Stage2ClockStart.parse(text)).isEqualTo(expected);
    }

    @Test
    void nullConfigurationGivesTheDefault() {
        assertThat(Stage2ClockStart.parse(null)).isEqualTo(Stage2ClockStart.DEFAULT);
    }

    @Test
    void rejectsUnknownValuesListingTheChoices() {
        assertThatThrownBy(() -> Stage2ClockStart.parse("acknowledged"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'acknowledged'")
                .hasMessageContaining("STATEMENT_AGREED, REQUEST");
    }
}
