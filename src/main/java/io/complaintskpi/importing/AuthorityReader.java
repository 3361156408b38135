package io.complaintskpi.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complaintskpi.authorities.AuthorityCodec;
import io.complaintskpi.authorities.CouncilType;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.InvalidEventException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a file of authority records (the reference data of docs/authorities.md) and validates each with the
 * service's own {@link AuthorityCodec}, so a reason given here is the reason the service would give. NDJSON: one
 * record per line, as on the {@code authorities} topic: authorities and the Ombudsman's averages, each keyed as
 * {@link AuthorityCodec#keyOf} keys it ({@code code} is then that key). CSV, authorities only: one row per authority and financial year, columns
 * {@link #COLUMNS} (named as event columns are: without case, spaces, underscores or hyphens); the rows of one
 * {@code code} make one record with a population estimate per row, and must agree on its name, ONS code, council
 * type and region. The file is read whole: reference data is a few hundred records.
 */
public final class AuthorityReader {

    /** The CSV columns; {@code year}, {@code residents} and {@code children} blank on a row: no estimate from it. */
    public static final List<String> COLUMNS = List.of("code", "name", "ons_code", "council_type", "region", "year",
            "residents", "children");
    private static final List<String> ATTRIBUTES = List.of("name", "onsCode", "councilType", "region");

    /**
     * A record read, with the row it starts on: valid (its key and value as sent), or not (why). {@code code} is the
     * record key: an authority's code or an Ombudsman's average's key.
     */
    public record ReadAuthority(Origin origin, String code, byte[] value, String problem) {
        public boolean valid() {
            return problem == null;
        }
    }

    /** What the file held: its shape and each record in file order (a CSV record at its first row). */
    public record Result(EventReader.FileShape shape, List<ReadAuthority> records) {
        public Result {
            records = List.copyOf(records);
        }

        public long valid() {
            return records.stream().filter(ReadAuthority::valid).count();
        }
    }

    private final AuthorityCodec codec = new AuthorityCodec();

    /** Reads {@code file}; throws {@link ImportFormatException} for a file it cannot read as {@code format} at all. */
    public Result read(Path file, EventReader.Format format) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            EventReader.skipByteOrderMark(reader);
            return format == EventReader.Format.CSV ? csv(reader) : ndjson(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Result ndjson(BufferedReader reader) throws IOException {
        List<ReadAuthority> records = new ArrayList<>();
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String key;
            try {
                key = AuthorityCodec.keyOf(EventCodec.MAPPER.readTree(line)).orElse(null);
            } catch (IOException e) {
                key = null;
            }
            records.add(validate(Origin.row(number), key, line.strip().getBytes(StandardCharsets.UTF_8)));
        }
        return new Result(new EventReader.FileShape(EventReader.Format.NDJSON, "one reference record per line", number,
                List.of()), records);
    }

    private Result csv(BufferedReader reader) throws IOException {
        List<Map<String, Integer>> columns = new ArrayList<>(1);
        Map<String, Draft> drafts = new LinkedHashMap<>();
        List<ReadAuthority> records = new ArrayList<>();
        int last = CsvRows.read(reader, "a CSV of authorities", header -> columns.add(columns(header)), (cells, number) -> {
            Row row = new Row(number, cells, columns.get(0));
            String code = row.cell("code");
            if (code.isEmpty()) {
                records.add(new ReadAuthority(Origin.row(number), null, null, "no code: every row names the"
                        + " authority's code (the authority field of its events)"));
            } else {
                drafts.computeIfAbsent(code, c -> new Draft(number, c)).add(row);
            }
        });
        drafts.values().forEach(draft -> records.add(draft.conflict == null
                ? validate(Origin.row(draft.firstRow), draft.code, draft.json())
                : new ReadAuthority(Origin.row(draft.firstRow), draft.code, null, draft.conflict)));
        records.sort((a, b) -> Integer.compare(a.origin().row(), b.origin().row()));
        List<String> ignored = columns.get(0).keySet().stream().filter(c -> c.startsWith("?")).map(c -> c.substring(1))
                .toList();
        return new Result(new EventReader.FileShape(EventReader.Format.CSV, "one row per authority and year", last,
                ignored), records);
    }

    /** Column positions by normal name; a column no record reads under "?" and its header, for the summary. */
    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String normal = CellValues.normalName(header.get(i));
            boolean known = COLUMNS.stream().anyMatch(c -> CellValues.normalName(c).equals(normal));
            if (known) {
                columns.putIfAbsent(normal, i);
            } else if (!normal.isEmpty()) {
                columns.put("?" + header.get(i).strip(), i);
            }
        }
        List<String> missing = COLUMNS.subList(0, 5).stream()
                .filter(c -> !columns.containsKey(CellValues.normalName(c))).toList();
        if (!missing.isEmpty()) {
            throw new ImportFormatException("not a CSV of authorities: the header has no " + String.join(", ", missing)
                    + " (columns: " + String.join(", ", COLUMNS) + ")");
        }
        return columns;
    }

    private ReadAuthority validate(Origin origin, String code, byte[] value) {
        try {
            codec.validate(code == null ? "" : code, value);
            return new ReadAuthority(origin, code, value, null);
        } catch (InvalidEventException e) {
            return new ReadAuthority(origin, code, null, code == null ? "no code: " + e.getMessage() : e.getMessage());
        }
    }

    private record Row(int number, List<String> cells, Map<String, Integer> columns) {
        String cell(String column) {
            Integer at = columns.get(CellValues.normalName(column));
            return at == null || at >= cells.size() ? "" : cells.get(at).strip();
        }
    }

    /** One authority's rows so far: its attributes from the first, an estimate from each row that has one. */
    private static final class Draft {
        private final int firstRow;
        private final String code;
        private final ObjectNode json = EventCodec.MAPPER.createObjectNode();
        private final ArrayNode populations;
        private String conflict;

        Draft(int firstRow, String code) {
            this.firstRow = firstRow;
            this.code = code;
            json.put("code", code);
            populations = EventCodec.MAPPER.createArrayNode();
        }

        void add(Row row) {
            Map<String, String> values = Map.of("name", row.cell("name"), "onsCode", row.cell("ons_code"),
                    "councilType", councilType(row.cell("council_type")), "region", row.cell("region"));
            for (String attribute : ATTRIBUTES) {
                String value = values.get(attribute);
                if (!json.has(attribute)) {
                    json.put(attribute, value);
                } else if (!json.get(attribute).asText().equals(value) && conflict == null) {
                    conflict = "authority " + code + ": row " + row.number() + " gives " + attribute + " '" + value
                            + "', row " + firstRow + " '" + json.get(attribute).asText() + "'";
                }
            }
            if (!(row.cell("year") + row.cell("residents") + row.cell("children")).isEmpty()) {
                ObjectNode estimate = populations.addObject().put("year", row.cell("year"));
                number(estimate, "residents", row.cell("residents"));
                number(estimate, "children", row.cell("children"));
            }
        }

        byte[] json() {
            json.set("populations", populations);
            return json.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** A whole number as a number ("675,000" too); anything else as written, for the schema to name. */
        private static void number(ObjectNode estimate, String field, String cell) {
            String digits = cell.replace(",", "").replace(" ", "");
            if (digits.matches("\\d{1,18}")) {
                estimate.put(field, Long.parseLong(digits));
            } else {
                estimate.put(field, cell);
            }
        }

        /** "County", "Metropolitan borough", "london_borough": the contract's code; else as written. */
        private static String councilType(String cell) {
            String normal = CellValues.normalName(cell);
            return Arrays.stream(CouncilType.values()).map(CouncilType::code)
                    .filter(c -> CellValues.normalName(c).equals(normal)).findFirst().orElse(cell);
        }
    }
}
