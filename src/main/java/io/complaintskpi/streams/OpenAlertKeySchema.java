package io.complaintskpi.streams;

import io.complaintskpi.alerts.AlertId;
import io.complaintskpi.alerts.AlertKind;
import io.complaintskpi.lifecycle.Deadline;
import io.complaintskpi.rules.Timescale.Milestone;
import org.apache.kafka.common.utils.Bytes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The key layout of {@code open-alerts}, one binary key per {@link AlertId}: the complaint reference in UTF-8,
 * a zero byte, then ten fixed bytes: the stage (4 bytes), the milestone (1), the due date (4, {@link #writeDay})
 * and the kind (1), enums by their declared order. The reference cannot hold a zero byte (the contract allows
 * letters, digits and {@code . _ : / -}), so one complaint's keys never run into another's. Binary because the
 * lifecycle step looks keys up at every event of a complaint with deadlines; a text key cost a date printed
 * and parsed each time. The only class that writes or reads these keys.
 */
final class OpenAlertKeySchema {

    /** After the complaint reference: the end of the reference, below every byte a reference holds. */
    private static final byte END_OF_REFERENCE = 0;
    /** The fixed part after the reference: stage, milestone, due date, kind. */
    private static final int DEADLINE_BYTES = Integer.BYTES + 1 + Integer.BYTES + 1;
    private static final Milestone[] MILESTONES = Milestone.values();
    private static final AlertKind[] KINDS = AlertKind.values();

    private OpenAlertKeySchema() {
    }

    static Bytes key(AlertId id) {
        byte[] reference = id.complaintId().getBytes(StandardCharsets.UTF_8);
        ByteBuffer key = ByteBuffer.allocate(length(reference));
        write(key, reference, id);
        return Bytes.wrap(key.array());
    }

    /** The alert a key names. */
    static AlertId id(Bytes key) {
        return read(ByteBuffer.wrap(key.get()), key.get().length);
    }

    /** How many bytes the key of an alert of {@code reference} takes. */
    static int length(byte[] reference) {
        return reference.length + 1 + DEADLINE_BYTES;
    }

    /** Writes the key of {@code id} (whose reference in UTF-8 is {@code reference}) at the buffer's position. */
    static void write(ByteBuffer into, byte[] reference, AlertId id) {
        Deadline deadline = id.deadline();
        into.put(reference).put(END_OF_REFERENCE).putInt(deadline.stage()).put((byte) deadline.milestone().ordinal());
        writeDay(into, deadline.due());
        into.put((byte) id.kind().ordinal());
    }

    /** Reads the key of {@code length} bytes that starts at the buffer's position. */
    static AlertId read(ByteBuffer from, int length) {
        int referenceLength = length - 1 - DEADLINE_BYTES;
        if (referenceLength < 0) {
            throw new IllegalArgumentException("not an open-alerts key: " + length + " bytes");
        }
        byte[] reference = new byte[referenceLength];
        from.get(reference);
        if (from.get() != END_OF_REFERENCE) {
            throw new IllegalArgumentException("not an open-alerts key: no end to the reference");
        }
        int stage = from.getInt();
        Milestone milestone = MILESTONES[from.get()];
        LocalDate due = readDay(from);
        AlertKind kind = KINDS[from.get()];
        return new AlertId(new String(reference, StandardCharsets.UTF_8), new Deadline(stage, milestone, due), kind);
    }

    /**
     * A date in 4 bytes that sort as the dates do: its epoch day with the sign bit flipped, big-endian, so
     * unsigned byte order (RocksDB's and {@link Bytes}') is date order, before 1970 as after.
     */
    static void writeDay(ByteBuffer into, LocalDate day) {
        into.putInt(Math.toIntExact(day.toEpochDay()) ^ Integer.MIN_VALUE);
    }

    static LocalDate readDay(ByteBuffer from) {
        return LocalDate.ofEpochDay(from.getInt() ^ Integer.MIN_VALUE);
    }
}
