package io.complaintskpi.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The published schemas and the Java records are two spellings of one contract: they must not drift apart. */
class SchemaContractTest {

    private static final Map<Class<?>, String> JSON_TYPES = Map.of(
            int.class, "integer", Integer.class, "integer", long.class, "integer",
            boolean.class, "boolean", Boolean.class, "boolean", String.class, "string", LocalDate.class, "string");

    @Test
    void envelopeEventTypesAreExactlyTheRecords() {
        JsonNode eventType = schema("envelope.schema.json").at("/properties/eventType");

        assertThat(texts(eventType.get("enum"))).containsExactlyInAnyOrderElementsOf(EventCodec.TYPES.keySet());
    }

    @ParameterizedTest
    @MethodSource("io.complaintskpi.events.Examples#types")
    void payloadSchemaMirrorsItsRecord(String eventType) {
        JsonNode schema = schema("events/" + eventType + ".schema.json");

        assertThat(schema.get("$id").asText()).isEqualTo("urn:complaints-kpi:schemas:v1:events:" + eventType);
        assertMirrors(schema, EventCodec.TYPES.get(eventType), eventType);
    }

    @Test
    void everySchemaAndPropertyDocumentsItselfAndStandsAlone() {
        List<String> ids = new ArrayList<>();
        for (String file : allSchemaFiles()) {
            JsonNode schema = schema(file);
            assertThat(schema.get("$schema").asText()).as(file).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            ids.add(schema.get("$id").asText());
            assertDocumented(schema, file);
            assertThat(schema.findValues("$ref")).as(file + " must not reference other schemas").isEmpty();
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    private static void assertMirrors(JsonNode schema, Class<?> record, String where) {
        assertThat(schema.get("type").asText()).as(where).isEqualTo("object");
        JsonNode properties = schema.get("properties");
        Set<String> required = new HashSet<>(texts(schema.path("required")));
        RecordComponent[] components = record.getRecordComponents();
        assertThat(names(properties)).as(where + " properties")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(components).map(RecordComponent::getName).toList());
        assertThat(Arrays.stream(components).map(RecordComponent::getName)).as(where + " required").containsAll(required);
        for (RecordComponent component : components) {
            String path = where + "." + component.getName();
            JsonNode property = properties.get(component.getName());
            // Jackson fills a missing primitive with 0 or false, so a primitive must be required or default to that.
            if (component.getType().isPrimitive() && !required.contains(component.getName())) {
                assertThat(property.path("default").asText()).as(path + " default").isIn("0", "false");
            }
            assertProperty(property, component.getGenericType(), path);
        }
    }

    private static void assertProperty(JsonNode property, Type type, String where) {
        Class<?> raw = (Class<?>) (type instanceof ParameterizedType generic ? generic.getRawType() : type);
        if (raw.isEnum()) {
            assertThat(texts(property.get("enum"))).as(where + " enum")
                    .containsExactly(Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toArray(String[]::new));
        } else if (raw.isRecord()) {
            assertMirrors(property, raw, where);
        } else if (raw == List.class) {
            assertThat(property.get("type").asText()).as(where).isEqualTo("array");
            assertProperty(property.get("items"), ((ParameterizedType) type).getActualTypeArguments()[0], where + "[]");
        } else {
            assertThat(property.get("type").asText()).as(where + " type").isEqualTo(JSON_TYPES.get(raw));
        }
    }

    private static void assertDocumented(JsonNode schema, String where) {
        assertThat(schema.path("title").asText()).as(where + " title").isNotBlank();
        assertThat(schema.path("description").asText()).as(where + " description").isNotBlank();
        schema.path("properties").properties().forEach(p -> assertDocumented(p.getValue(), where + "." + p.getKey()));
        if (schema.has("items")) {
            assertDocumented(schema.get("items"), where + "[]");
        }
    }

    private static List<String> allSchemaFiles() {
        return Stream.concat(Stream.of("envelope.schema.json"),
                Examples.types().map(type -> "events/" + type + ".schema.json")).toList();
    }

    private static JsonNode schema(String file) {
        try (InputStream in = SchemaContractTest.class.getResourceAsStream("/topics/schemas/" + file)) {
            assertThat(in).as(file + " on the classpath").isNotNull();
            return EventCodec.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
