package io.complaintskpi.streams;

import io.complaintskpi.alerts.Caseload;
import org.apache.kafka.common.utils.Bytes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The key layout of {@code open-caseload}, binary, in three parts told apart by their first byte.
 * <ul>
 * <li>Most urgent first: the due date (4 bytes in date order, {@link OpenAlertKeySchema#writeDay}) then the
 * complaint reference in UTF-8, one key per open complaint, its caseload entry the value. Keys sort as
 * {@code Caseload.OPEN_BY_URGENCY} does (references are ASCII: letters, digits and {@code . _ : / -}), so a page
 * reads from the start of the part until it is full.</li>
 * <li>Each authority's, most urgent first: the authority (its UTF-8 length in 2 bytes, then its bytes) before the
 * same due date and reference, the same entry the value; a page of one authority reads its prefix only.</li>
 * <li>Counts: the authority, procedure and service area (each its UTF-8 length in 2 bytes, then its bytes), the
 * stage (4 bytes) and the due date (4), one key per {@link Caseload.Tally}, the number of open complaints under
 * it the value (4 bytes). The authority comes first with its length, so one authority's counts are a prefix.</li>
 * </ul>
 * The only class that writes, reads or bounds these keys.
 */
final class OpenCaseloadKeySchema {

    private static final byte URGENT = 0;
    private static final byte COUNTED = 1;
    private static final byte BY_AUTHORITY = 2;
    private static final int DAY = Integer.BYTES;

    private OpenCaseloadKeySchema() {
    }

    /** The keys of an open complaint's entry: among every authority's, and among its own authority's. */
    static List<Bytes> urgentKeys(Caseload.Entry entry) {
        byte[] reference = entry.complaintId().getBytes(StandardCharsets.UTF_8);
        byte[] authority = utf8(entry.authority());
        ByteBuffer every = ByteBuffer.allocate(1 + DAY + reference.length).put(URGENT);
        OpenAlertKeySchema.writeDay(every, entry.due());
        ByteBuffer own = ByteBuffer.allocate(1 + Short.BYTES + authority.length + DAY + reference.length)
                .put(BY_AUTHORITY);
        writeText(own, authority);
        OpenAlertKeySchema.writeDay(own, entry.due());
        return List.of(Bytes.wrap(every.put(reference).array()), Bytes.wrap(own.put(reference).array()));
    }

    /** The prefix of every entry most urgent first ({@code authority} null), or of one authority's. */
    static Bytes urgentPrefix(String authority) {
        return authority == null ? Bytes.wrap(new byte[] {URGENT}) : textPrefix(BY_AUTHORITY, authority);
    }

    /** The key counting the open complaints under {@code tally}. */
    static Bytes countKey(Caseload.Tally tally) {
        byte[] authority = utf8(tally.authority());
        byte[] regime = utf8(tally.regime());
        byte[] serviceArea = utf8(tally.serviceArea());
        ByteBuffer key = ByteBuffer.allocate(1 + 3 * Short.BYTES + authority.length + regime.length
                + serviceArea.length + Integer.BYTES + DAY).put(COUNTED);
        writeText(key, authority);
        writeText(key, regime);
        writeText(key, serviceArea);
        key.putInt(tally.stage());
        OpenAlertKeySchema.writeDay(key, tally.due());
        return Bytes.wrap(key.array());
    }

    /** The prefix of every count ({@code authority} null) or of one authority's. */
    static Bytes countPrefix(String authority) {
        return authority == null ? Bytes.wrap(new byte[] {COUNTED}) : textPrefix(COUNTED, authority);
    }

    /** A part's byte and then {@code text}: the prefix of that part's keys which start with it. */
    private static Bytes textPrefix(byte part, String text) {
        byte[] bytes = utf8(text);
        ByteBuffer prefix = ByteBuffer.allocate(1 + Short.BYTES + bytes.length).put(part);
        writeText(prefix, bytes);
        return Bytes.wrap(prefix.array());
    }

    /** Whether {@code key} is an entry's (of either most-urgent-first part) rather than a count's. */
    static boolean isEntry(Bytes key) {
        return key.get()[0] != COUNTED;
    }

    /** The tally a count's key names. */
    static Caseload.Tally tally(Bytes key) {
        ByteBuffer from = ByteBuffer.wrap(key.get());
        if (from.get() != COUNTED) {
            throw new IllegalArgumentException("not a count of the open caseload");
        }
        return new Caseload.Tally(readText(from), readText(from), readText(from), from.getInt(),
                OpenAlertKeySchema.readDay(from));
    }

    static byte[] count(int complaints) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(complaints).array();
    }

    static int count(byte[] value) {
        return ByteBuffer.wrap(value).getInt();
    }

    private static byte[] utf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > Short.MAX_VALUE) {
            throw new IllegalArgumentException("a caseload field longer than " + Short.MAX_VALUE + " bytes");
        }
        return bytes;
    }

    private static void writeText(ByteBuffer into, byte[] text) {
        into.putShort((short) text.length).put(text);
    }

    private static String readText(ByteBuffer from) {
        byte[] text = new byte[from.getShort()];
        from.get(text);
        return new String(text, StandardCharsets.UTF_8);
    }
}
