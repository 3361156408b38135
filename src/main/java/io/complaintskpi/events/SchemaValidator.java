package io.complaintskpi.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates raw events against the published JSON Schemas in {@code topics/schemas} (draft 2020-12): the
 * envelope first, then the payload schema of its {@code eventType}.
 */
public final class SchemaValidator {

    private static final String ROOT = "/topics/schemas/";

    private final JsonSchema envelope;
    private final Map<String, JsonSchema> payloads;

    public SchemaValidator() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        this.envelope = load(factory, ROOT + "envelope.schema.json");
        this.payloads = EventCodec.TYPES.keySet().stream().collect(Collectors.toUnmodifiableMap(
                type -> type, type -> load(factory, ROOT + "events/" + type + ".schema.json")));
    }

    /** Throws {@link InvalidEventException} naming every violation. */
    public void validate(JsonNode event) {
        reject("envelope", envelope.validate(event));
        String type = event.get("eventType").asText();
        JsonSchema payload = payloads.get(type);
        if (payload == null) {
            throw new InvalidEventException("unknown eventType '" + type + "'");
        }
        reject(type, payload.validate(event.get("data")));
    }

    private static void reject(String what, Set<ValidationMessage> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidEventException("schema violation in " + what + ": " + errors.stream()
                    .map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
        }
    }

    private static JsonSchema load(JsonSchemaFactory factory, String resource) {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema on the classpath: " + resource);
            }
            return factory.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
