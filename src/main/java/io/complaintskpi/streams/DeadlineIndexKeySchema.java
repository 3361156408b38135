package io.complaintskpi.streams;

import io.complaintskpi.alerts.PendingAlert;

import java.time.LocalDate;

/**
 * The key layout of {@code deadline-index}: {@code firesOn|<the open-alerts key of the alert it will raise>}.
 * Keys sort by firing date (ISO dates sort as text), so the wall-clock scan reads one range up to today and
 * costs only what has come due. Alerts held until a load of history settles are kept apart, under
 * {@code settling|} and the same key: after every date, out of the daily range. The only class that writes or
 * bounds these keys.
 */
final class DeadlineIndexKeySchema {

    private static final char SEPARATOR = '|';
    /** Above the separator and every character a key holds after it: the end of one firing date's keys. */
    private static final char PAST_DATE = '\uffff';

    private DeadlineIndexKeySchema() {
    }

    private static final String SETTLING = "settling" + SEPARATOR;

    static String key(PendingAlert pending) {
        return pending.firesOn().toString() + SEPARATOR + OpenAlertKeySchema.key(pending.alertId());
    }

    /** Where {@code pending} waits while a load of history settles. */
    static String settlingKey(PendingAlert pending) {
        return SETTLING + key(pending);
    }

    /** The prefix of every key waiting for a load to settle. */
    static String settlingPrefix() {
        return SETTLING;
    }

    /** The upper bound (inclusive) of every key firing on or before {@code day}; the lower bound is open. */
    static String firingUpTo(LocalDate day) {
        return day.toString() + SEPARATOR + PAST_DATE;
    }
}
