package io.complaintskpi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FinancialYearTest {

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
            "2015-04-01, 2015/16",
            "2015-12-31, 2015/16",
            "2016-03-31, 2015/16",
            "2016-04-01, 2016/17",
            "2015-03-31, 2014/15",
            "2000-01-15, 1999/00",
    })
    void yearOfADate(LocalDate date, String label) {
        assertThat(FinancialYear.of(date).label()).isEqualTo(label);
    }

    @Test
    void runsFromFirstAprilToThirtyFirstMarchInclusive() {
        FinancialYear year = new FinancialYear(2015);
        assertThat(year.start()).isEqualTo(LocalDate.of(2015, 4, 1));
        assertThat(year.end()).isEqualTo(LocalDate.of(2016, 3, 31));
        assertThat(year.contains(LocalDate.of(2016, 3, 31))).isTrue();
        assertThat(year.contains(LocalDate.of(2016, 4, 1))).isFalse();
        assertThat(year.contains(LocalDate.of(2015, 3, 31))).isFalse();
    }

    @Test
    void previousYear() {
        assertThat(new FinancialYear(2015).previous()).isEqualTo(new FinancialYear(2014));
        assertThat(new FinancialYear(2000).previous().label()).isEqualTo("1999/00");
    }

    @ParameterizedTest(name = "{0} parses to {1}")
    @CsvSource({"2015/16, 2015", "' 2009/10 ', 2009", "1999/00, 1999", "2015-16, 2015", "1999-00, 1999"})
    void parsesTheLabel(String text, int startYear) {
        assertThat(FinancialYear.parse(text)).isEqualTo(new FinancialYear(startYear));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"2015_16", "15/16", "2015/2016", "2015", "FY2015/16"})
    void rejectsTextNotShapedLikeAFinancialYear(String text) {
        assertThatThrownBy(() -> FinancialYear.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a financial year like 2015/16 or 2015-16");
    }

    @Test
    void rejectsYearsThatDoNotFollow() {
        assertThatThrownBy(() -> FinancialYear.parse("2015/17"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'2015/17'")
                .hasMessageContaining("2015/16");
    }

    @ParameterizedTest(name = "month {0} is Q{1}")
    @CsvSource({"4, 1", "5, 1", "6, 1", "7, 2", "8, 2", "9, 2", "10, 3", "11, 3", "12, 3", "1, 4", "2, 4", "3, 4"})
    void quartersRunFromApril(int month, int quarter) {
        assertThat(FinancialYear.quarterOf(LocalDate.of(2015, month, 15))).isEqualTo(quarter);
    }

    @Test
    void ordersByStartYear() {
        assertThat(new FinancialYear(2014)).isLessThan(new FinancialYear(2015));
    }
}
