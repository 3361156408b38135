package io.complaintskpi.streams;

import io.complaintskpi.alerts.AlertId;
import io.complaintskpi.alerts.PendingAlert;
import org.apache.kafka.common.utils.Bytes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The key layout of {@code deadline-index}, binary: a part byte, the firing date (4 bytes, in date order:
 * {@link OpenAlertKeySchema#writeDay}) and the {@code open-alerts} key of the alert it will raise. The key
 * holds every field of the {@link PendingAlert}, so the value is empty and the scan decodes nothing else.
 * Keys sort by part, then firing date, so the wall-clock scan reads one range up to today and costs only what
 * has come due. Alerts held until a load of history settles are kept apart in the second part: after every
 * date, out of the daily range. The only class that writes, reads or bounds these keys.
 */
final class DeadlineIndexKeySchema {

    /** The value of every entry: everything is in the key. */
    static final byte[] NO_VALUE = new byte[0];
    private static final byte FIRING = 0;
    private static final byte SETTLING = 1;
    private static final int PART_AND_DAY = 1 + Integer.BYTES;

    private DeadlineIndexKeySchema() {
    }

    static Bytes key(PendingAlert pending) {
        return key(FIRING, pending);
    }

    /** Where {@code pending} waits while a load of history settles. */
    static Bytes settlingKey(PendingAlert pending) {
        return key(SETTLING, pending);
    }

    /** The prefix of every key waiting for a load to settle. */
    static Bytes settlingPrefix() {
        return Bytes.wrap(new byte[] {SETTLING});
    }

    /** The lower bound (inclusive) of the daily part: before every firing date. */
    static Bytes firingFrom() {
        return Bytes.wrap(new byte[] {FIRING});
    }

    /**
     * The upper bound (inclusive) of every key firing on or before {@code day}: the next day's date alone, which
     * sorts before every key of that day (each has an alert key after the date) and is never a key itself.
     */
    static Bytes firingUpTo(LocalDate day) {
        ByteBuffer bound = ByteBuffer.allocate(PART_AND_DAY).put(FIRING);
        OpenAlertKeySchema.writeDay(bound, day.plusDays(1));
        return Bytes.wrap(bound.array());
    }

    /** The pending alert a key (of either part) holds. */
    static PendingAlert pending(Bytes key) {
        ByteBuffer from = ByteBuffer.wrap(key.get());
        from.get();
        LocalDate firesOn = OpenAlertKeySchema.readDay(from);
        AlertId id = OpenAlertKeySchema.read(from, key.get().length - PART_AND_DAY);
        return new PendingAlert(id.kind(), id.complaintId(), id.deadline().stage(), id.deadline().milestone(),
                firesOn, id.deadline().due());
    }

    private static Bytes key(byte part, PendingAlert pending) {
        AlertId id = pending.alertId();
        byte[] reference = id.complaintId().getBytes(StandardCharsets.UTF_8);
        ByteBuffer key = ByteBuffer.allocate(PART_AND_DAY + OpenAlertKeySchema.length(reference)).put(part);
        OpenAlertKeySchema.writeDay(key, pending.firesOn());
        OpenAlertKeySchema.write(key, reference, id);
        return Bytes.wrap(key.array());
    }
}
