package io.complaintskpi.streams;

import io.complaintskpi.alerts.PendingAlert;

import java.time.LocalDate;

/**
 * The key layout of {@code deadline-index}: {@code firesOn|<the open-alerts key of the alert it will raise>}.
 * Keys sort by firing date (ISO dates sort as text), so the wall-clock scan reads one range up to today and
 * costs only what has come due. The only class that writes or bounds these keys.
 */
final class DeadlineIndexKeySchema {

    private static final char SEPARATOR = '|';
    /** Above the separator and every character a key holds after it: the end of one firing date's keys. */
    private static final char PAST_DATE = '\uffff';

    private DeadlineIndexKeySchema() {
    }

    static String key(PendingAlert pending) {
        return pending.firesOn().toString() + SEPARATOR + OpenAlertKeySchema.key(pending.alertId());
    }

    /** The upper bound (inclusive) of every key firing on or before {@code day}; the lower bound is open. */
    static String firingUpTo(LocalDate day) {
        return day.toString() + SEPARATOR + PAST_DATE;
    }
}
