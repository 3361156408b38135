package io.complaintskpi.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.lifecycle.CaseHistory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A key's accepted events as a JSON array of contract-shaped events, so the store holds only the contract. */
final class CaseHistorySerde implements Serde<CaseHistory> {

    private final EventCodec codec;

    CaseHistorySerde(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public Serializer<CaseHistory> serializer() {
        return (topic, history) -> {
            if (history == null) {
                return null;
            }
            try {
                ArrayNode array = EventCodec.MAPPER.createArrayNode();
                for (EventEnvelope event : history.events()) {
                    array.add(codec.encodeTree(event));
                }
                return EventCodec.MAPPER.writeValueAsBytes(array);
            } catch (IOException e) {
                throw new SerializationException("cannot write case history", e);
            }
        };
    }

    @Override
    public Deserializer<CaseHistory> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                List<EventEnvelope> events = new ArrayList<>();
                // Validated when accepted; stored in the codec's canonical form.
                for (JsonNode event : EventCodec.MAPPER.readTree(bytes)) {
                    events.add(codec.decodeStored(event));
                }
                return new CaseHistory(events);
            } catch (IOException e) {
                throw new SerializationException("cannot read case history", e);
            }
        };
    }
}
