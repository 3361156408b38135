package io.complaintskpi.streams;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.AlertKind;
import io.complaintskpi.events.Regime;
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
import java.time.Instant;
import java.time.LocalDate;

/**
 * The {@code open-alerts} values in a compact binary form (about a quarter of the JSON's bytes): the alert list
 * decodes every open alert on each request, and JSON decoding was half its cost. Enums by name, so a new
 * constant never changes what is stored; a leading version byte leaves room to change the form, and the store
 * is rebuilt by replay either way. The published alerts ({@code complaint-alerts}) stay JSON: that is the
 * contract, {@code schemas/alert.schema.json}.
 */
final class AlertSerde implements Serde<Alert> {

    private static final int VERSION = 1;

    @Override
    public Serializer<Alert> serializer() {
        return (topic, alert) -> alert == null ? null : write(alert);
    }

    @Override
    public Deserializer<Alert> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    private static byte[] write(Alert alert) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(alert.kind().name());
            out.writeUTF(alert.complaintId());
            writeOptional(out, alert.authority());
            writeOptional(out, alert.regime() == null ? null : alert.regime().name());
            writeOptional(out, alert.serviceArea());
            out.writeInt(alert.stage());
            out.writeUTF(alert.milestone().name());
            out.writeLong(alert.dueDate().toEpochDay());
            out.writeInt(alert.workingDaysOverdue());
            out.writeBoolean(alert.raisedAt() != null);
            if (alert.raisedAt() != null) {
                out.writeLong(alert.raisedAt().getEpochSecond());
                out.writeInt(alert.raisedAt().getNano());
            }
            writeOptional(out, alert.clears() == null ? null : alert.clears().name());
        } catch (IOException e) {
            throw new SerializationException("cannot write an alert of " + alert.complaintId(), e);
        }
        return bytes.toByteArray();
    }

    private static Alert read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new SerializationException("alert of unknown version " + version);
            }
            AlertKind kind = AlertKind.valueOf(in.readUTF());
            String complaintId = in.readUTF();
            String authority = readOptional(in);
            String regime = readOptional(in);
            String serviceArea = readOptional(in);
            int stage = in.readInt();
            Milestone milestone = Milestone.valueOf(in.readUTF());
            LocalDate due = LocalDate.ofEpochDay(in.readLong());
            int overdue = in.readInt();
            Instant raisedAt = in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
            String clears = readOptional(in);
            return new Alert(kind, complaintId, authority, regime == null ? null : Regime.valueOf(regime), serviceArea,
                    stage, milestone, due, overdue, raisedAt, clears == null ? null : AlertKind.valueOf(clears));
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("cannot read an alert", e);
        }
    }

    private static void writeOptional(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
