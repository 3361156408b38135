package io.complaintskpi.alerts;

import io.complaintskpi.calendar.WorkingDayCalendar;

import java.time.LocalDate;

/** How far a due date is from today in working days; the one home of "overdue" for alerts and lists. */
public final class Overdue {

    private Overdue() {
    }

    /** Working days past {@code due} on {@code today}; 0 up to and including the due date. */
    public static int workingDaysOverdue(WorkingDayCalendar calendar, LocalDate due, LocalDate today) {
        return today.isAfter(due) ? calendar.workingDaysBetween(due, today) : 0;
    }

    /** Working days left until {@code due}; 0 once it has passed. */
    public static int workingDaysLeft(WorkingDayCalendar calendar, LocalDate due, LocalDate today) {
        return today.isAfter(due) ? 0 : calendar.workingDaysBetween(today, due);
    }
}
