package io.complaintskpi.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A key's accepted events as a JSON array of events in the contract's canonical form: the one JSON form
 * of a history, for the store and for instances asking each other.
 */
public final class CaseHistoryCodec {

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

    public byte[] encode(CaseHistory history) {
        try {
            return EventCodec.MAPPER.writeValueAsBytes(toJson(history));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write case history", e);
        }
    }

    public CaseHistory decode(byte[] json) {
        try {
            return fromJson(EventCodec.MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read case history", e);
        }
    }
}
