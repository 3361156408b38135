package io.complaintskpi.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDaysBeforeTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();

    @Test
    void stepsBackOverChristmasAndNewYear() {
        // Tue 5 Jan 2016 minus 2 working days skips Fri 1 Jan (New Year) and the weekend: Thu 31 Dec.
        assertThat(calendar.workingDaysBefore(LocalDate.parse("2016-01-05"), 2)).isEqualTo("2015-12-31");
        // Minus 5 also skips Boxing Day's substitute (Mon 28 Dec) and Christmas Day: Thu 24 Dec.
        assertThat(calendar.workingDaysBefore(LocalDate.parse("2016-01-05"), 5)).isEqualTo("2015-12-24");
        assertThat(calendar.workingDaysBefore(LocalDate.parse("2016-01-05"), 0)).isEqualTo("2016-01-05");
    }

    @Test
    void isTheInverseOfAddingWorkingDays() {
        LocalDate received = LocalDate.parse("2016-03-21");
        LocalDate due = calendar.addWorkingDays(received, 10);
        assertThat(calendar.workingDaysBefore(due, 10)).isEqualTo(received);
    }

    @Test
    void rejectsANegativeCount() {
        assertThatThrownBy(() -> calendar.workingDaysBefore(LocalDate.parse("2016-01-05"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
