package io.complaintskpi.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.time.api.constraints.DateRange;

class WorkingDayCalendarProperties {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();

    @Property
    void addingThenCountingBackGivesN(@ForAll @DateRange(min = "2010-01-01", max = "2030-12-31") LocalDate received,
                                      @ForAll @IntRange(max = 130) int n) {
        assertThat(calendar.workingDaysBetween(received, calendar.addWorkingDays(received, n))).isEqualTo(n);
    }

    @Property
    void deadlineIsAlwaysAWorkingDay(@ForAll @DateRange(min = "2010-01-01", max = "2030-12-31") LocalDate received,
                                     @ForAll @IntRange(max = 130) int n) {
        assertThat(calendar.isWorkingDay(calendar.addWorkingDays(received, n))).isTrue();
    }

    @Property
    void deadlineIsStrictlyIncreasingInN(@ForAll @DateRange(min = "2010-01-01", max = "2030-12-31") LocalDate received,
                                         @ForAll @IntRange(max = 130) int n) {
        assertThat(calendar.addWorkingDays(received, n + 1)).isAfter(calendar.addWorkingDays(received, n));
        assertThat(calendar.addWorkingDays(received, n)).isAfterOrEqualTo(received);
    }

    @Property
    void onTimeByDateExactlyWhenWithinNWorkingDays(
            @ForAll @DateRange(min = "2010-01-01", max = "2030-12-31") LocalDate received,
            @ForAll @IntRange(min = -10, max = 200) int daysToResponse,
            @ForAll @IntRange(max = 65) int n) {
        LocalDate responded = received.plusDays(daysToResponse);
        boolean onTimeByDate = !responded.isAfter(calendar.addWorkingDays(received, n));
        assertThat(calendar.isOnTime(received, responded, n)).isEqualTo(onTimeByDate);
        assertThat(calendar.workingDaysBetween(received, responded) <= n).isEqualTo(onTimeByDate);
    }

    @Property
    void extraClosuresAreSkippedAndOnlyEverDelayTheDeadline(
            @ForAll @Size(max = 15) Set<@DateRange(min = "2015-01-01", max = "2016-06-30") LocalDate> closures,
            @ForAll @DateRange(min = "2015-01-01", max = "2015-12-31") LocalDate received,
            @ForAll @IntRange(max = 65) int n) {
        WorkingDayCalendar closed = WorkingDayCalendar.englandAndWales(closures);
        LocalDate deadline = closed.addWorkingDays(received, n);

        assertThat(closures).doesNotContain(deadline).allSatisfy(d -> assertThat(closed.isWorkingDay(d)).isFalse());
        assertThat(deadline).isAfterOrEqualTo(calendar.addWorkingDays(received, n));
        assertThat(closed.workingDaysBetween(received, deadline)).isEqualTo(n);
    }

    @Property
    void extraWorkingDaysAreCountedAndOnlyEverBringTheDeadlineForward(
            @ForAll @Size(max = 8) Set<@DateRange(min = "2015-01-01", max = "2016-06-30") LocalDate> candidates,
            @ForAll @DateRange(min = "2015-01-01", max = "2015-12-31") LocalDate received,
            @ForAll @IntRange(max = 65) int n) {
        Set<LocalDate> holidays = new java.util.HashSet<>();
        candidates.stream().filter(d -> !BankHolidays.isWeekend(d)).forEach(holidays::add);
        WorkingDayCalendar moved = WorkingDayCalendar.englandAndWales(Set.of(), holidays);
        LocalDate deadline = moved.addWorkingDays(received, n);

        assertThat(holidays).allSatisfy(d -> assertThat(moved.isWorkingDay(d)).isTrue());
        assertThat(deadline).isBeforeOrEqualTo(calendar.addWorkingDays(received, n));
        assertThat(moved.workingDaysBetween(received, deadline)).isEqualTo(n);
    }
}
