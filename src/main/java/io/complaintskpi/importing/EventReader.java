package io.complaintskpi.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.InvalidEventException;
import io.complaintskpi.events.SchemaValidator;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads a file of events, NDJSON (one event per line, as on the topic) or a CSV export ({@link CsvMapping}),
 * and validates each event with the stream's own codec: what it accepts here the service accepts, with the same
 * reasons for what it refuses. Events without an {@code eventId} get one derived from their content
 * ({@link DerivedIds}). The file is read as a stream, event by event, in file order.
 */
public final class EventReader {

    /** The two kinds of file. */
    public enum Format {
        CSV, NDJSON;

        /** By the file name: .csv is CSV, anything else (.ndjson, .jsonl, .json) NDJSON. */
        public static Format of(Path file) {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : NDJSON;
        }
    }

    /** What the file was: its format, its layout in words, its last row and the columns nothing read. */
    public record FileShape(Format format, String layout, int rows, List<String> ignoredColumns) {
        public FileShape {
            ignoredColumns = List.copyOf(ignoredColumns);
        }
    }

    private final EventCodec codec;
    private final PayloadFields fields;

    /** {@code codec}: the stream's (domain.DomainRules#codec); {@code schemas}: the contract's fields for CSV columns. */
    public EventReader(EventCodec codec, SchemaValidator schemas) {
        this.codec = codec;
        this.fields = new PayloadFields(schemas);
    }

    /**
     * Reads {@code file}, handing each event to {@code events} in file order and the bytes read so far to
     * {@code progress}; throws {@link ImportFormatException} for a file it cannot read as {@code format} at all.
     */
    public FileShape read(Path file, Format format, Consumer<ReadEvent> events, LongConsumer progress) {
        try (Counting in = new Counting(Files.newInputStream(file), progress);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            skipByteOrderMark(reader);
            return format == Format.CSV ? csv(reader, events) : ndjson(reader, events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileShape ndjson(BufferedReader reader, Consumer<ReadEvent> events) throws IOException {
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (!line.isBlank()) {
                events.accept(validate(Origin.row(number), withId(line)));
            }
        }
        return new FileShape(Format.NDJSON, "one event per line", number, List.of());
    }

    private FileShape csv(BufferedReader reader, Consumer<ReadEvent> events) throws IOException {
        CsvMapping[] mapping = new CsvMapping[1];
        int rows = CsvRows.read(reader, "a CSV export", header -> mapping[0] = CsvMapping.of(header, fields),
                (cells, number) -> {
                    CsvMapping.Row row = mapping[0].map(number, cells);
                    row.built().forEach(built -> events.accept(validate(built.origin(), json(built.event()))));
                    row.unmappable().forEach(events);
                });
        return new FileShape(Format.CSV, mapping[0].layout().description(), rows, mapping[0].ignoredColumns());
    }

    /** The codec's verdict on {@code json}, as the stream would give it. */
    private ReadEvent validate(Origin origin, byte[] json) {
        try {
            return new ReadEvent.Valid(origin, codec.decode(json), json);
        } catch (InvalidEventException e) {
            return new ReadEvent.Invalid(origin, e.getMessage());
        }
    }

    /**
     * The line as it is when it has an eventId (or is not a JSON object: the codec says why), else with a derived
     * one put in front, the rest of the line untouched so the codec still sees its repeated keys or trailing text.
     */
    private static byte[] withId(String line) {
        JsonNode tree;
        try {
            tree = EventCodec.MAPPER.readTree(line);
        } catch (IOException e) {
            tree = null;
        }
        String text = line.strip();
        if (tree == null || !tree.isObject() || tree.has("eventId") || tree.isEmpty() || !text.startsWith("{")) {
            return line.getBytes(StandardCharsets.UTF_8);
        }
        return ("{\"eventId\":\"" + DerivedIds.of(tree) + "\"," + text.substring(1)).getBytes(StandardCharsets.UTF_8);
    }

    /** A built event with its eventId (given in the file, else derived) first. */
    private static byte[] json(ObjectNode event) {
        ObjectNode ordered = JsonNodeFactory.instance.objectNode();
        ordered.put("eventId", event.has("eventId") ? event.get("eventId").asText() : DerivedIds.of(event).toString());
        event.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("eventId")) {
                ordered.set(field.getKey(), field.getValue());
            }
        });
        return ordered.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** Tells how many bytes were read so far, for a progress bar over the file's size. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer progress;
        private long count;

        Counting(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.accept(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
                progress.accept(count);
            }
            return n;
        }
    }
}
