package io.complaintskpi.importing;

/**
 * Where an event came from in the file: its row (a CSV file's spreadsheet row, the header being row 1; an NDJSON
 * file's line) and, for a row that expands into several events, the column that made this one.
 */
public record Origin(int row, String column) {

    public Origin {
        column = column == null ? "" : column;
    }

    public static Origin row(int row) {
        return new Origin(row, "");
    }

    @Override
    public String toString() {
        return column.isEmpty() ? "row " + row : "row " + row + " (" + column + ")";
    }
}
