package io.complaintskpi.lifecycle;

import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.rules.CorporateTimescales;

import java.time.LocalDate;

/**
 * A corporate complaint stage's dates against one set of timescales (the Complaint Handling Code's, or the
 * council's own): acknowledged within N working days of its receipt or request; answered within M working days
 * of the acknowledgement, counted until it is acknowledged (and after a late one) from the last day the
 * acknowledgement was allowed, so a late acknowledgement never buys time.
 */
public record CorporateClock(WorkingDayCalendar calendar, CorporateTimescales timescales) {

    /** How an extension compares with the limit the timescales allow without a reason. */
    public enum ExtensionCompliance {
        WITHIN, BEYOND_WITH_REASON, BEYOND_WITHOUT_REASON;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public LocalDate acknowledgementDue(Stage stage) {
        return calendar.addWorkingDays(stage.openedOn(), timescales.acknowledgement(stage.number()));
    }

    public boolean acknowledgedInTime(Stage stage) {
        return stage.acknowledgedOn() != null && !stage.acknowledgedOn().isAfter(acknowledgementDue(stage));
    }

    /** Day 0 of the response clock: the acknowledgement, or the day it was due if it is later or still missing. */
    public LocalDate responseClockStart(Stage stage) {
        LocalDate due = acknowledgementDue(stage);
        return stage.acknowledgedOn() != null && stage.acknowledgedOn().isBefore(due) ? stage.acknowledgedOn() : due;
    }

    /** The response date the complainant was given: the council's limit, or the extension it told them of. */
    public LocalDate responseDue(Stage stage) {
        int limit = stage.extendedToWorkingDays() != null ? stage.extendedToWorkingDays()
                : timescales.response(stage.number());
        return calendar.addWorkingDays(responseClockStart(stage), limit);
    }

    /**
     * The last day a response complies with these timescales: an extension counts in full with a recorded reason,
     * otherwise only up to the extension they allow without one.
     */
    public LocalDate compliantResponseDue(Stage stage) {
        int base = timescales.response(stage.number());
        Integer extended = stage.extendedToWorkingDays();
        int limit = extended == null ? base
                : stage.extensionReasoned() ? Math.max(base, extended)
                : Math.max(base, Math.min(extended, base + timescales.extension(stage.number())));
        return calendar.addWorkingDays(responseClockStart(stage), limit);
    }

    public boolean respondedInTime(Stage stage) {
        return stage.responded() && !stage.closedOn().isAfter(compliantResponseDue(stage));
    }

    /** The stage's extension against these timescales; null when it has none. */
    public ExtensionCompliance extension(Stage stage) {
        Integer extended = stage.extendedToWorkingDays();
        if (extended == null) {
            return null;
        }
        int allowed = timescales.response(stage.number()) + timescales.extension(stage.number());
        if (extended <= allowed) {
            return ExtensionCompliance.WITHIN;
        }
        return stage.extensionReasoned() ? ExtensionCompliance.BEYOND_WITH_REASON
                : ExtensionCompliance.BEYOND_WITHOUT_REASON;
    }
}
