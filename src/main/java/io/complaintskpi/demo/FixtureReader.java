package io.complaintskpi.demo;

import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.InvalidEventException;
import io.complaintskpi.events.SchemaValidator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON Lines fixture (one event per line, blank lines ignored) into envelopes, validating each
 * line against the published schemas exactly as the service does with a record value.
 */
public final class FixtureReader {

    /** Classpath resource of the committed seed history (FY 2013/14 to 2015/16). */
    public static final String SEED_FIXTURE = "/fixtures/leicestershire-2013-2016.jsonl";

    private final EventCodec codec;

    public FixtureReader(EventCodec codec) {
        this.codec = codec;
    }

    /** A reader with the real schema validator and Leicestershire as the default authority. */
    public static FixtureReader withSchemas() {
        return new FixtureReader(new EventCodec(SeedHistory.AUTHORITY, new SchemaValidator()));
    }

    /** The committed seed fixture. */
    public List<EventEnvelope> seedFixture() {
        return classpath(SEED_FIXTURE);
    }

    public List<EventEnvelope> classpath(String resource) {
        InputStream in = FixtureReader.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no fixture on the classpath at " + resource);
        }
        return read(in, resource);
    }

    public List<EventEnvelope> file(Path path) {
        try {
            return read(Files.newInputStream(path), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An event, the line it was read from and its text. */
    public record Line(int number, String text, EventEnvelope event) {
    }

    /** A line that is not a valid event, with why (what the service would dead-letter it with). */
    public record BadLine(int number, String text, String reason) {
    }

    /** What a file holds: its valid events in file order and its invalid lines. */
    public record Lines(List<Line> events, List<BadLine> bad) {
        public Lines {
            events = List.copyOf(events);
            bad = List.copyOf(bad);
        }
    }

    /** Reads and closes the stream; an invalid line fails with its source and line number. */
    public List<EventEnvelope> read(InputStream in, String source) {
        Lines lines = readAll(in);
        if (!lines.bad().isEmpty()) {
            BadLine first = lines.bad().get(0);
            throw new InvalidEventException(source + " line " + first.number() + ": " + first.reason());
        }
        return lines.events().stream().map(Line::event).toList();
    }

    /** Reads a file, keeping the invalid lines apart instead of failing on the first. */
    public Lines readAll(Path path) {
        try {
            return readAll(Files.newInputStream(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Lines readAll(InputStream in) {
        List<Line> events = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    events.add(new Line(number, line, codec.decode(line.getBytes(StandardCharsets.UTF_8))));
                } catch (InvalidEventException e) {
                    bad.add(new BadLine(number, line, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Lines(events, bad);
    }
}
