package io.complaintskpi.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns raw record values into validated {@link EventEnvelope}s and back. Unknown fields are dropped
 * here, so nothing outside the contract is ever stored or served.
 */
public final class EventCodec {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public static final Map<String, Class<? extends ComplaintEvent>> TYPES = Arrays
            .stream(ComplaintEvent.class.getPermittedSubclasses())
            .map(c -> c.asSubclass(ComplaintEvent.class))
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final String defaultAuthority;
    private final SchemaValidator validator;

    public EventCodec(String defaultAuthority, SchemaValidator validator) {
        this.defaultAuthority = defaultAuthority;
        this.validator = validator;
    }

    public EventEnvelope decode(byte[] value) {
        if (value == null) {
            throw new InvalidEventException("empty record value (tombstones are not events)");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidEventException("unreadable record value: " + e.getMessage(), e);
        }
        validator.validate(json);
        String type = json.get("eventType").asText();
        Class<? extends ComplaintEvent> eventClass = TYPES.get(type);
        if (eventClass == null) {
            throw new InvalidEventException("unknown eventType '" + type + "'");
        }
        try {
            JsonNode data = json.hasNonNull("data") ? json.get("data") : MAPPER.createObjectNode();
            ComplaintEvent event = MAPPER.treeToValue(data, eventClass);
            String authority = json.hasNonNull("authority") ? json.get("authority").asText() : defaultAuthority;
            return new EventEnvelope(
                    UUID.fromString(json.get("eventId").asText()),
                    OffsetDateTime.parse(json.get("occurredAt").asText()),
                    json.get("complaintId").asText(),
                    authority,
                    json.get("schemaVersion").asInt(),
                    event);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new InvalidEventException("invalid " + type + ": " + e.getMessage(), e);
        }
    }

    public byte[] encode(EventEnvelope envelope) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("eventId", envelope.eventId().toString());
        json.put("eventType", envelope.eventType());
        json.put("occurredAt", envelope.occurredAt().toString());
        json.put("complaintId", envelope.complaintId());
        json.put("authority", envelope.authority());
        json.put("schemaVersion", envelope.schemaVersion());
        json.set("data", MAPPER.valueToTree(envelope.event()));
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an envelope always serialises", e);
        }
    }
}
