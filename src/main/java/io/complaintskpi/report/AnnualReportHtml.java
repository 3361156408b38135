package io.complaintskpi.report;

import io.complaintskpi.disclosure.Cell;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The annual report as one self-contained printable HTML page: inline CSS (with print rules), the
 * not-for-publication warning in a box at the top when small numbers are shown, what the figures rest on,
 * a caption per table, numbers right-aligned with thousands separators, and a footer explaining the
 * symbols and what the figures count.
 */
public final class AnnualReportHtml {

    public static final String MEDIA_TYPE = "text/html; charset=utf-8";
    /** A whole number of four or more digits, not the decimals of another. */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\d.,])\\d{4,18}");

    private static final String STYLE = """
            body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; margin: 2em auto; max-width: 60em; \
            padding: 0 1em; line-height: 1.4; }
            h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 2em; }
            table { border-collapse: collapse; width: 100%; margin: 0.5em 0 0.3em; table-layout: fixed; } \
            th:first-child { width: 40%; } thead th.num { white-space: normal; }
            caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
            th, td { border-bottom: 1px solid #b1b4b6; padding: 0.3em 0.5em; vertical-align: top; }
            th { text-align: left; background: #f3f2f1; } th.num, td.num { text-align: right; \
            font-variant-numeric: tabular-nums; white-space: nowrap; }
            p.note { font-size: 0.9em; color: #505a5f; margin: 0 0 1em; }
            figure.chart { margin: 0.5em 0 1em; } svg.chart text { font-family: Arial, Helvetica, sans-serif; \
            font-size: 12px; fill: #0b0c0c; } svg.chart text.target { fill: #d4351c; }
            .commentary { border-left: 4px solid #00703c; padding: 0 0 0 0.8em; margin: 0.5em 0 1.5em; }
            p.key { font-size: 0.9em; border-left: 4px solid #1d70b8; padding-left: 0.6em; margin: 0 0 1em; }
            .warning { border: 5px solid #d4351c; padding: 0.8em 1em; font-weight: bold; font-size: 1.2em;             margin: 1em 0; }
            dl.about { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; margin: 1em 0; }             dl.about dt { font-weight: bold; } dl.about dd { margin: 0; }
            footer { border-top: 2px solid #0b0c0c; margin-top: 2em; font-size: 0.9em; }
            @media print { body { margin: 0; max-width: none; font-size: 10pt; } \
            section { break-inside: avoid; page-break-inside: avoid; } th { background: none; } }
            """;

    private AnnualReportHtml() {
    }

    /** The page as a document of its own (a file, the PDF's source): it links nowhere. */
    public static String render(AnnualReport report) {
        return render(report, false);
    }

    /**
     * The page as the service serves it: in a copy not for publication each count or amount with complaints
     * behind it links to its drill-down ({@code /api/v1/kpis/{id}/complaints}, caseworkers); a public copy never
     * links to a list.
     */
    public static String withDrillDowns(AnnualReport report) {
        return render(report, !report.publicOutput());
    }

    private static String render(AnnualReport report, boolean links) {
        String authority = links ? report.authority() : null;
        StringBuilder out = new StringBuilder(16_384);
        out.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>")
                .append(escape(report.title())).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(escape(report.title())).append("</h1>\n<p>")
                .append(escape("Financial year " + report.year() + " (1 April to 31 March), with " + report.priorYear()
                        + " for comparison.")).append("</p>\n");
        if (report.warning() != null) {
            out.append("<p class=\"warning\" role=\"alert\">").append(escape(report.warning())).append("</p>\n");
        }
        out.append("<dl class=\"about\">\n");
        for (List<String> line : report.about()) {
            out.append("<dt>").append(escape(line.get(0))).append("</dt><dd>").append(escape(line.get(1)))
                    .append("</dd>\n");
        }
        out.append("</dl>\n</header>\n<main>\n");
        if (!report.commentary().introduction().isEmpty()) {
            out.append("<section class=\"commentary\" id=\"introduction\">\n")
                    .append(Markdown.toHtml(report.commentary().introduction())).append("</section>\n");
        }
        for (ReportTable table : report.tables()) {
            table(out, table, report.commentary().on(table.id()), authority);
        }
        out.append("</main>\n<footer>\n<h2>Notes</h2>\n");
        for (String note : report.notes()) {
            out.append("<p>").append(escape(note)).append("</p>\n");
        }
        return out.append("</footer>\n</body>\n</html>\n").toString();
    }

    /** {@code authority}: whose drill-downs the cells link to, null for no links. */
    private static void table(StringBuilder out, ReportTable table, String commentary, String authority) {
        out.append("<section id=\"").append(escape(table.id())).append("\">\n<table>\n<caption>")
                .append(escape(table.title())).append("</caption>\n<thead><tr>");
        for (int i = 0; i < table.columns().size(); i++) {
            out.append(i == 0 ? "<th scope=\"col\">" : "<th scope=\"col\" class=\"num\">")
                    .append(escape(table.columns().get(i))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (ReportTable.Row row : table.rows()) {
            out.append("<tr><th scope=\"row\">").append(escape(row.label())).append("</th>");
            for (int column = 1; column < row.cells().size(); column++) {
                Cell cell = row.cells().get(column);
                String text = escape(cell.numeric() ? grouped(cell.text()) : cell.text());
                Optional<ReportTable.Source> source = authority == null ? Optional.empty() : row.source(column);
                out.append(cell.numeric() ? "<td class=\"num\">" : "<td>")
                        .append(source.map(s -> "<a href=\"" + escape(drillDown(s, authority)) + "\">" + text + "</a>")
                                .orElse(text)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        if (table.chart() != null) {
            out.append("<figure class=\"chart\">").append(SvgChart.render(table)).append("</figure>\n");
        }
        if (table.note() != null) {
            out.append("<p class=\"note\">").append(escape(table.note())).append("</p>\n");
        }
        if (!table.key().isEmpty()) {
            out.append("<p class=\"key\"><strong>Key:</strong> ").append(escape(String.join("; ", table.key())))
                    .append("</p>\n");
        }
        if (!commentary.isEmpty()) {
            out.append("<div class=\"commentary\">\n").append(Markdown.toHtml(commentary)).append("</div>\n");
        }
        out.append("</section>\n");
    }

    /** The drill-down of a cell: the complaints behind its figure, for the year it shows. */
    public static String drillDown(ReportTable.Source source, String authority) {
        return "/api/v1/kpis/" + encode(source.kpi()) + "/complaints?period=" + encode(source.year()) + "&authority="
                + encode(authority) + (source.dimension() == null ? "" : "&dimension=" + encode(source.dimension()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Thousands separators for people reading the page: "+12345" becomes "+12,345"; "1234.5%" "1,234.5%". */
    static String grouped(String text) {
        return LONG_NUMBER.matcher(text).replaceAll(m -> String.format(Locale.UK, "%,d", Long.parseLong(m.group())));
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
