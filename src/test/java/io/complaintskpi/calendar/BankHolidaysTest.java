package io.complaintskpi.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BankHolidaysTest {

    /** The published England and Wales lists (gov.uk bank-holidays.json), as literal data. */
    static Stream<Arguments> publishedLists() {
        return Stream.of(
                published(2012, "01-02", "04-06", "04-09", "05-07", "06-04", "06-05", "08-27", "12-25", "12-26"),
                published(2013, "01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"),
                published(2014, "01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"),
                published(2015, "01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"),
                published(2016, "01-01", "03-25", "03-28", "05-02", "05-30", "08-29", "12-26", "12-27"),
                published(2017, "01-02", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"),
                published(2018, "01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"),
                published(2019, "01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"),
                published(2020, "01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"),
                published(2021, "01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"),
                published(2022, "01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19",
                        "12-26", "12-27"),
                published(2023, "01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"),
                published(2024, "01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"),
                published(2025, "01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"),
                published(2026, "01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"),
                published(2027, "01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"));
    }

    private static Arguments published(int year, String... monthDays) {
        List<LocalDate> dates = Arrays.stream(monthDays).map(md -> LocalDate.parse(year + "-" + md)).toList();
        return Arguments.of(year, dates);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedLists")
    void matchesThePublishedList(int year, List<LocalDate> published) {
        assertThat(BankHolidays.forYear(year)).containsExactlyElementsOf(published);
    }

    @ParameterizedTest(name = "Easter {0}")
    @CsvSource({
            "2012-04-08", "2013-03-31", "2014-04-20", "2015-04-05", "2016-03-27", "2017-04-16", "2018-04-01",
            "2019-04-21", "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09", "2024-03-31", "2025-04-20",
            "2026-04-05", "2027-03-28",
            // Extremes of the computus: earliest (22 March) and latest (25 April) possible dates.
            "1818-03-22", "2285-03-22", "1943-04-25", "2038-04-25"})
    void easterSundayByTheGregorianComputus(LocalDate easter) {
        assertThat(BankHolidays.easterSunday(easter.getYear())).isEqualTo(easter);
    }

    @Test
    void christmasOnSaturdayGivesMondayAndTuesday() {
        assertThat(BankHolidays.forYear(2010)).contains(LocalDate.of(2010, 12, 27), LocalDate.of(2010, 12, 28))
                .doesNotContain(LocalDate.of(2010, 12, 25), LocalDate.of(2010, 12, 26));
    }

    @Test
    void newYearOnSaturdayMovesToMonday() {
        assertThat(BankHolidays.forYear(2028)).contains(LocalDate.of(2028, 1, 3))
                .doesNotContain(LocalDate.of(2028, 1, 1));
    }

    @Test
    void isUnmodifiable() {
        assertThat(BankHolidays.forYear(2015)).isUnmodifiable();
    }
}
