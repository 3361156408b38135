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
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads and writes the reference records of the {@code authorities} topic
 * ({@code topics/schemas/reference-record.schema.json}): authorities, keyed by their code, and the Ombudsman's
 * averages, keyed {@code ombudsman-average|...} ({@link OmbudsmanAverage#key}). The key says which definition of
 * the schema a record must meet. A record that breaks the contract is an {@link InvalidEventException} whose
 * message is the reason the dead-letter topic records, as for events.
 */
public final class AuthorityCodec {

    private static final String SCHEMA = "/topics/schemas/reference-record.schema.json";

    private final JsonSchema authoritySchema;
    private final JsonSchema averageSchema;

    public AuthorityCodec() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.LEGACY).build();
        try (InputStream in = AuthorityCodec.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("missing schema on the classpath: " + SCHEMA);
            }
            JsonNode definitions = EventCodec.MAPPER.readTree(in).get("$defs");
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
            authoritySchema = factory.getSchema(definitions.get("authority"), config);
            averageSchema = factory.getSchema(definitions.get("ombudsmanAverage"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The key a record is sent under: an authority's code, or an average's {@link OmbudsmanAverage#key} made of its
     * council type, year and measure; empty when the record has neither (nothing to key it by).
     */
    public static Optional<String> keyOf(JsonNode record) {
        if (record.path("code").isTextual()) {
            return Optional.of(record.get("code").asText());
        }
        List<JsonNode> parts = List.of(record.path("councilType"), record.path("year"), record.path("measure"));
        return parts.stream().allMatch(JsonNode::isTextual)
                ? Optional.of(OmbudsmanAverage.key(parts.get(0).asText(), parts.get(1).asText(), parts.get(2).asText()))
                : Optional.empty();
    }

    /** Checks a record of the topic against the definition its key names; throws the reason when it is invalid. */
    public void validate(String key, byte[] value) {
        if (OmbudsmanAverage.isKey(key)) {
            decodeAverage(key, value);
        } else {
            decode(key, value);
        }
    }

    /** The authority a record of the topic holds: its key must be the record's code. */
    public Authority decode(String key, byte[] value) {
        JsonNode json = read("authority", authoritySchema, value);
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

    /** The Ombudsman's average a record of the topic holds: its key must be {@link OmbudsmanAverage#key}. */
    public OmbudsmanAverage decodeAverage(String key, byte[] value) {
        JsonNode json = read("Ombudsman's average", averageSchema, value);
        String label = json.get("year").asText();
        FinancialYear year;
        try {
            year = FinancialYear.parse(label);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("Ombudsman's average year: " + e.getMessage(), e);
        }
        JsonNode source = json.get("source");
        OmbudsmanAverage average = new OmbudsmanAverage(
                CouncilType.ofCode(json.get("councilType").asText()).orElseThrow(), year,
                OmbudsmanAverage.Measure.ofCode(json.get("measure").asText()).orElseThrow(),
                new BigDecimal(json.get("percent").asText()),
                new OmbudsmanAverage.Source(source.get("title").asText(),
                        source.hasNonNull("url") ? source.get("url").asText() : null, source.get("year").asInt()));
        if (!average.key().equals(key)) {
            throw new InvalidEventException("Ombudsman's average record key '" + key + "' is not its key '"
                    + average.key() + "' (ombudsman-average|councilType|year|measure)");
        }
        return average;
    }

    private static JsonNode read(String kind, JsonSchema schema, byte[] value) {
        JsonNode json;
        try {
            json = EventCodec.MAPPER.readTree(value);
        } catch (IOException | RuntimeException e) {
            throw new InvalidEventException(kind + " record is not JSON: " + e.getMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw new InvalidEventException(kind + " record is not a JSON object");
        }
        Set<ValidationMessage> errors = schema.validate(json);
        if (!errors.isEmpty()) {
            throw new InvalidEventException("schema violation in " + kind + ": " + errors.stream()
                    .map(e -> "$" + e.getInstanceLocation().toString().substring(1) + ": " + e.getError())
                    .sorted().collect(Collectors.joining("; ")));
        }
        return json;
    }

    public byte[] encode(OmbudsmanAverage average) {
        ObjectNode json = EventCodec.MAPPER.createObjectNode()
                .put("councilType", average.councilType().code())
                .put("year", average.year().label())
                .put("measure", average.measure().code())
                .put("percent", average.percent().toPlainString());
        ObjectNode source = json.putObject("source").put("title", average.source().title());
        if (average.source().url() != null) {
            source.put("url", average.source().url());
        }
        source.put("year", average.source().year());
        return bytes(json);
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
        return bytes(json);
    }

    private static byte[] bytes(ObjectNode json) {
        try {
            return EventCodec.MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
