package io.complaintskpi.report;

import io.complaintskpi.disclosure.Cell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.complaintskpi.report.AnnualReportHtml.escape;

/**
 * A table's chart as inline SVG, drawn on the server so the page prints and needs no script: one horizontal bar
 * per charted cell, grouped by row, one colour per column (year), the cell's own text beside its bar. A cell
 * that is not a number (suppressed {@code c}, {@code z}, {@code x}, {@code k}) is never drawn: its symbol stands
 * where the bar would be. An optional target draws a dashed line across the groups.
 */
final class SvgChart {

    private static final int WIDTH = 680;
    private static final int LABEL_WIDTH = 230;
    private static final int VALUE_WIDTH = 70;
    private static final int BAR_HEIGHT = 14;
    private static final int BAR_GAP = 3;
    private static final int GROUP_GAP = 10;
    private static final int LEGEND_HEIGHT = 26;
    /** GOV.UK palette: the prior years in greys and mid blue, the report's year in dark blue (last). */
    private static final List<String> COLOURS = List.of("#b1b4b6", "#5694ca", "#1d70b8");

    private SvgChart() {
    }

    static String render(ReportTable table) {
        ReportTable.Chart chart = table.chart();
        List<ReportTable.Row> rows = chart.rows().stream().map(i -> table.rows().get(i)).toList();
        double max = chart.target() == null ? 0 : chart.target();
        for (ReportTable.Row row : rows) {
            for (int column : chart.columns()) {
                BigDecimal value = drawn(row.cells().get(column));
                if (value != null) {
                    max = Math.max(max, value.doubleValue());
                }
            }
        }
        double scale = max <= 0 ? 0 : (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / max;
        int groupHeight = chart.columns().size() * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP;
        int height = LEGEND_HEIGHT + rows.size() * groupHeight + (chart.target() == null ? 4 : 22);

        StringBuilder svg = new StringBuilder(4096);
        String name = "Chart of " + table.title();
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" aria-label=\"").append(escape(name)).append("\">\n<title>")
                .append(escape(name)).append("</title>\n");
        legend(svg, table, chart);
        int y = LEGEND_HEIGHT;
        for (ReportTable.Row row : rows) {
            svg.append(text(0, y + groupHeight / 2 - GROUP_GAP / 2 + 4, "start", row.label(), "label"));
            int barY = y;
            for (int c = 0; c < chart.columns().size(); c++) {
                Cell cell = row.cells().get(chart.columns().get(c));
                BigDecimal value = drawn(cell);
                int length = value == null ? 0 : (int) Math.round(value.doubleValue() * scale);
                if (value != null) {
                    svg.append(String.format(Locale.ROOT,
                            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n", LABEL_WIDTH, barY,
                            Math.max(length, 1), BAR_HEIGHT, colour(c, chart.columns().size())));
                }
                String shown = AnnualReportHtml.grouped(cell.text());
                if (chart.annotation() != null && c == chart.columns().size() - 1) {
                    shown += " (" + chart.annotation() + " " + row.cells().get(chart.annotationColumn()).text() + ")";
                }
                svg.append(text(LABEL_WIDTH + length + 4, barY + BAR_HEIGHT - 3, "start", shown, "value"));
                barY += BAR_HEIGHT + BAR_GAP;
            }
            y += groupHeight;
        }
        if (chart.target() != null) {
            int x = LABEL_WIDTH + (int) Math.round(chart.target() * scale);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d4351c\""
                    + " stroke-width=\"2\" stroke-dasharray=\"5,3\"/>%n", x, LEGEND_HEIGHT - 4, x, y));
            svg.append(text(WIDTH - 2, y + 14, "end", chart.targetLabel(), "target"));
        }
        return svg.append("</svg>\n").toString();
    }

    private static void legend(StringBuilder svg, ReportTable table, ReportTable.Chart chart) {
        int x = LABEL_WIDTH;
        for (int c = 0; c < chart.columns().size(); c++) {
            String heading = table.columns().get(chart.columns().get(c));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"4\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    x, colour(c, chart.columns().size())));
            svg.append(text(x + 16, 14, "start", heading, "legend"));
            x += 24 + heading.length() * 7;
        }
    }

    /** The number a cell draws, or null for a symbol, a label or a change. */
    static BigDecimal drawn(Cell cell) {
        return switch (cell.kind()) {
            case COUNT, MONEY, PERCENT -> cell.value();
            default -> null;
        };
    }

    private static String colour(int column, int columns) {
        return COLOURS.get(COLOURS.size() - columns + column);
    }

    private static String text(int x, int y, String anchor, String text, String cssClass) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" class=\"%s\">%s</text>%n",
                x, y, anchor, cssClass, escape(text));
    }

    static List<Integer> range(int from, int toExclusive) {
        List<Integer> list = new ArrayList<>();
        for (int i = from; i < toExclusive; i++) {
            list.add(i);
        }
        return list;
    }
}
