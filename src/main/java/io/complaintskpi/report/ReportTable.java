package io.complaintskpi.report;

import io.complaintskpi.disclosure.Cell;

import java.util.List;

/**
 * One table of the annual report: a stable id, the title shown as its caption, column headings, rows
 * of cells (the first cell of each row is its label) and an optional note on how to read it.
 */
public record ReportTable(String id, String title, List<String> columns, List<Row> rows, String note) {

    public ReportTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (Row row : rows) {
            if (row.cells().size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + ": row '" + row.label() + "' has "
                        + row.cells().size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    public record Row(List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public String label() {
            return cells.get(0).text();
        }
    }
}
