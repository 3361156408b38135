package io.complaintskpi.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The annual report as one CSV in long form: {@code table,row,column,value}, one line per cell, so every
 * table fits one header. It opens with the report's warning (when small numbers are shown) and what the
 * figures rest on, as rows of an "About this report" table. Values are as displayed (symbols included),
 * numbers without thousands separators. RFC 4180: CRLF line ends, fields with a comma, quote, CR or LF
 * quoted, quotes doubled. Text that a spreadsheet would run as a formula (a service area named
 * {@code =HYPERLINK(...)} by a producer) is neutralised as OWASP advises: a leading {@code '} makes it text.
 */
public final class AnnualReportCsv {

    public static final String MEDIA_TYPE = "text/csv; charset=utf-8";
    private static final String CRLF = "\r\n";
    static final String ABOUT = "About this report";
    /** First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    /** A signed number, percentage or change ("-14.7%", "+8", "-0.4 pp") is data, not a formula. */
    private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-]£?[0-9][0-9.,]*(%| pp)?");

    private AnnualReportCsv() {
    }

    public static String render(AnnualReport report) {
        StringBuilder out = new StringBuilder();
        line(out, List.of("table", "row", "column", "value"));
        if (report.warning() != null) {
            line(out, List.of(ABOUT, "Warning", "", report.warning()));
        }
        for (List<String> about : report.about()) {
            line(out, List.of(ABOUT, about.get(0), "", about.get(1)));
        }
        for (ReportTable table : report.tables()) {
            for (ReportTable.Row row : table.rows()) {
                for (int column = 1; column < table.columns().size(); column++) {
                    line(out, List.of(table.title(), row.label(), table.columns().get(column),
                            row.cells().get(column).text()));
                }
            }
        }
        return out.toString();
    }

    /** One RFC 4180 field, neutralised when a spreadsheet would take it for a formula. */
    public static String field(String value) {
        value = neutralise(value);
        if (value.contains(",") || value.contains("\"") || value.contains("\r") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /** {@code value} with a leading {@code '} when it starts like a formula and is not a signed number. */
    static String neutralise(String value) {
        if (value.isEmpty() || FORMULA_STARTS.indexOf(value.charAt(0)) < 0 || SIGNED_NUMBER.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }

    private static void line(StringBuilder out, List<String> fields) {
        out.append(String.join(",", fields.stream().map(AnnualReportCsv::field).toList())).append(CRLF);
    }
}
