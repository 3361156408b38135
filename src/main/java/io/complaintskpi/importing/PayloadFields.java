package io.complaintskpi.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.complaintskpi.events.SchemaValidator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each event type's payload fields as the published JSON Schemas define them (topics/schemas/events), and a CSV
 * cell read into the type a field's schema gives: integer, boolean, enum, date, or the causes list written
 * {@code QUALITY_OF_WORK=upheld; FAIRNESS=not upheld}. The fields come from the schemas, so a field added to the
 * contract is a column at once; what a cell cannot be read as is passed on as text for the contract to refuse.
 */
final class PayloadFields {

    private final SchemaValidator schemas;

    PayloadFields(SchemaValidator schemas) {
        this.schemas = schemas;
    }

    /** The payload fields of {@code eventType} by their normal name (see {@link CellValues#normalName}). */
    Map<String, String> fields(String eventType) {
        Map<String, String> fields = new LinkedHashMap<>();
        schemas.payloadSchema(eventType).ifPresent(schema -> schema.path("properties").fieldNames()
                .forEachRemaining(name -> fields.put(CellValues.normalName(name), name)));
        return fields;
    }

    /** {@code cell} as the value of {@code field} of {@code eventType}. */
    JsonNode value(String eventType, String field, String cell) {
        JsonNode property = schemas.payloadSchema(eventType).map(s -> s.path("properties").path(field))
                .orElse(JsonNodeFactory.instance.missingNode());
        return value(property, cell.trim());
    }

    private static JsonNode value(JsonNode property, String cell) {
        return switch (property.path("type").asText()) {
            case "integer" -> integer(cell).<JsonNode>map(LongNode::valueOf).orElse(TextNode.valueOf(cell));
            case "boolean" -> CellValues.bool(cell).<JsonNode>map(BooleanNode::valueOf).orElse(TextNode.valueOf(cell));
            case "array" -> list(property.path("items"), cell);
            default -> TextNode.valueOf(text(property, cell));
        };
    }

    private static String text(JsonNode property, String cell) {
        if (property.has("enum")) {
            List<String> values = new ArrayList<>();
            property.path("enum").forEach(v -> values.add(v.asText()));
            return CellValues.enumValue(cell, values).orElse(cell);
        }
        if ("date".equals(property.path("format").asText())) {
            return CellValues.date(cell).map(Object::toString).orElse(cell);
        }
        return cell;
    }

    /**
     * A list cell: entries separated by ';'. An entry of an object item is its first required field's value, then
     * '=' or ':' and the next one's (a cause and whether it was upheld).
     */
    private static ArrayNode list(JsonNode items, String cell) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        List<String> required = new ArrayList<>();
        items.path("required").forEach(name -> required.add(name.asText()));
        for (String entry : cell.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            if (!items.path("type").asText().equals("object") || required.isEmpty()) {
                list.add(value(items, entry.trim()));
                continue;
            }
            String[] parts = entry.split("[=:]", required.size());
            ObjectNode item = list.addObject();
            for (int i = 0; i < parts.length; i++) {
                item.set(required.get(i), value(items.path("properties").path(required.get(i)), parts[i].trim()));
            }
        }
        return list;
    }

    private static Optional<Long> integer(String cell) {
        try {
            return Optional.of(Long.parseLong(cell));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
