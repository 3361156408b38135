package io.complaintskpi.monitoring;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.complaintskpi.events.EventCodec;

import java.io.IOException;

/**
 * The event type of a raw record value as a metric label: one of the contract's type names, or "unknown"
 * (broken JSON, no type, a type the contract does not have), so the label stays bounded whatever arrives.
 */
final class EventTypeLabel {

    static final String UNKNOWN = "unknown";
    private static final JsonFactory JSON = new JsonFactory();

    private EventTypeLabel() {
    }

    static String of(byte[] value) {
        if (value == null) {
            return UNKNOWN;
        }
        // Only the top-level "eventType" field is read: no tree is built for a metric label.
        try (JsonParser parser = JSON.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return UNKNOWN;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if (field.equals("eventType") && token == JsonToken.VALUE_STRING) {
                    String type = parser.getText();
                    return EventCodec.TYPES.containsKey(type) ? type : UNKNOWN;
                }
                parser.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
        return UNKNOWN;
    }
}
