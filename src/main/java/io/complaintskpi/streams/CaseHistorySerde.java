package io.complaintskpi.streams;

import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.CaseHistoryCodec;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.UncheckedIOException;

/**
 * The case-history store's values in the history's stored form ({@link CaseHistoryCodec}: CBOR, and the JSON
 * that stores of earlier builds hold).
 */
final class CaseHistorySerde implements Serde<CaseHistory> {

    private final CaseHistoryCodec codec;

    CaseHistorySerde(CaseHistoryCodec codec) {
        this.codec = codec;
    }

    @Override
    public Serializer<CaseHistory> serializer() {
        return (topic, history) -> {
            try {
                return history == null ? null : codec.encode(history);
            } catch (UncheckedIOException e) {
                throw new SerializationException(e.getMessage(), e.getCause());
            }
        };
    }

    @Override
    public Deserializer<CaseHistory> deserializer() {
        return (topic, bytes) -> {
            try {
                return bytes == null ? null : codec.decode(bytes);
            } catch (UncheckedIOException e) {
                throw new SerializationException(e.getMessage(), e.getCause());
            }
        };
    }
}
