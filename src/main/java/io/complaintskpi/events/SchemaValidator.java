package io.complaintskpi.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates raw events against the published JSON Schemas in {@code topics/schemas} (draft 2020-12): the
 * envelope first, then the payload schema of its {@code eventType}. Before either, no text field the
 * contract defines may hold a control character (a NUL in a service area would become a label of every
 * breakdown); the schemas' patterns say the same, this check names the character and where it is.
 */
public final class SchemaValidator {

    private static final String ROOT = "/topics/schemas/";

    private final JsonSchema envelope;
    private final Map<String, JsonSchema> payloads;

    public SchemaValidator() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        // Draft 2020-12 makes "format" an annotation only; the contract means it (uuid, date-time, date).
        // Paths in reasons read like "$.data.causes[0]" (the 2020-12 default is a JSON Pointer).
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.LEGACY)
                .build();
        this.envelope = load(factory, config, ROOT + "envelope.schema.json");
        this.payloads = EventCodec.TYPES.keySet().stream().collect(Collectors.toUnmodifiableMap(
                type -> type, type -> load(factory, config, ROOT + "events/" + type + ".schema.json")));
    }

    /** Throws {@link InvalidEventException} naming every violation. */
    public void validate(JsonNode event) {
        JsonNode type = event.path("eventType");
        if (type.isTextual() && !payloads.containsKey(type.asText())) {
            throw new InvalidEventException("unknown eventType '" + type.asText() + "'");
        }
        rejectControlCharacters(event, envelope, "$");
        if (type.isTextual()) {
            rejectControlCharacters(event.path("data"), payloads.get(type.asText()), "$.data");
        }
        reject("envelope", "$", envelope.validate(event));
        reject(type.asText(), "$.data", payloads.get(type.asText()).validate(event.get("data")));
    }

    /** The published payload schema of {@code eventType} (its properties, their types and enums); empty if unknown. */
    public Optional<JsonNode> payloadSchema(String eventType) {
        return Optional.ofNullable(payloads.get(eventType)).map(JsonSchema::getSchemaNode);
    }

    /** Every text value of a property the schema defines, at the top level of {@code node}. */
    private static void rejectControlCharacters(JsonNode node, JsonSchema schema, String where) {
        schema.getSchemaNode().path("properties").fieldNames().forEachRemaining(name -> {
            JsonNode value = node.path(name);
            if (!value.isTextual()) {
                return;
            }
            String text = value.asText();
            for (int i = 0; i < text.length(); i++) {
                if (Character.getType(text.charAt(i)) == Character.CONTROL) {
                    throw new InvalidEventException(String.format(
                            "control character U+%04X in %s.%s at position %d: text fields must not contain "
                                    + "control characters", (int) text.charAt(i), where, name, i));
                }
            }
        });
    }

    /**
     * Payload schemas see {@code data} as their root; {@code where} puts the reported paths back in the envelope.
     * The schemas state each format twice, as a {@code format} and as a {@code pattern}: a value that breaks both is
     * one violation, reported once by its format.
     */
    private static void reject(String what, String where, Set<ValidationMessage> errors) {
        if (!errors.isEmpty()) {
            Set<String> formatBroken = errors.stream().filter(e -> e.getType().equals("format"))
                    .map(e -> e.getInstanceLocation().toString()).collect(Collectors.toSet());
            throw new InvalidEventException("schema violation in " + what + ": " + errors.stream()
                    .filter(e -> !(e.getType().equals("pattern")
                            && formatBroken.contains(e.getInstanceLocation().toString())))
                    .map(e -> where + e.getInstanceLocation().toString().substring(1) + ": " + e.getError())
                    .sorted().collect(Collectors.joining("; ")));
        }
    }

    private static JsonSchema load(JsonSchemaFactory factory, SchemaValidatorsConfig config, String resource) {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema on the classpath: " + resource);
            }
            return factory.getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
