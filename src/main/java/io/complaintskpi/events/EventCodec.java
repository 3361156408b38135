package io.complaintskpi.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

    /**
     * Explicit read limits for every JSON this service reads (events, HTTP bodies, peers' answers): no event
     * nests deeper than a few levels or carries a megabyte of text, and a hostile document must cost a
     * bounded amount of work before it is refused.
     */
    public static final StreamReadConstraints READ_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxStringLength(1 << 20)
            .maxNumberLength(100)
            .maxNameLength(1024)
            .maxDocumentLength(32L << 20)
            .build();

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

    /** A reader per event type: resolving the type and its deserializer once, not at every event. */
    private static final Map<String, ObjectReader> DATA_READERS = TYPES.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, type -> MAPPER.readerFor(type.getValue())));

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
     * {@link #decode} for a record of the events topic: its key must be the event's complaintId, so that all of
     * a complaint's events share a partition and are processed in order. What the stream checks, here once.
     */
    public EventEnvelope decodeRecord(String key, byte[] value) {
        EventEnvelope event = decode(value);
        if (!event.complaintId().equals(key)) {
            throw new InvalidEventException("record key '" + key + "' must equal complaintId '"
                    + event.complaintId() + "'");
        }
        return event;
    }

    /**
     * Maps an event this service validated before and stored in its canonical form ({@link #write}): no
     * schema check, which would dominate the cost of reading a complaint's history.
     */
    public EventEnvelope decodeStored(JsonNode json) {
        try (JsonParser parser = MAPPER.treeAsTokens(json)) {
            parser.nextToken();
            return readStored(parser);
        } catch (IOException e) {
            throw new IllegalStateException("a tree always reads", e);
        }
    }

    /**
     * {@link #decodeStored} from a parser of any Jackson format (JSON, the store's CBOR) standing on the
     * event's START_OBJECT; leaves it on the matching END_OBJECT. Fields may come in any order.
     */
    public EventEnvelope readStored(JsonParser parser) throws IOException {
        String eventId = null;
        String type = null;
        String occurredAt = null;
        String complaintId = null;
        String authority = defaultAuthority;
        int schemaVersion = 0;
        JsonNode dataTree = null;
        ComplaintEvent data = null;
        try {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "eventId" -> eventId = parser.getText();
                    case "eventType" -> type = parser.getText();
                    case "occurredAt" -> occurredAt = parser.getText();
                    case "complaintId" -> complaintId = parser.getText();
                    case "authority" -> authority = parser.getText();
                    case "schemaVersion" -> schemaVersion = parser.getValueAsInt();
                    case "data" -> {
                        // Straight into the record when its type is known (the canonical order), else held.
                        if (type != null) {
                            data = readData(parser, type);
                        } else {
                            dataTree = MAPPER.readTree(parser);
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (data == null) {
                data = MAPPER.treeToValue(dataTree, TYPES.get(type));
            }
            return new EventEnvelope(UUID.fromString(eventId), OccurredAt.parse(occurredAt), complaintId,
                    authority, schemaVersion, data);
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

    /** The canonical form as JSON bytes. */
    public byte[] encode(EventEnvelope envelope) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
            write(generator, envelope);
        } catch (IOException e) {
            throw new IllegalStateException("an envelope always serialises", e);
        }
        return out.toByteArray();
    }

    /** The canonical form as a JSON tree. */
    public ObjectNode encodeTree(EventEnvelope envelope) {
        TokenBuffer buffer = new TokenBuffer(MAPPER, false);
        try {
            write(buffer, envelope);
            return MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new IllegalStateException("an envelope always serialises", e);
        }
    }

    /**
     * The canonical form, the one home of it, to a generator of any Jackson format: contract fields only,
     * authority always present, occurredAt always with seconds.
     */
    public void write(JsonGenerator generator, EventEnvelope envelope) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("eventId", envelope.eventId().toString());
        generator.writeStringField("eventType", envelope.eventType());
        generator.writeStringField("occurredAt", envelope.occurredAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        generator.writeStringField("complaintId", envelope.complaintId());
        generator.writeStringField("authority", envelope.authority());
        generator.writeNumberField("schemaVersion", envelope.schemaVersion());
        generator.writeFieldName("data");
        writeData(generator, envelope.event());
        generator.writeEndObject();
    }

    /** An event's {@code data} alone, in the canonical form (a case's snapshot keeps events without envelopes). */
    public static void writeData(JsonGenerator generator, ComplaintEvent event) throws IOException {
        WRITER.writeValue(generator, event);
    }

    /** Reads what {@link #writeData} wrote for an event of {@code type}, the parser standing on its START_OBJECT. */
    public static ComplaintEvent readData(JsonParser parser, String type) throws IOException {
        ObjectReader known = DATA_READERS.get(type);
        if (known == null) {
            throw new InvalidEventException("unknown eventType " + type);
        }
        return known.readValue(parser);
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
        return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(READ_LIMITS).build())
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
