package io.complaintskpi.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes events as a JSON Lines fixture: one encoded event per line, in the given (publication) order.
 * The committed seed fixture is regenerated from the project root with
 * {@code mvn -q -o test -Dtest=SeedFixtureFileTest -Dfixture.regenerate=true}.
 */
public final class FixtureWriter {

    /** Where the seed fixture lives in the source tree (relative to the project root). */
    public static final Path SEED_FIXTURE_SOURCE = Path.of("src/main/resources" + FixtureReader.SEED_FIXTURE);

    private FixtureWriter() {
    }

    /** Writes the fixture, after checking that every line decodes back to its event. */
    public static void write(List<EventEnvelope> events, EventCodec codec, Path file) {
        List<String> lines = lines(events, codec);
        for (int i = 0; i < lines.size(); i++) {
            EventEnvelope decoded = codec.decode(lines.get(i).getBytes(StandardCharsets.UTF_8));
            if (!decoded.equals(events.get(i))) {
                throw new IllegalStateException("line " + (i + 1) + " does not decode to its event: " + lines.get(i));
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fixture's lines: the codec's encoding of each event, without null members (the contract has no
     * nulls: an optional field that has no value is left out).
     */
    public static List<String> lines(List<EventEnvelope> events, EventCodec codec) {
        return events.stream().map(event -> withoutNulls(codec.encode(event))).toList();
    }

    private static String withoutNulls(byte[] encoded) {
        try {
            JsonNode json = EventCodec.MAPPER.readTree(encoded);
            dropNulls(json);
            return EventCodec.MAPPER.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(field -> field.getValue().isNull());
        }
        node.forEach(FixtureWriter::dropNulls);
    }
}
