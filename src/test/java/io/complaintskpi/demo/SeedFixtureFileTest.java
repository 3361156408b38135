package io.complaintskpi.demo;

import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.InvalidEventException;
import io.complaintskpi.events.SchemaValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The committed fixture against its generator and the published schemas. Needs the schemas under
 * {@code topics/schemas} on the classpath (pom.xml copies them there). With
 * {@code -Dfixture.regenerate=true} the fixture is rewritten from {@link SeedHistory} first.
 */
class SeedFixtureFileTest {

    private EventCodec codec;

    @BeforeEach
    void schemas() {
        assertThat(SeedFixtureFileTest.class.getResource("/topics/schemas/envelope.schema.json"))
                .as("the JSON Schemas on the classpath (pom.xml copies topics/)").isNotNull();
        codec = new EventCodec(SeedHistory.AUTHORITY, new SchemaValidator());
    }

    @Test
    void committed_fixture_is_exactly_what_the_seed_history_generates() throws IOException {
        List<EventEnvelope> events = SeedHistory.events();
        if (Boolean.getBoolean("fixture.regenerate")) {
            FixtureWriter.write(events, codec, FixtureWriter.SEED_FIXTURE_SOURCE);
        }
        assertThat(Files.readAllLines(FixtureWriter.SEED_FIXTURE_SOURCE, StandardCharsets.UTF_8))
                .isEqualTo(FixtureWriter.lines(events, codec));
    }

    @Test
    void every_line_of_the_classpath_fixture_passes_the_schemas_and_decodes_to_the_history() {
        assertThat(new FixtureReader(codec).seedFixture()).isEqualTo(SeedHistory.events());
    }

    @Test
    void a_file_round_trips_and_blank_lines_are_skipped(@TempDir Path dir) throws IOException {
        List<EventEnvelope> some = SeedHistory.events().subList(0, 5);
        Path file = dir.resolve("some.jsonl");
        FixtureWriter.write(some, codec, file);
        Files.writeString(file, "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertThat(new FixtureReader(codec).file(file)).isEqualTo(some);
    }

    @Test
    void an_invalid_line_is_reported_with_its_number(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>(FixtureWriter.lines(SeedHistory.events().subList(0, 2), codec));
        lines.add(lines.get(0).replace("\"schemaVersion\":1", "\"schemaVersion\":2"));
        Path file = dir.resolve("bad.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new FixtureReader(codec).file(file))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("bad.jsonl line 3");
    }
}
