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
 * A key's accepted events in the contract's canonical form. Instances asking each other get the history as a
 * JSON array ({@link #toJson}); the store keeps each event on its own in CBOR ({@link #encodeEvent}), written
 * and read straight to and from the event with no tree in between: fewer bytes than the JSON, and cheaper to
 * read and write.
 */
public final class CaseHistoryCodec {

    /** The stored forms' CBOR: string references on, so what repeats within one value is written once. */
    static final CBORFactory CBOR = CBORFactory.builder().enable(CBORGenerator.Feature.STRINGREF).build();

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

    /**
     * One accepted event in the stored form: its canonical form in CBOR, written straight from the event (no
     * tree in between). A key's history is its events in this form, one store entry each.
     */
    public byte[] encodeEvent(EventEnvelope event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = CBOR.createGenerator(out)) {
            codec.write(generator, event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write stored event", e);
        }
        return out.toByteArray();
    }

    /** Reads one event's stored form. */
    public EventEnvelope decodeEvent(byte[] stored) {
        try (JsonParser parser = CBOR.createParser(stored)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an event");
            }
            EventEnvelope event = codec.readStored(parser);
            if (parser.nextToken() != null) {
                throw new IOException("more than one event");
            }
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stored event", e);
        } catch (InvalidEventException e) {
            // Bytes the service wrote that no longer read as an event: a broken store, not a bad event.
            throw new UncheckedIOException("cannot read stored event", new IOException(e.getMessage(), e));
        }
    }
}
