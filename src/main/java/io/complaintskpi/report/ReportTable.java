package io.complaintskpi.report;

import io.complaintskpi.disclosure.Cell;

import java.util.List;

/**
 * One table of the annual report: a stable id ({@code table} and its number), its number in the document, the
 * title shown as its caption (starting "Table N: "), column headings, rows of cells (the first cell of each row is
 * its label), an optional note on how to read it, the key to the symbols it is the first table to use, and the
 * chart the HTML report draws of it (null for none).
 */
public record ReportTable(String id, int number, String title, List<String> columns, List<Row> rows, String note,
                          List<String> key, Chart chart) {

    /**
     * Which cells a chart draws: the rows (indexes) as groups, the columns (indexes, oldest year first) as bars; an
     * optional target line (in the cells' unit) with its label; an optional column whose text is added, after
     * {@code annotation}, beside each group's last bar.
     */
    public record Chart(List<Integer> rows, List<Integer> columns, Double target, String targetLabel,
                        String annotation, Integer annotationColumn) {
        public Chart {
            rows = List.copyOf(rows);
            columns = List.copyOf(columns);
        }

        static Chart of(List<Integer> rows, List<Integer> columns) {
            return new Chart(rows, columns, null, null, null, null);
        }
    }

    public ReportTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        key = List.copyOf(key);
        for (Row row : rows) {
            if (row.cells().size() != columns.size()) {
                throw new IllegalArgumentException("table " + title + ": row '" + row.label() + "' has "
                        + row.cells().size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    /** A table not yet numbered, without a key. */
    ReportTable(String title, List<String> columns, List<Row> rows, String note) {
        this(null, 0, title, columns, rows, note, List.of(), null);
    }

    /** This table as the {@code number}th of the document. */
    ReportTable numbered(int number) {
        return new ReportTable("table" + number, number, "Table " + number + ": " + title, columns, rows, note, key,
                chart);
    }

    ReportTable withKey(List<String> key) {
        return new ReportTable(id, number, title, columns, rows, note, key, chart);
    }

    ReportTable withChart(Chart chart) {
        return new ReportTable(id, number, title, columns, rows, note, key, chart);
    }

    /**
     * A row's cells; {@code sources}: for a copy not for publication, what its count (or amount) cells add up, so
     * a reader for staff can open the complaints behind each (never filled in a public copy).
     */
    /** The KPI (and dimension, or null) and financial year whose figure a cell of a row shows. */
    public record Source(int column, String kpi, String dimension, String year) {
    }

    public record Row(List<Cell> cells, List<Source> sources) {
        public Row {
            cells = List.copyOf(cells);
            sources = List.copyOf(sources);
        }

        public Row(List<Cell> cells) {
            this(cells, List.of());
        }

        /** This row with the cell in {@code column} also saying what it adds up. */
        Row withSource(int column, String kpi, String dimension, String year) {
            List<Source> more = new java.util.ArrayList<>(sources);
            more.add(new Source(column, kpi, dimension, year));
            return new Row(cells, more);
        }

        public java.util.Optional<Source> source(int column) {
            return sources.stream().filter(s -> s.column() == column).findFirst();
        }

        public String label() {
            return cells.get(0).text();
        }
    }
}
