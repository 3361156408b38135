package io.complaintskpi.calendar;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.time.api.constraints.DateRange;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The count of working days by running totals per year equals counting day by day, over any span of years. */
class WorkingDaysBetweenProperties {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales(
            Set.of(LocalDate.parse("2015-12-29"), LocalDate.parse("2020-12-31")), Set.of(LocalDate.parse("2032-05-03")));

    @Property
    void equalsTheDayByDayCount(@ForAll @DateRange(min = "2010-01-01", max = "2034-12-31") LocalDate received,
                                @ForAll @DateRange(min = "2010-01-01", max = "2034-12-31") LocalDate responded) {
        LocalDate start = calendar.effectiveReceipt(received);
        LocalDate end = calendar.effectiveReceipt(responded);
        int dayByDay = 0;
        for (LocalDate date = start.plusDays(1); !date.isAfter(end); date = date.plusDays(1)) {
            dayByDay += calendar.isWorkingDay(date) ? 1 : 0;
        }
        assertThat(calendar.workingDaysBetween(received, responded)).isEqualTo(dayByDay);
    }
}
