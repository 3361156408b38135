package io.complaintskpi.streams;

import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.rules.Timescale.Milestone;
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

/**
 * The {@code open-complaints} entries in a compact binary form: the open caseload decodes every entry on each
 * request, and JSON decoding (dates parsed from text) was half its cost. A leading version byte leaves room
 * to change the form; the store is rebuilt by replay either way.
 */
final class CaseloadEntrySerde implements Serde<Caseload.Entry> {

    private static final int VERSION = 1;

    @Override
    public Serializer<Caseload.Entry> serializer() {
        return (topic, entry) -> {
            if (entry == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(VERSION);
                out.writeUTF(entry.complaintId());
                out.writeUTF(entry.authority());
                out.writeUTF(entry.regime());
                out.writeUTF(entry.serviceArea());
                out.writeByte(entry.stage());
                out.writeLong(entry.openedOn().toEpochDay());
                out.writeUTF(entry.milestone().name());
                out.writeLong(entry.due().toEpochDay());
            } catch (IOException e) {
                throw new SerializationException("cannot write the caseload entry of " + entry.complaintId(), e);
            }
            return bytes.toByteArray();
        };
    }

    @Override
    public Deserializer<Caseload.Entry> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                int version = in.readUnsignedByte();
                if (version != VERSION) {
                    throw new SerializationException("caseload entry of unknown version " + version);
                }
                return new Caseload.Entry(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readByte(),
                        LocalDate.ofEpochDay(in.readLong()), Milestone.valueOf(in.readUTF()),
                        LocalDate.ofEpochDay(in.readLong()));
            } catch (IOException | IllegalArgumentException e) {
                throw new SerializationException("cannot read a caseload entry", e);
            }
        };
    }
}
