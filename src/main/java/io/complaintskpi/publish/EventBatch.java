package io.complaintskpi.publish;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.RejectionReason;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A request body split into its events, each as the bytes of one record, unread: every event is then read and
 * validated by {@link EventCodec#decode} exactly as the stream reads a record, so a malformed or repeated-key
 * event is refused with the stream's own reason. Only a body whose events cannot be told apart (broken JSON
 * around them, an empty batch, too many events) is refused as a whole.
 */
public final class EventBatch {

    /** How the events are laid out in the body. */
    public enum Form {
        /** One JSON object (one event) or a JSON array of events. */
        JSON("application/json"),
        /** One event per line (newline-delimited JSON); blank lines are not events. */
        NDJSON("application/x-ndjson");

        private final String mediaType;

        Form(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }

        /**
         * The form a {@code Content-Type} names (parameters such as {@code charset} ignored); empty for any other.
         * Both are types a browser must ask before sending from another site, unlike {@code text/plain} or a form.
         */
        public static Optional<Form> ofContentType(String contentType) {
            if (contentType == null) {
                return Optional.empty();
            }
            String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(f -> f.mediaType.equals(type)).findFirst();
        }
    }

    /** The body cannot be split into events; the message says why and what is accepted. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    /** The body holds more events than {@code max}. */
    public static final class TooManyEvents extends RuntimeException {
        private final int max;

        TooManyEvents(int max) {
            super("more than " + max + " events");
            this.max = max;
        }

        public int max() {
            return max;
        }
    }

    private EventBatch() {
    }

    /**
     * The events of {@code body}, in order, each the bytes of one record.
     *
     * @throws Unreadable    when the events cannot be told apart, or there is none
     * @throws TooManyEvents when there are more than {@code maxEvents}
     */
    public static List<byte[]> split(byte[] body, Form form, int maxEvents) {
        List<byte[]> events = form == Form.NDJSON ? lines(body, maxEvents) : json(body, maxEvents);
        if (events.isEmpty()) {
            throw new Unreadable("the body holds no event: send one JSON event, a JSON array of events, or NDJSON"
                    + " (one event per line) with Content-Type: application/x-ndjson");
        }
        return events;
    }

    private static List<byte[]> lines(byte[] body, int maxEvents) {
        List<byte[]> events = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
                if (!blank(body, start, end)) {
                    add(events, Arrays.copyOfRange(body, start, end), maxEvents);
                }
                start = i + 1;
            }
        }
        return events;
    }

    /** A JSON object is one event; a JSON array's elements are the events, each element's bytes as sent. */
    private static List<byte[]> json(byte[] body, int maxEvents) {
        List<byte[]> events = new ArrayList<>();
        // Not the codec's strict reader: a repeated key inside an event is that event's fault, reported by decode.
        try (JsonParser parser = EventCodec.MAPPER.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                parser.skipChildren();
                add(events, body, maxEvents);
            } else if (first == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    add(events, element(parser, body), maxEvents);
                }
            } else if (first != null) {
                throw new Unreadable("the body is a JSON " + kind(first) + " but must be one event (a JSON object)"
                        + " or a JSON array of events");
            }
            if (first != null && parser.nextToken() != null) {
                throw new Unreadable("the body holds more than one JSON document: send a JSON array of events, or"
                        + " NDJSON (one event per line) with Content-Type: application/x-ndjson");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            // Redacted as a rejected record's reason is: the parser quotes what it found, which may be a name.
            throw new Unreadable("malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + " (" + RejectionReason.of(e.getClass().getName(), e.getOriginalMessage())
                    + "): the events cannot be told apart, so none was taken");
        } catch (IOException e) {
            throw new Unreadable("unreadable body: " + e.getMessage());
        }
        return events;
    }

    /** The bytes of the array element the parser stands on; it is left on the element's last token. */
    private static byte[] element(JsonParser parser, byte[] body) throws IOException {
        if (parser.currentToken().isStructStart()) {
            long start = parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            long end = parser.currentLocation().getByteOffset();
            if (start < 0 || end < start) { // offsets are known for UTF-8 only, which JSON over HTTP must be
                throw new Unreadable("the body is not UTF-8 JSON");
            }
            return Arrays.copyOfRange(body, (int) start, (int) end);
        }
        // A number, string, true, false or null: not an event; decode says so, as the stream would.
        return EventCodec.MAPPER.writeValueAsBytes(parser.readValueAsTree());
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            default -> "null";
        };
    }

    private static void add(List<byte[]> events, byte[] event, int maxEvents) {
        if (events.size() == maxEvents) {
            throw new TooManyEvents(maxEvents);
        }
        events.add(event);
    }

    private static boolean blank(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] != ' ' && body[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
