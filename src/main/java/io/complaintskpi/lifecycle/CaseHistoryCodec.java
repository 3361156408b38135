package io.complaintskpi.lifecycle;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.InvalidEventException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A key's accepted events as an array of events in the contract's canonical form. Instances asking each
 * other get it as JSON ({@link #toJson}); the store keeps the same tree in CBOR ({@link #encode}), with
 * string references, so the field names and values that repeat from event to event are written once,
 * and written and read straight to and from the events, with no tree in between: fewer bytes than the
 * JSON, and cheaper to read and write.
 */
public final class CaseHistoryCodec {

    private static final CBORFactory CBOR = CBORFactory.builder().enable(CBORGenerator.Feature.STRINGREF).build();

    private final EventCodec codec;

    public CaseHistoryCodec(EventCodec codec) {
        this.codec = codec;
    }

    public ArrayNode toJson(CaseHistory history) {
        ArrayNode array = EventCodec.MAPPER.createArrayNode();
        history.events().forEach(event -> array.add(codec.encodeTree(event)));
        return array;
    }

    /** Reads a history this service wrote: validated when accepted, so not checked against the schema again. */
    public CaseHistory fromJson(JsonNode array) {
        List<EventEnvelope> events = new ArrayList<>(array.size());
        array.forEach(event -> events.add(codec.decodeStored(event)));
        return new CaseHistory(events);
    }

    /** The stored form: the JSON form in CBOR, written straight from the events (no tree in between). */
    public byte[] encode(CaseHistory history) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * (history.events().size() + 1));
        try (JsonGenerator generator = CBOR.createGenerator(out)) {
            generator.writeStartArray();
            for (EventEnvelope event : history.events()) {
                codec.write(generator, event);
            }
            generator.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write case history", e);
        }
        return out.toByteArray();
    }

    /** Reads the stored form. */
    public CaseHistory decode(byte[] stored) {
        try (JsonParser parser = CBOR.createParser(stored)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("not an array of events");
            }
            List<EventEnvelope> events = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                events.add(codec.readStored(parser));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new IOException("not an array of events");
            }
            return new CaseHistory(events);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read case history", e);
        } catch (InvalidEventException e) {
            // Bytes the service wrote that no longer read as events: a broken store, not a bad event.
            throw new UncheckedIOException("cannot read case history", new IOException(e.getMessage(), e));
        }
    }
}
