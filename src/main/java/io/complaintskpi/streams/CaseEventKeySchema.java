package io.complaintskpi.streams;

import org.apache.kafka.common.utils.Bytes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The key layout of {@code case-events}, binary: the case's reference in UTF-8, a zero byte, then the event's
 * eventId (16 bytes). The reference cannot hold a zero byte (the contract allows letters, digits and
 * {@code . _ : / -}), so the reference and its zero byte are a prefix that holds one case's events and no other
 * case's: a history is one prefix scan. By eventId rather than by arrival: a write of the same event twice is
 * the same entry, and no counter has to be kept; the history's order is business time
 * ({@link io.complaintskpi.lifecycle.CaseHistory#of}), which neither would give. The only class that writes or
 * bounds these keys.
 */
final class CaseEventKeySchema {

    private static final byte END_OF_REFERENCE = 0;
    private static final int EVENT_ID_BYTES = 2 * Long.BYTES;

    private CaseEventKeySchema() {
    }

    static Bytes key(String reference, UUID eventId) {
        byte[] utf8 = reference.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(utf8.length + 1 + EVENT_ID_BYTES).put(utf8).put(END_OF_REFERENCE)
                .putLong(eventId.getMostSignificantBits()).putLong(eventId.getLeastSignificantBits()).array());
    }

    /** The prefix of every key of {@code reference}'s events. */
    static Bytes prefix(String reference) {
        byte[] utf8 = reference.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(utf8.length + 1).put(utf8).put(END_OF_REFERENCE).array());
    }
}
