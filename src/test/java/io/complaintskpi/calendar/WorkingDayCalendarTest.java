package io.complaintskpi.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class WorkingDays {
        @ParameterizedTest(name = "{0} working={1}")
        @CsvSource({
                "2015-12-23, true",   // Wednesday
                "2015-12-25, false",  // Christmas Day, Friday
                "2015-12-26, false",  // Saturday
                "2015-12-27, false",  // Sunday
                "2015-12-28, false",  // Boxing Day substitute
                "2015-12-29, true",
                "2016-03-25, false",  // Good Friday
                "2016-03-28, false",  // Easter Monday
                "2022-09-19, false",  // State Funeral one-off
        })
        void weekendsAndBankHolidaysAreNotWorkingDays(LocalDate day, boolean working) {
            assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
        }

        @Test
        void extraClosuresAreNotWorkingDays() {
            WorkingDayCalendar closed = WorkingDayCalendar.englandAndWales(Set.of(date("2015-12-29")));
            assertThat(closed.isWorkingDay(date("2015-12-29"))).isFalse();
            assertThat(closed.isWorkingDay(date("2015-12-30"))).isTrue();
            assertThat(closed.extraClosures()).containsExactly(date("2015-12-29"));
        }

        @Test
        void anExtraWorkingDayOverridesTheBankHolidayRules() {
            // A future proclamation moving the early May bank holiday from Monday 3 May 2032 to Friday 7 May.
            WorkingDayCalendar moved = WorkingDayCalendar.englandAndWales(
                    Set.of(date("2032-05-07")), WorkingDayCalendar.parseWorkingDays("2032-05-03"));
            assertThat(calendar.isWorkingDay(date("2032-05-03"))).isFalse();
            assertThat(moved.isWorkingDay(date("2032-05-03"))).isTrue();
            assertThat(moved.isWorkingDay(date("2032-05-07"))).isFalse();
            assertThat(moved.extraWorkingDays()).containsExactly(date("2032-05-03"));
            // Received Friday 30 April: 3 working days are Mon 3, Tue 4, Wed 5 May instead of Tue-Thu.
            assertThat(calendar.addWorkingDays(date("2032-04-30"), 3)).isEqualTo(date("2032-05-06"));
            assertThat(moved.addWorkingDays(date("2032-04-30"), 3)).isEqualTo(date("2032-05-05"));
            assertThat(moved.workingDaysBetween(date("2032-04-30"), date("2032-05-10"))).isEqualTo(5);
        }

        @Test
        void aWeekdayThatIsNoBankHolidayStaysAWorkingDay() {
            WorkingDayCalendar same = WorkingDayCalendar.englandAndWales(Set.of(), Set.of(date("2032-05-04")));
            assertThat(same.isWorkingDay(date("2032-05-04"))).isTrue();
            assertThat(same.isWorkingDay(date("2032-05-03"))).isFalse();
        }

        @Test
        void anExtraWorkingDayCannotBeAWeekendOrAClosure() {
            assertThatThrownBy(() -> WorkingDayCalendar.englandAndWales(Set.of(), Set.of(date("2032-05-01"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("extra working day 2032-05-01 is a SATURDAY; only a bank holiday can be made a working day");
            assertThatThrownBy(() -> WorkingDayCalendar.englandAndWales(
                    Set.of(date("2032-05-03")), Set.of(date("2032-05-03"))))
                    .hasMessage("2032-05-03 is both an extra closure and an extra working day");
            assertThatThrownBy(() -> WorkingDayCalendar.parseWorkingDays("3/5/2032"))
                    .hasMessageContaining("extra working day '3/5/2032' is not an ISO date");
        }
    }

    @Nested
    class Receipt {
        @ParameterizedTest(name = "received {0} counts from {1}")
        @CsvSource({
                "2015-12-24, 2015-12-24",  // a working day counts as itself
                "2015-12-25, 2015-12-29",  // Christmas, weekend and Boxing Day substitute skipped
                "2015-12-26, 2015-12-29",
                "2016-03-25, 2016-03-29",  // Good Friday to the Tuesday after Easter Monday
                "2016-01-02, 2016-01-04",  // Saturday to Monday
        })
        void receiptOnANonWorkingDayCountsFromTheNextWorkingDay(LocalDate received, LocalDate effective) {
            assertThat(calendar.effectiveReceipt(received)).isEqualTo(effective);
            assertThat(calendar.addWorkingDays(received, 0)).isEqualTo(effective);
        }
    }

    @Nested
    class Deadlines {
        @ParameterizedTest(name = "received {0} + {1} working days = {2}")
        @CsvSource({
                // Thu 24 Dec: Christmas, Boxing Day substitute (Mon 28) and New Year (Fri 1 Jan) skipped.
                "2015-12-24, 10, 2016-01-12",
                // Received on Boxing Day (Sat): day 0 is Tue 29 Dec.
                "2015-12-26, 10, 2016-01-13",
                // Thu before Easter 2016: Good Friday and Easter Monday skipped.
                "2016-03-24, 10, 2016-04-11",
                // Stage 2 from Wed 1 Apr 2015 across Easter (3 and 6 Apr) and the early May holiday (4 May).
                "2015-04-01, 25, 2015-05-11",
                // The stage 2 maximum, also across the spring bank holiday (25 May).
                "2015-04-01, 65, 2015-07-07",
                "2015-12-24, 1, 2015-12-29",
        })
        void deadlineIsTheNthWorkingDayAfterTheEffectiveReceipt(LocalDate received, int n, LocalDate deadline) {
            assertThat(calendar.addWorkingDays(received, n)).isEqualTo(deadline);
            assertThat(calendar.workingDaysBetween(received, deadline)).isEqualTo(n);
        }

        @Test
        void extraClosuresBetweenChristmasAndNewYearPushTheDeadline() {
            WorkingDayCalendar closed = WorkingDayCalendar.englandAndWales(
                    WorkingDayCalendar.parseClosures("2015-12-29,2015-12-30,2015-12-31"));
            assertThat(closed.addWorkingDays(date("2015-12-24"), 10)).isEqualTo(date("2016-01-15"));
            assertThat(closed.effectiveReceipt(date("2015-12-25"))).isEqualTo(date("2016-01-04"));
        }

        @Test
        void rejectsNegativeWorkingDays() {
            assertThatThrownBy(() -> calendar.addWorkingDays(date("2015-12-24"), -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-1");
        }
    }

    @Nested
    class WorkingDaysTaken {
        @ParameterizedTest(name = "received {0}, responded {1}: {2} working days")
        @CsvSource({
                "2015-12-24, 2016-01-12, 10",
                "2015-12-24, 2016-01-13, 11",
                "2015-12-24, 2015-12-24, 0",   // same day
                "2015-12-24, 2015-12-28, 1",   // response on the Boxing Day substitute counts as Tue 29 Dec
                "2015-12-25, 2015-12-29, 0",   // response on the effective receipt day
                "2015-12-24, 2015-12-01, 0",   // dated before receipt
                "2015-12-24, 2016-01-09, 9",   // Saturday response counts as Monday 11 Jan
                "2016-01-08, 2016-01-09, 1",   // Friday receipt, Saturday response counts as Monday
        })
        void countsWorkingDaysAfterTheEffectiveReceipt(LocalDate received, LocalDate responded, int taken) {
            assertThat(calendar.workingDaysBetween(received, responded)).isEqualTo(taken);
        }

        @Test
        void weekendResponseAfterAFridayDeadlineIsLateByBothMeasures() {
            LocalDate received = date("2016-01-08");
            LocalDate deadline = calendar.addWorkingDays(received, 5);
            assertThat(deadline).isEqualTo(date("2016-01-15"));

            LocalDate saturday = date("2016-01-16");
            assertThat(calendar.isOnTime(received, saturday, 5)).isFalse();
            assertThat(calendar.workingDaysBetween(received, saturday)).isEqualTo(6);
            assertThat(calendar.isOnTime(received, deadline, 5)).isTrue();
        }
    }

    @Nested
    class ClosureConfiguration {
        @Test
        void parsesACommaSeparatedListIgnoringBlanks() {
            assertThat(WorkingDayCalendar.parseClosures(" 2015-12-29, 2015-12-30 ,,"))
                    .containsExactlyInAnyOrder(date("2015-12-29"), date("2015-12-30"));
        }

        @Test
        void nullOrBlankMeansNoClosures() {
            assertThat(WorkingDayCalendar.parseClosures(null)).isEmpty();
            assertThat(WorkingDayCalendar.parseClosures("  ")).isEmpty();
        }

        @Test
        void rejectsAnEntryThatIsNotAnIsoDate() {
            assertThatThrownBy(() -> WorkingDayCalendar.parseClosures("2015-12-29,29/12/2015"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'29/12/2015'")
                    .hasMessageContaining("ISO date");
        }
    }
}
