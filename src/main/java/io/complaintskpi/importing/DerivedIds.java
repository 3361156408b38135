package io.complaintskpi.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Event ids for rows that carry none: a name-based UUID (version 5, SHA-1) of the event's content, so the same
 * event read twice, from the same file or a later export of it, has the same id and the service counts it once.
 * The content is the event as mapped (type, complaint, authority if given, business time, payload) with its
 * fields in a fixed order: column order, spacing and the spelling of dates or enum values in the file do not
 * change it, while any change of what the event says does.
 */
public final class DerivedIds {

    /** The namespace of this service's derived ids (a fixed random UUID): no other name-based id collides. */
    private static final UUID NAMESPACE = UUID.fromString("6f1d6f0e-6a43-4c3e-9d0a-2f5b8e3c1a77");

    private DerivedIds() {
    }

    /** The id of {@code event}, an envelope as JSON without (or ignoring) its eventId. */
    public static UUID of(JsonNode event) {
        ObjectNode content = (ObjectNode) sorted(event);
        content.remove("eventId");
        return nameBased(content.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static UUID nameBased(byte[] name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
        ByteBuffer namespace = ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
                .putLong(NAMESPACE.getLeastSignificantBits());
        sha1.update(namespace.array());
        byte[] hash = sha1.digest(name);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong());
    }

    /** A copy with every object's fields in name order. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                fields.put(name, sorted(node.get(name)));
            }
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }
}
