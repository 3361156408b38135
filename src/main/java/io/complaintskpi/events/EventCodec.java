package io.complaintskpi.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns raw record values into validated {@link EventEnvelope}s and back. Unknown fields are dropped
 * here, so nothing outside the contract is ever stored or served.
 */
public final class EventCodec {

    public static final ObjectMapper MAPPER = mapper().build();

    /** The contract has no nulls: an absent optional field is left out, and field-less events carry {}. */
    private static final ObjectMapper WRITER = mapper()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    /** A second document or a repeated key would make the event mean different things to different readers. */
    private static final ObjectReader STRICT_READER = MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    public static final Map<String, Class<? extends ComplaintEvent>> TYPES = Arrays
            .stream(ComplaintEvent.class.getPermittedSubclasses())
            .map(c -> c.asSubclass(ComplaintEvent.class))
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final String defaultAuthority;
    private final SchemaValidator validator;

    /** {@code defaultAuthority} is used for events that carry no {@code authority} of their own. */
    public EventCodec(String defaultAuthority, SchemaValidator validator) {
        if (defaultAuthority == null || defaultAuthority.isBlank()) {
            throw new IllegalArgumentException("a default authority is required");
        }
        this.defaultAuthority = defaultAuthority;
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /** Parses, validates and maps one record value; throws {@link InvalidEventException} with the reason. */
    public EventEnvelope decode(byte[] value) {
        JsonNode json = parse(value);
        validator.validate(json);
        return decodeStored(json);
    }

    /**
     * Maps an event this service validated before and stored in its canonical form ({@link #encodeTree}):
     * no schema check, which would dominate the cost of reading a complaint's history.
     */
    public EventEnvelope decodeStored(JsonNode json) {
        String type = json.get("eventType").asText();
        try {
            ComplaintEvent event = MAPPER.treeToValue(json.get("data"), TYPES.get(type));
            String authority = json.has("authority") ? json.get("authority").asText() : defaultAuthority;
            return new EventEnvelope(
                    UUID.fromString(json.get("eventId").asText()),
                    OffsetDateTime.parse(json.get("occurredAt").asText()),
                    json.get("complaintId").asText(),
                    authority,
                    json.get("schemaVersion").asInt(),
                    event);
        } catch (ValueInstantiationException e) {
            // The record's own check failed: its message is the reason, Jackson's wrapping is noise.
            Throwable reason = e.getCause() == null ? e : e.getCause();
            throw new InvalidEventException("invalid " + type + ": " + reason.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("invalid " + type + ": " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            throw new InvalidEventException("invalid " + type + ": " + e.getMessage(), e);
        }
    }

    /** The canonical form: contract fields only, authority always present, occurredAt always with seconds. */
    public byte[] encode(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsBytes(encodeTree(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an envelope always serialises", e);
        }
    }

    /** The canonical form as a JSON tree. */
    public ObjectNode encodeTree(EventEnvelope envelope) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("eventId", envelope.eventId().toString());
        json.put("eventType", envelope.eventType());
        json.put("occurredAt", envelope.occurredAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        json.put("complaintId", envelope.complaintId());
        json.put("authority", envelope.authority());
        json.put("schemaVersion", envelope.schemaVersion());
        json.set("data", WRITER.valueToTree(envelope.event()));
        return json;
    }

    private static JsonNode parse(byte[] value) {
        if (value == null || value.length == 0) {
            throw new InvalidEventException("empty record value (tombstones are not events)");
        }
        JsonNode json;
        try {
            json = STRICT_READER.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidEventException("unreadable record value: " + e.getMessage(), e);
        }
        if (!json.isObject()) {
            throw new InvalidEventException("record value is not a JSON object but " + json.getNodeType());
        }
        return json;
    }

    private static JsonMapper.Builder mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
