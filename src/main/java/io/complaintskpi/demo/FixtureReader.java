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

    /** Reads and closes the stream; an invalid line fails with its source and line number. */
    public List<EventEnvelope> read(InputStream in, String source) {
        List<EventEnvelope> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    events.add(codec.decode(line.getBytes(StandardCharsets.UTF_8)));
                } catch (InvalidEventException e) {
                    throw new InvalidEventException(source + " line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }
}
