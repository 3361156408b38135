package io.complaintskpi.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The bench's one table: each figure beside the baseline measured in the same run. */
public final class BenchTable {

    /** One line: what, the measurement, the same-run baseline it is compared with, the ratio or target. */
    public record Row(String figure, String measured, String baseline, String comparison) {
    }

    private final List<String> notes = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final Consumer<Row> onRow;

    /** {@code onRow} sees each row as it is measured, so a run cut short still shows what it found. */
    BenchTable(Consumer<Row> onRow) {
        this.onRow = onRow;
    }

    void add(String figure, String measured, String baseline, String comparison) {
        Row row = new Row(figure, measured, baseline, comparison);
        rows.add(row);
        onRow.accept(row);
    }

    void note(String note) {
        notes.add(note);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        notes.forEach(note -> out.append(note).append("\n"));
        out.append("\n| figure | measured | same-run baseline | ratio / target |\n|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.figure()).append(" | ").append(row.measured()).append(" | ")
                    .append(row.baseline()).append(" | ").append(row.comparison()).append(" |\n");
        }
        return out.toString();
    }

    static String rate(double perSecond) {
        return String.format("%,.0f/s", perSecond);
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "n/a" : millis < 10 ? String.format("%.2f ms", millis)
                : String.format("%,.0f ms", millis);
    }

    /** Microseconds; "n/a" where the JVM gave no CPU time (a negative figure). */
    static String micros(double micros) {
        return micros < 0 || Double.isNaN(micros) ? "n/a" : String.format("%,.0f µs", micros);
    }

    static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : String.format("%.2fx", value);
    }

    static String mib(long bytes) {
        return String.format("%,.0f MiB", bytes / 1048576.0);
    }
}
