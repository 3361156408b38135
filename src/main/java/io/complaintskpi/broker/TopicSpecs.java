package io.complaintskpi.broker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loads the topic specs shipped on the classpath under {@code /topics}. Directories cannot be listed
 * reliably inside a jar, so {@code /topics/topics.index} names the spec files, one a line.
 */
public final class TopicSpecs {

    private static final String DIRECTORY = "/topics/";
    private static final String INDEX = DIRECTORY + "topics.index";
    // Strict on purpose: a misspelt field in a spec must fail start-up, not be silently ignored.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private TopicSpecs() {
    }

    public static List<TopicSpec> load() {
        return indexEntries().stream().map(TopicSpecs::read).toList();
    }

    /** The spec of one topic by its name, e.g. {@code complaint-events}. */
    public static TopicSpec named(String topic) {
        return load().stream()
                .filter(spec -> spec.name().equals(topic))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No topic spec named " + topic + " in " + INDEX));
    }

    private static List<String> indexEntries() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(open(INDEX), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + INDEX, e);
        }
    }

    private static TopicSpec read(String fileName) {
        String resource = DIRECTORY + fileName;
        try (InputStream in = open(resource)) {
            return MAPPER.readValue(in, TopicSpec.class);
        } catch (IOException e) {
            throw new IllegalStateException("Invalid topic spec " + resource + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = TopicSpecs.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing classpath resource " + resource);
        }
        return in;
    }
}
