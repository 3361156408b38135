package io.complaintskpi.importing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complaintskpi.events.EventCodec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the columns of a case system's CSV export become events (docs/import.md). Two layouts, told apart by the
 * header: one row per event ({@code event_type} and {@code occurred_at} columns, payload fields as columns named
 * like the contract's fields), or one row per complaint whose date columns ({@code received}, {@code acknowledged},
 * {@code responded}, {@code stage2_requested}, ...) each become an event on that date. Header names are compared
 * without case, spaces, underscores or hyphens.
 */
final class CsvMapping {

    /** The two layouts of an export. */
    enum Layout {
        EVENTS("one row per event"), COMPLAINTS("one row per complaint");

        private final String description;

        Layout(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /** The columns every row-per-event file needs. */
    static final List<String> EVENT_COLUMNS = List.of("complaint_id", "event_type", "occurred_at");
    /** The columns every row-per-complaint file needs (its receipt). */
    static final List<String> COMPLAINT_COLUMNS = List.of("complaint_id", "received", "regime", "service_area",
            "complainant_type");
    private static final List<String> ENVELOPE = List.of("complaint_id", "authority", "event_id", "event_type",
            "occurred_at", "date");

    /** One date column of a row per complaint, the event it becomes and where its payload comes from. */
    record Expansion(String dateColumn, String eventType, Map<String, Object> fixed, Map<String, String> fromColumns) {
    }

    /** A row per complaint, in lifecycle order: each dated column is one event; a blank date is no event. */
    static final List<Expansion> EXPANSIONS = List.of(
            new Expansion("received", "ComplaintReceived", Map.of(), ordered("regime", "regime",
                    "serviceArea", "service_area", "complainantType", "complainant_type",
                    "agreedResponseBy", "agreed_response_by")),
            new Expansion("acknowledged", "ComplaintAcknowledged", Map.of("stage", 1), Map.of()),
            new Expansion("responded", "StageResponded", Map.of("stage", 1),
                    ordered("outcome", "outcome", "causes", "causes")),
            new Expansion("stage2_requested", "EscalationRequested", Map.of("toStage", 2), Map.of()),
            new Expansion("stage2_acknowledged", "ComplaintAcknowledged", Map.of("stage", 2), Map.of()),
            new Expansion("stage2_responded", "StageResponded", Map.of("stage", 2),
                    ordered("outcome", "stage2_outcome", "causes", "stage2_causes")),
            new Expansion("stage3_requested", "EscalationRequested", Map.of("toStage", 3), Map.of()),
            new Expansion("stage3_panel_held", "PanelHeld", Map.of(), Map.of()),
            new Expansion("stage3_panel_report", "PanelReportIssued", Map.of(), Map.of()),
            new Expansion("stage3_responded", "StageResponded", Map.of("stage", 3),
                    ordered("outcome", "stage3_outcome", "causes", "stage3_causes")),
            new Expansion("withdrawn", "ComplaintWithdrawn", Map.of(), Map.of()));

    /** An event built from a row, still to be validated by the codec. */
    record Built(Origin origin, ObjectNode event) {
    }

    /** A row's events: those built, and the parts of it that could not be (with why). */
    record Row(List<Built> built, List<ReadEvent.Invalid> unmappable) {
    }

    private final Layout layout;
    private final Map<String, Integer> columns;
    private final List<String> ignored;
    private final PayloadFields fields;

    private CsvMapping(Layout layout, Map<String, Integer> columns, List<String> ignored, PayloadFields fields) {
        this.layout = layout;
        this.columns = columns;
        this.ignored = List.copyOf(ignored);
        this.fields = fields;
    }

    /** The mapping a header asks for; {@link ImportFormatException} when it is neither layout. */
    static CsvMapping of(List<String> header, PayloadFields fields) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = CellValues.normalName(header.get(i));
            if (name.isEmpty()) {
                continue;
            }
            if (columns.putIfAbsent(name, i) != null) {
                throw new ImportFormatException("the header names column '" + header.get(i) + "' twice");
            }
        }
        if (columns.containsKey("date") && !columns.containsKey("occurredat")) {
            columns.put("occurredat", columns.remove("date"));
        }
        Layout layout = columns.containsKey("eventtype") ? Layout.EVENTS
                : columns.containsKey("received") ? Layout.COMPLAINTS : null;
        if (layout == null) {
            throw new ImportFormatException("the header has neither an event_type column (one row per event: "
                    + String.join(", ", EVENT_COLUMNS) + ") nor a received column (one row per complaint: "
                    + String.join(", ", COMPLAINT_COLUMNS) + ")");
        }
        List<String> required = layout == Layout.EVENTS ? EVENT_COLUMNS : COMPLAINT_COLUMNS;
        List<String> missing = required.stream().filter(c -> !columns.containsKey(CellValues.normalName(c))).toList();
        if (!missing.isEmpty()) {
            throw new ImportFormatException("a file of " + layout.description() + " needs the column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
        Set<String> known = layout == Layout.EVENTS ? eventColumns(fields) : complaintColumns();
        List<String> ignored = header.stream().filter(h -> !CellValues.normalName(h).isEmpty()
                && !known.contains(CellValues.normalName(h))).toList();
        return new CsvMapping(layout, columns, ignored, fields);
    }

    Layout layout() {
        return layout;
    }

    /** Header columns no event reads (listed by {@code check}, so a misspelt column does not go unnoticed). */
    List<String> ignoredColumns() {
        return ignored;
    }

    /** The events of one row ({@code number}: its spreadsheet row, the header being row 1). */
    Row map(int number, List<String> cells) {
        return layout == Layout.EVENTS ? eventRow(number, cells) : complaintRow(number, cells);
    }

    private Row eventRow(int number, List<String> cells) {
        String type = cell(cells, "eventtype").map(CsvMapping::eventType).orElse("");
        ObjectNode event = envelope(cells, type);
        cell(cells, "eventid").ifPresent(id -> event.put("eventId", id));
        cell(cells, "occurredat").ifPresent(at -> event.put("occurredAt", CellValues.occurredAt(at).orElse(at)));
        ObjectNode data = event.putObject("data");
        fields.fields(type).forEach((normal, field) -> cell(cells, normal)
                .ifPresent(value -> data.set(field, fields.value(type, field, value))));
        return new Row(List.of(new Built(Origin.row(number), event)), List.of());
    }

    private Row complaintRow(int number, List<String> cells) {
        List<Built> built = new ArrayList<>();
        List<ReadEvent.Invalid> unmappable = new ArrayList<>();
        for (Expansion expansion : EXPANSIONS) {
            Origin origin = new Origin(number, expansion.dateColumn());
            Optional<String> date = cell(cells, CellValues.normalName(expansion.dateColumn()));
            if (date.isEmpty()) {
                List<String> orphans = expansion.fromColumns().values().stream()
                        .filter(column -> cell(cells, CellValues.normalName(column)).isPresent()).toList();
                if (!orphans.isEmpty() && !expansion.dateColumn().equals("received")) {
                    unmappable.add(new ReadEvent.Invalid(origin, String.join(", ", orphans) + " filled in but "
                            + expansion.dateColumn() + " is empty: give the date, or leave them empty"));
                }
                continue;
            }
            ObjectNode event = envelope(cells, expansion.eventType());
            event.put("occurredAt", CellValues.occurredAt(date.get()).orElse(date.get()));
            ObjectNode data = event.putObject("data");
            expansion.fixed().forEach((field, value) -> data.set(field, EventCodec.MAPPER.valueToTree(value)));
            expansion.fromColumns().forEach((field, column) -> cell(cells, CellValues.normalName(column))
                    .ifPresent(value -> data.set(field, fields.value(expansion.eventType(), field, value))));
            built.add(new Built(origin, event));
        }
        return new Row(built, unmappable);
    }

    private ObjectNode envelope(List<String> cells, String type) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("eventType", type);
        cell(cells, "complaintid").ifPresent(id -> event.put("complaintId", id));
        cell(cells, "authority").ifPresent(authority -> event.put("authority", authority));
        event.put("schemaVersion", 1);
        return event;
    }

    /** The trimmed cell of a column, empty when the column is absent or the cell blank. */
    private Optional<String> cell(List<String> cells, String normalColumn) {
        Integer at = columns.get(normalColumn);
        if (at == null || at >= cells.size() || cells.get(at).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(cells.get(at).trim());
    }

    /** The contract's name for an event type written with other spacing or case ("Stage responded"). */
    private static String eventType(String cell) {
        String normal = CellValues.normalName(cell);
        return EventCodec.TYPES.keySet().stream().filter(t -> CellValues.normalName(t).equals(normal)).findFirst()
                .orElse(cell);
    }

    private static Set<String> eventColumns(PayloadFields fields) {
        Set<String> known = new TreeSet<>();
        ENVELOPE.forEach(c -> known.add(CellValues.normalName(c)));
        EventCodec.TYPES.keySet().forEach(type -> known.addAll(fields.fields(type).keySet()));
        return known;
    }

    private static Set<String> complaintColumns() {
        Set<String> known = new TreeSet<>(List.of("complaintid", "authority"));
        EXPANSIONS.forEach(e -> {
            known.add(CellValues.normalName(e.dateColumn()));
            e.fromColumns().values().forEach(c -> known.add(CellValues.normalName(c)));
        });
        return known;
    }

    private static Map<String, String> ordered(String... fieldAndColumn) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < fieldAndColumn.length; i += 2) {
            map.put(fieldAndColumn[i], fieldAndColumn[i + 1]);
        }
        return map;
    }
}
