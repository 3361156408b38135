package io.complaintskpi.streams;

import io.complaintskpi.series.KpiKey;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event's KPI deltas of one authority as one {@code kpi-contributions} record: the authority once, then each
 * daily bucket's metric, dimension, day and amount. An event changes two to three buckets on average, all of its
 * authority and so of one partition: one record carries them where one record each cost a produce, a fetch and
 * Kafka Streams' per-record work apiece. A leading version byte leaves room to change the form.
 */
final class KpiDeltasSerde implements Serde<Map<KpiKey, Long>> {

    private static final int VERSION = 1;

    @Override
    public Serializer<Map<KpiKey, Long>> serializer() {
        return (topic, deltas) -> deltas == null ? null : write(deltas);
    }

    @Override
    public Deserializer<Map<KpiKey, Long>> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    private static byte[] write(Map<KpiKey, Long> deltas) {
        String authority = deltas.keySet().iterator().next().authority();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + 48 * deltas.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(authority);
            out.writeInt(deltas.size());
            for (Map.Entry<KpiKey, Long> delta : deltas.entrySet()) {
                KpiKey bucket = delta.getKey();
                if (!bucket.authority().equals(authority)) {
                    throw new SerializationException("deltas of two authorities in one record: " + authority
                            + " and " + bucket.authority());
                }
                out.writeUTF(bucket.metric());
                out.writeUTF(bucket.dimension());
                out.writeInt((int) bucket.date().toEpochDay());
                out.writeLong(delta.getValue());
            }
        } catch (IOException e) {
            throw new SerializationException("cannot write the KPI deltas of " + authority, e);
        }
        return bytes.toByteArray();
    }

    private static Map<KpiKey, Long> read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new SerializationException("KPI deltas of unknown version " + version);
            }
            String authority = in.readUTF();
            int count = in.readInt();
            Map<KpiKey, Long> deltas = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String metric = in.readUTF();
                String dimension = in.readUTF();
                LocalDate day = LocalDate.ofEpochDay(in.readInt());
                deltas.put(new KpiKey(authority, metric, dimension, day), in.readLong());
            }
            return deltas;
        } catch (IOException e) {
            throw new SerializationException("cannot read KPI deltas", e);
        }
    }
}
