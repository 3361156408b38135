package io.complaintskpi.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reads the annual report's JSON ({@code AnnualReport} serialised) by table id, row label and column. */
record Report(JsonNode json) {

    static Report of(JsonNode json) {
        return new Report(json);
    }

    JsonNode table(String id) {
        for (JsonNode table : json.get("tables")) {
            if (table.get("id").asText().equals(id)) {
                return table;
            }
        }
        throw new AssertionError("the report has no table " + id);
    }

    /** The cell's display text. */
    String text(String tableId, String rowLabel, String column) {
        return cell(tableId, rowLabel, column).get("text").asText();
    }

    /** The exact number behind the cell (count, pence, percent or percentage points). */
    BigDecimal value(String tableId, String rowLabel, String column) {
        return cell(tableId, rowLabel, column).get("value").decimalValue();
    }

    /** Every cell as the CSV lays it out: table title, row label, column, text. */
    List<List<String>> longForm() {
        List<List<String>> lines = new ArrayList<>();
        for (JsonNode table : json.get("tables")) {
            JsonNode columns = table.get("columns");
            for (JsonNode row : table.get("rows")) {
                JsonNode cells = row.get("cells");
                for (int c = 1; c < columns.size(); c++) {
                    lines.add(List.of(table.get("title").asText(), cells.get(0).get("text").asText(),
                            columns.get(c).asText(), cells.get(c).get("text").asText()));
                }
            }
        }
        return lines;
    }

    /** Every count the report shows (cells of kind COUNT). */
    List<Long> counts() {
        List<Long> counts = new ArrayList<>();
        for (JsonNode table : json.get("tables")) {
            for (JsonNode row : table.get("rows")) {
                for (JsonNode cell : row.get("cells")) {
                    if (cell.get("kind").asText().equals("COUNT")) {
                        counts.add(cell.get("value").asLong());
                    }
                }
            }
        }
        return counts;
    }

    private JsonNode cell(String tableId, String rowLabel, String column) {
        JsonNode table = table(tableId);
        int index = -1;
        for (int c = 0; c < table.get("columns").size(); c++) {
            if (table.get("columns").get(c).asText().equals(column)) {
                index = c;
            }
        }
        if (index < 0) {
            throw new AssertionError("table " + tableId + " has no column '" + column + "': " + table.get("columns"));
        }
        for (JsonNode row : table.get("rows")) {
            if (row.get("cells").get(0).get("text").asText().equals(rowLabel)) {
                return row.get("cells").get(index);
            }
        }
        throw new AssertionError("table " + tableId + " has no row '" + rowLabel + "'");
    }
}
