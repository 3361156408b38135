package io.complaintskpi.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.stream.Stream;

/** The one valid example per event type in {@code src/test/resources/events}, also quoted in docs/event-contract.md. */
final class Examples {

    private Examples() {
    }

    static Stream<String> types() {
        return EventCodec.TYPES.keySet().stream().sorted();
    }

    static ObjectNode load(String eventType) {
        try (InputStream in = Examples.class.getResourceAsStream("/events/" + eventType + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no example for " + eventType);
            }
            return (ObjectNode) EventCodec.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    static byte[] bytes(JsonNode json) {
        try {
            return EventCodec.MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
