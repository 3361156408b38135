package io.complaintskpi.events;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads an event's {@code occurredAt}. Every event is read at the door and again from its stored form, and
 * {@link OffsetDateTime#parse} through its formatter was some 4 % of the stream thread: the two shapes the
 * canonical form writes ({@code 2021-04-01T09:30:00Z}, {@code 2021-04-01T09:30:00+01:00}) are read by position;
 * anything else (fractions, lower case, a bad field) goes to {@link OffsetDateTime#parse}, so what is accepted
 * and every refusal's message are the formatter's.
 */
final class OccurredAt {

    private OccurredAt() {
    }

    static OffsetDateTime parse(String text) {
        OffsetDateTime read = text == null ? null : byPosition(text);
        return read != null ? read : OffsetDateTime.parse(text);
    }

    /** The canonical shapes, or null to leave the text to the formatter. */
    private static OffsetDateTime byPosition(String text) {
        int length = text.length();
        if ((length != 20 && length != 25) || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        ZoneOffset offset = offset(text, length);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, 0, offset);
        } catch (DateTimeException outOfRange) {
            return null; // the formatter refuses it too, in its own words
        }
    }

    private static ZoneOffset offset(String text, int length) {
        if (length == 20) {
            return text.charAt(19) == 'Z' ? ZoneOffset.UTC : null;
        }
        char sign = text.charAt(19);
        int hours = digits(text, 20, 2);
        int minutes = digits(text, 23, 2);
        if ((sign != '+' && sign != '-') || text.charAt(22) != ':' || hours < 0 || minutes < 0) {
            return null;
        }
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes)
                    : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The ASCII digits at {@code from}, or -1 if any is not one. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
