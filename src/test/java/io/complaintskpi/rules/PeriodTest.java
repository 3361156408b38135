package io.complaintskpi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    private static final FinancialYear FY_2015 = new FinancialYear(2015);
    private static final LocalDate TODAY = LocalDate.of(2016, 3, 31);

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void financialYear() {
        assertThat(Period.financialYear(FY_2015)).isEqualTo(new Period(date("2015-04-01"), date("2016-03-31"),
                "2015/16", Period.Kind.FINANCIAL_YEAR));
    }

    @ParameterizedTest(name = "Q{0}")
    @CsvSource({
            "1, 2015-04-01, 2015-06-30",
            "2, 2015-07-01, 2015-09-30",
            "3, 2015-10-01, 2015-12-31",
            "4, 2016-01-01, 2016-03-31",
    })
    void quarters(int q, LocalDate from, LocalDate to) {
        Period quarter = Period.quarter(FY_2015, q);
        assertThat(quarter.from()).isEqualTo(from);
        assertThat(quarter.to()).isEqualTo(to);
        assertThat(quarter.label()).isEqualTo("2015/16 Q" + q);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5})
    void rejectsQuartersOutsideOneToFour(int q) {
        assertThatThrownBy(() -> Period.quarter(FY_2015, q))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 4");
    }

    @Test
    void monthCoversTheWholeMonth() {
        Period february = Period.month(YearMonth.of(2016, 2));
        assertThat(february.from()).isEqualTo(date("2016-02-01"));
        assertThat(february.to()).isEqualTo(date("2016-02-29"));
        assertThat(february.label()).isEqualTo("2016-02");
    }

    @Test
    void rollingEndsTodayInclusive() {
        Period last30 = Period.rolling(TODAY, 30);
        assertThat(last30.from()).isEqualTo(date("2016-03-02"));
        assertThat(last30.to()).isEqualTo(TODAY);
        assertThat(last30.lengthInDays()).isEqualTo(30);
        assertThat(last30.label()).isEqualTo("30 days to 2016-03-31");
    }

    @Test
    void previousFinancialYear() {
        assertThat(Period.financialYear(FY_2015).previous()).isEqualTo(Period.financialYear(new FinancialYear(2014)));
    }

    @Test
    void previousQuarterCrossesTheYearBoundary() {
        assertThat(Period.quarter(FY_2015, 1).previous()).isEqualTo(Period.quarter(new FinancialYear(2014), 4));
        assertThat(Period.quarter(FY_2015, 4).previous()).isEqualTo(Period.quarter(FY_2015, 3));
    }

    @Test
    void previousMonth() {
        assertThat(Period.month(YearMonth.of(2016, 1)).previous()).isEqualTo(Period.month(YearMonth.of(2015, 12)));
        assertThat(Period.month(YearMonth.of(2016, 3)).previous().lengthInDays()).isEqualTo(29);
    }

    @Test
    void previousRollingPeriodIsTheSameNumberOfDaysBefore() {
        Period before = Period.rolling(TODAY, 30).previous();
        assertThat(before.from()).isEqualTo(date("2016-02-01"));
        assertThat(before.to()).isEqualTo(date("2016-03-01"));
        assertThat(before.label()).isEqualTo("30 days to 2016-03-01");
    }

    @Test
    void rollingThirtyDaysIsNotAMonthEvenWhenItCoversOne() {
        Period rolling = Period.rolling(date("2016-04-30"), 30);
        Period april = Period.month(YearMonth.of(2016, 4));
        assertThat(rolling.from()).isEqualTo(april.from());
        assertThat(rolling.previous().from()).isEqualTo(date("2016-03-02"));
        assertThat(april.previous().from()).isEqualTo(date("2016-03-01"));
    }

    @Test
    void containsBothEnds() {
        Period q1 = Period.quarter(FY_2015, 1);
        assertThat(q1.contains(date("2015-04-01"))).isTrue();
        assertThat(q1.contains(date("2015-06-30"))).isTrue();
        assertThat(q1.contains(date("2015-03-31"))).isFalse();
        assertThat(q1.contains(date("2015-07-01"))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2015/16,    2015-04-01, 2016-03-31, 2015/16",
            "2015/16-Q2, 2015-07-01, 2015-09-30, 2015/16 Q2",
            "2015/16-q2, 2015-07-01, 2015-09-30, 2015/16 Q2",
            "2015/16 Q4, 2016-01-01, 2016-03-31, 2015/16 Q4",
            "2015-06,    2015-06-01, 2015-06-30, 2015-06",
            "2015-16,    2015-04-01, 2016-03-31, 2015/16",
            "1999-00,    1999-04-01, 2000-03-31, 1999/00",
            "2011-12,    2011-12-01, 2011-12-31, 2011-12",
            "2015-16-Q2, 2015-07-01, 2015-09-30, 2015/16 Q2",
            "last-30d,   2016-03-02, 2016-03-31, 30 days to 2016-03-31",
            "last-90d,   2016-01-02, 2016-03-31, 90 days to 2016-03-31",
            "last-365d,  2015-04-02, 2016-03-31, 365 days to 2016-03-31",
            "' last-7d ', 2016-03-25, 2016-03-31, 7 days to 2016-03-31",
    })
    void parsesEveryForm(String text, LocalDate from, LocalDate to, String label) {
        Period period = Period.parse(text, TODAY);
        assertThat(period.from()).isEqualTo(from);
        assertThat(period.to()).isEqualTo(to);
        assertThat(period.label()).isEqualTo(label);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"2015/16-Q5", "Q2", "2015", "yesterday", "last-30", "last30d", "2015-6"})
    void rejectsUnknownFormsListingTheAcceptedOnes(String text) {
        assertThatThrownBy(() -> Period.parse(text, TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2015/16-Q2")
                .hasMessageContaining("last-30d");
    }

    @Test
    void rejectsAMonthOutOfRange() {
        assertThatThrownBy(() -> Period.parse("2015-13", TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("01 to 12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"last-0d", "last-3661d"})
    void rejectsRollingWindowsOutOfRange(String text) {
        assertThatThrownBy(() -> Period.parse(text, TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 3660 days");
    }

    @Test
    void rejectsAFinancialYearWhoseYearsDoNotFollow() {
        assertThatThrownBy(() -> Period.parse("2015/17-Q1", TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2015/16");
    }

    @Test
    void rejectsAPeriodEndingBeforeItStarts() {
        assertThatThrownBy(() -> new Period(date("2016-01-02"), date("2016-01-01"), "x", Period.Kind.ROLLING_DAYS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before it starts");
    }
}
