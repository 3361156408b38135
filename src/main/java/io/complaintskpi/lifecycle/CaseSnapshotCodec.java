package io.complaintskpi.lifecycle;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.complaintskpi.events.ActionKind;
import io.complaintskpi.events.Cause;
import io.complaintskpi.events.CauseFinding;
import io.complaintskpi.events.ComplainantType;
import io.complaintskpi.events.ComplaintEvent;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.events.Regime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A {@link CaseSnapshot} in CBOR (string references on, so an enum name or field that repeats is written once):
 * one array of fields by position, no names, led by its format version. Dates are epoch days, enums by name,
 * eventIds 16 bytes each; the events it holds (the ledger's without their envelope, the awaiting ones whole) in
 * the contract's canonical form ({@link EventCodec}). Bytes of another format version, or that do not read,
 * throw {@link UncheckedIOException}: the reader rebuilds the snapshot from the key's events, never trusts it.
 */
public final class CaseSnapshotCodec {

    /** The layout below; a change to it (or to what a state holds) takes the next number. */
    static final int FORMAT = 1;

    private final EventCodec codec;

    public CaseSnapshotCodec(EventCodec codec) {
        this.codec = codec;
    }

    public byte[] encode(CaseSnapshot snapshot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = CaseHistoryCodec.CBOR.createGenerator(out)) {
            g.writeStartArray();
            g.writeNumber(FORMAT);
            writeIds(g, snapshot.eventIds());
            writePlace(g, snapshot.last());
            writeState(g, snapshot.state());
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write case snapshot", e);
        }
        return out.toByteArray();
    }

    /** Reads the snapshot of {@code key}; throws {@link UncheckedIOException} for anything but this format. */
    public CaseSnapshot decode(String key, byte[] stored) {
        try (JsonParser p = CaseHistoryCodec.CBOR.createParser(stored)) {
            expect(p, JsonToken.START_ARRAY);
            int format = nextInt(p);
            if (format != FORMAT) {
                throw new IOException("snapshot format " + format + ", this build reads " + FORMAT);
            }
            List<UUID> ids = readIds(p);
            CaseHistory.Place last = readPlace(p);
            CaseState state = readState(p, key);
            expect(p, JsonToken.END_ARRAY);
            return new CaseSnapshot(state, ids, last);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read case snapshot of " + key, e);
        } catch (RuntimeException e) {
            // Bytes that parse but do not make a state (an unknown enum name, a missing field): a broken store.
            throw new UncheckedIOException("cannot read case snapshot of " + key, new IOException(e.getMessage(), e));
        }
    }

    private static void writeIds(JsonGenerator g, List<UUID> ids) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(16 * ids.size());
        ids.forEach(id -> bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()));
        g.writeBinary(bytes.array());
    }

    private static List<UUID> readIds(JsonParser p) throws IOException {
        expect(p, JsonToken.VALUE_EMBEDDED_OBJECT);
        ByteBuffer bytes = ByteBuffer.wrap(p.getBinaryValue());
        if (bytes.remaining() % 16 != 0) {
            throw new IOException("eventIds of " + bytes.remaining() + " bytes");
        }
        List<UUID> ids = new ArrayList<>(bytes.remaining() / 16);
        while (bytes.hasRemaining()) {
            ids.add(new UUID(bytes.getLong(), bytes.getLong()));
        }
        return ids;
    }

    private static void writePlace(JsonGenerator g, CaseHistory.Place place) throws IOException {
        if (place == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        g.writeNumber(place.at().getEpochSecond());
        g.writeNumber(place.at().getNano());
        g.writeNumber(place.rank());
        writeIds(g, List.of(place.eventId()));
        g.writeEndArray();
    }

    private static CaseHistory.Place readPlace(JsonParser p) throws IOException {
        if (p.nextToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        requireCurrent(p, JsonToken.START_ARRAY);
        long seconds = nextLong(p);
        int nanos = nextInt(p);
        int rank = nextInt(p);
        List<UUID> id = readIds(p);
        expect(p, JsonToken.END_ARRAY);
        if (id.size() != 1) {
            throw new IOException("a place with " + id.size() + " eventIds");
        }
        return new CaseHistory.Place(Instant.ofEpochSecond(seconds, nanos), rank, id.get(0));
    }

    private void writeState(JsonGenerator g, CaseState state) throws IOException {
        if (state == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        g.writeString(state.authority());
        writeComplaint(g, state.complaint());
        g.writeStartArray();
        for (Dated<ComplaintEvent> entry : state.ledger()) {
            writeDay(g, entry.on());
            g.writeString(entry.value().eventType());
            EventCodec.writeData(g, entry.value());
        }
        g.writeEndArray();
        g.writeStartArray();
        for (Awaiting waiting : state.awaiting()) {
            codec.write(g, waiting.event());
            g.writeString(waiting.reason());
        }
        g.writeEndArray();
        g.writeEndArray();
    }

    private CaseState readState(JsonParser p, String key) throws IOException {
        if (p.nextToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        requireCurrent(p, JsonToken.START_ARRAY);
        String authority = nextString(p);
        Complaint complaint = readComplaint(p);
        List<Dated<ComplaintEvent>> ledger = new ArrayList<>();
        expect(p, JsonToken.START_ARRAY);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            LocalDate on = currentDay(p);
            String type = nextString(p);
            expect(p, JsonToken.START_OBJECT);
            ledger.add(new Dated<>(on, EventCodec.readData(p, type)));
        }
        List<Awaiting> awaiting = new ArrayList<>();
        expect(p, JsonToken.START_ARRAY);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            requireCurrent(p, JsonToken.START_OBJECT);
            awaiting.add(new Awaiting(codec.readStored(p), nextString(p)));
        }
        expect(p, JsonToken.END_ARRAY);
        return new CaseState(key, authority, complaint, ledger, awaiting);
    }

    private static void writeComplaint(JsonGenerator g, Complaint complaint) throws IOException {
        if (complaint == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        g.writeString(complaint.authority());
        writeEnum(g, complaint.regime());
        g.writeString(complaint.serviceArea());
        writeEnum(g, complaint.complainantType());
        writeDay(g, complaint.receivedOn());
        writeDay(g, complaint.agreedResponseBy());
        g.writeStartArray();
        for (Stage stage : complaint.stages()) {
            writeStage(g, stage);
        }
        g.writeEndArray();
        g.writeStartArray();
        for (Dated<ActionKind> action : complaint.actions()) {
            writeDay(g, action.on());
            writeEnum(g, action.value());
        }
        g.writeEndArray();
        g.writeEndArray();
    }

    private static Complaint readComplaint(JsonParser p) throws IOException {
        if (p.nextToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        requireCurrent(p, JsonToken.START_ARRAY);
        String authority = nextString(p);
        Regime regime = nextEnum(p, Regime::valueOf);
        String serviceArea = nextString(p);
        ComplainantType complainantType = nextEnum(p, ComplainantType::valueOf);
        LocalDate receivedOn = nextDay(p);
        LocalDate agreedResponseBy = nextDay(p);
        List<Stage> stages = new ArrayList<>();
        expect(p, JsonToken.START_ARRAY);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            requireCurrent(p, JsonToken.START_ARRAY);
            stages.add(readStage(p));
        }
        List<Dated<ActionKind>> actions = new ArrayList<>();
        expect(p, JsonToken.START_ARRAY);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            LocalDate on = currentDay(p);
            actions.add(new Dated<>(on, nextEnum(p, ActionKind::valueOf)));
        }
        expect(p, JsonToken.END_ARRAY);
        return new Complaint(authority, regime, serviceArea, complainantType, receivedOn, agreedResponseBy, stages,
                actions);
    }

    private static void writeStage(JsonGenerator g, Stage stage) throws IOException {
        g.writeStartArray();
        g.writeNumber(stage.number());
        writeDay(g, stage.openedOn());
        writeDay(g, stage.acknowledgedOn());
        writeDay(g, stage.statementAgreedOn());
        if (stage.extendedToWorkingDays() == null) {
            g.writeNull();
        } else {
            g.writeNumber(stage.extendedToWorkingDays());
        }
        writeDay(g, stage.extendedToDate());
        g.writeBoolean(stage.extensionReasoned());
        writeDay(g, stage.panelHeldOn());
        writeDay(g, stage.panelReportOn());
        writeDay(g, stage.closedOn());
        writeEnum(g, stage.closure());
        writeEnum(g, stage.outcome());
        g.writeStartArray();
        for (CauseFinding finding : stage.causes()) {
            writeEnum(g, finding.cause());
            g.writeBoolean(finding.upheld());
        }
        g.writeEndArray();
        g.writeEndArray();
    }

    /** The stage whose array the parser stands on. */
    private static Stage readStage(JsonParser p) throws IOException {
        int number = nextInt(p);
        LocalDate openedOn = nextDay(p);
        LocalDate acknowledgedOn = nextDay(p);
        LocalDate statementAgreedOn = nextDay(p);
        Integer extendedToWorkingDays = p.nextToken() == JsonToken.VALUE_NULL ? null : currentInt(p);
        LocalDate extendedToDate = nextDay(p);
        boolean extensionReasoned = nextBoolean(p);
        LocalDate panelHeldOn = nextDay(p);
        LocalDate panelReportOn = nextDay(p);
        LocalDate closedOn = nextDay(p);
        Closure closure = nextEnum(p, Closure::valueOf);
        Outcome outcome = nextEnum(p, Outcome::valueOf);
        List<CauseFinding> causes = new ArrayList<>();
        expect(p, JsonToken.START_ARRAY);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            requireCurrent(p, JsonToken.VALUE_STRING);
            Cause cause = Cause.valueOf(p.getText());
            causes.add(new CauseFinding(cause, nextBoolean(p)));
        }
        expect(p, JsonToken.END_ARRAY);
        return new Stage(number, openedOn, acknowledgedOn, statementAgreedOn, extendedToWorkingDays, extendedToDate,
                extensionReasoned, panelHeldOn, panelReportOn, closedOn, closure, outcome, causes);
    }

    private static void writeDay(JsonGenerator g, LocalDate day) throws IOException {
        if (day == null) {
            g.writeNull();
        } else {
            g.writeNumber(day.toEpochDay());
        }
    }

    private static void writeEnum(JsonGenerator g, Enum<?> value) throws IOException {
        g.writeString(value == null ? null : value.name());
    }

    private static LocalDate nextDay(JsonParser p) throws IOException {
        p.nextToken();
        return currentDay(p);
    }

    private static LocalDate currentDay(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : LocalDate.ofEpochDay(currentLong(p));
    }

    private static <E extends Enum<E>> E nextEnum(JsonParser p, Function<String, E> byName) throws IOException {
        String name = nextString(p);
        return name == null ? null : byName.apply(name);
    }

    private static String nextString(JsonParser p) throws IOException {
        JsonToken token = p.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        requireCurrent(p, JsonToken.VALUE_STRING);
        return p.getText();
    }

    private static boolean nextBoolean(JsonParser p) throws IOException {
        JsonToken token = p.nextToken();
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw new IOException("expected a boolean, found " + token);
        }
        return token == JsonToken.VALUE_TRUE;
    }

    private static int nextInt(JsonParser p) throws IOException {
        p.nextToken();
        return currentInt(p);
    }

    private static int currentInt(JsonParser p) throws IOException {
        return Math.toIntExact(currentLong(p));
    }

    private static long nextLong(JsonParser p) throws IOException {
        p.nextToken();
        return currentLong(p);
    }

    private static long currentLong(JsonParser p) throws IOException {
        requireCurrent(p, JsonToken.VALUE_NUMBER_INT);
        return p.getLongValue();
    }

    private static void expect(JsonParser p, JsonToken token) throws IOException {
        p.nextToken();
        requireCurrent(p, token);
    }

    private static void requireCurrent(JsonParser p, JsonToken token) throws IOException {
        if (p.currentToken() != token) {
            throw new IOException("expected " + token + ", found " + p.currentToken());
        }
    }
}
