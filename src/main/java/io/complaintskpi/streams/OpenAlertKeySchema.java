package io.complaintskpi.streams;

import io.complaintskpi.alerts.AlertId;

/**
 * The key layout of {@code open-alerts}: {@code complaintId|stage|milestone|dueDate|kind}, one key per
 * {@link AlertId}. Keys start with the complaint, so a complaint's open alerts are one prefix scan. The
 * complaint reference cannot hold the separator (the contract allows letters, digits and {@code . _ : / -}),
 * so one complaint's prefix never matches another's keys. The only class that writes or bounds these keys.
 */
final class OpenAlertKeySchema {

    static final char SEPARATOR = '|';

    private OpenAlertKeySchema() {
    }

    static String key(AlertId id) {
        return complaintPrefix(id.complaintId()) + id.deadline().stage() + SEPARATOR + id.deadline().milestone()
                + SEPARATOR + id.deadline().due() + SEPARATOR + id.kind();
    }

    /** The part every key of one complaint's alerts starts with. */
    static String complaintPrefix(String complaintId) {
        return complaintId + SEPARATOR;
    }
}
