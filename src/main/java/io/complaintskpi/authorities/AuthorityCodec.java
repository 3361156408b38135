package io.complaintskpi.authorities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.InvalidEventException;
import io.complaintskpi.rules.FinancialYear;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads and writes authority records of the {@code authorities} topic ({@code topics/schemas/authority.schema.json}).
 * A record that breaks the contract is an {@link InvalidEventException} whose message is the reason the
 * dead-letter topic records, as for events.
 */
public final class AuthorityCodec {

    private static final String SCHEMA = "/topics/schemas/authority.schema.json";

    private final JsonSchema schema;

    public AuthorityCodec() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.LEGACY).build();
        try (InputStream in = AuthorityCodec.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("missing schema on the classpath: " + SCHEMA);
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The authority a record of the topic holds: its key must be the record's code. */
    public Authority decode(String key, byte[] value) {
        JsonNode json;
        try {
            json = EventCodec.MAPPER.readTree(value);
        } catch (IOException | RuntimeException e) {
            throw new InvalidEventException("authority record is not JSON: " + e.getMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw new InvalidEventException("authority record is not a JSON object");
        }
        Set<ValidationMessage> errors = schema.validate(json);
        if (!errors.isEmpty()) {
            throw new InvalidEventException("schema violation in authority: " + errors.stream()
                    .map(e -> "$" + e.getInstanceLocation().toString().substring(1) + ": " + e.getError())
                    .sorted().collect(Collectors.joining("; ")));
        }
        String code = json.get("code").asText();
        if (!code.equals(key)) {
            throw new InvalidEventException("authority record key '" + key + "' is not its code '" + code + "'");
        }
        Map<FinancialYear, Population> populations = new TreeMap<>();
        for (JsonNode estimate : json.get("populations")) {
            String label = estimate.get("year").asText();
            FinancialYear year;
            try {
                year = FinancialYear.parse(label);
            } catch (IllegalArgumentException e) {
                throw new InvalidEventException("authority " + code + " population year: " + e.getMessage(), e);
            }
            long residents = estimate.get("residents").asLong();
            long children = estimate.get("children").asLong();
            if (children > residents) {
                throw new InvalidEventException("authority " + code + " population " + label + ": " + children
                        + " children is more than its " + residents + " residents");
            }
            if (populations.put(year, new Population(residents, children)) != null) {
                throw new InvalidEventException("authority " + code + " gives two populations for " + label);
            }
        }
        return new Authority(code, json.get("name").asText(), json.get("onsCode").asText(),
                CouncilType.ofCode(json.get("councilType").asText()).orElseThrow(), json.get("region").asText(),
                populations);
    }

    public byte[] encode(Authority authority) {
        ObjectNode json = EventCodec.MAPPER.createObjectNode()
                .put("code", authority.code())
                .put("name", authority.name())
                .put("onsCode", authority.onsCode())
                .put("councilType", authority.councilType().code())
                .put("region", authority.region());
        ArrayNode populations = json.putArray("populations");
        authority.populations().forEach((year, population) -> populations.addObject()
                .put("year", year.label())
                .put("residents", population.residents())
                .put("children", population.children()));
        try {
            return EventCodec.MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
