package io.complaintskpi.kpi;

import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;

import java.util.List;
import java.util.Optional;

/**
 * The children's social care complaints annual report for one authority and financial year, as data:
 * the seed report's tables with the prior year beside the current one. Renderers turn it into CSV
 * ({@link AnnualReportCsv}) and HTML ({@link AnnualReportHtml}); the records serialise to JSON as they are.
 */
public record AnnualReport(String authority, String year, String priorYear, boolean publicOutput, String title,
                           List<ReportTable> tables, List<String> notes) {

    /** Years in the cost table (table 8): the report's year and the two before. */
    public static final int COST_YEARS = 3;

    public AnnualReport {
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }

    /** Builds the report from the catalogue; {@code publicOutput} applies small-number suppression. */
    public static AnnualReport build(KpiCatalogue catalogue, String authority, FinancialYear year,
                                     boolean publicOutput) {
        return build(catalogue, authority, authority, year, publicOutput);
    }

    /** As above, titled with the authority's display name. */
    public static AnnualReport build(KpiCatalogue catalogue, String authority, String authorityName,
                                     FinancialYear year, boolean publicOutput) {
        KpiSnapshot snapshot = catalogue.snapshot(authority, Period.financialYear(year));
        DisclosedSnapshot cells = Disclosure.disclose(snapshot, publicOutput);
        CostTable costs = catalogue.costs(authority, year, COST_YEARS);
        List<ReportTable> tables = new AnnualReportTables(cells, costs).all();
        String who = authorityName.equals(authority) ? authority : authorityName + " (" + authority + ")";
        String title = who + ": children's social care statutory complaints, annual report " + year.label();
        return new AnnualReport(authority, year.label(), year.previous().label(), publicOutput, title, tables,
                notes(publicOutput));
    }

    public Optional<ReportTable> table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    private static List<String> notes(boolean publicOutput) {
        String symbols = "Symbols: " + Cell.SUPPRESSED + " = a count from "
                + Disclosure.SMALLEST_SUPPRESSED + " to " + Disclosure.LARGEST_SUPPRESSED
                + " suppressed to protect the people concerned, or a figure hidden so that one cannot be worked out"
                + " from totals (rates and changes derived from a hidden count are hidden too); "
                + Cell.NOT_APPLICABLE + " = not applicable (nothing to divide by); "
                + Cell.NOT_AVAILABLE + " = not available (not recorded for the year, which is not 0); "
                + Cell.ROUNDS_TO_ZERO + " = a percentage that rounds to 0.0% but is not zero.";
        return List.of(
                "Volumes (complaints received, service areas, who complains, compliments) count what was received "
                        + "in the year. Response times, outcomes, causes and actions count complaints resolved in "
                        + "the year, so the two sets of figures do not match (as in section 3.1 of the seed report).",
                "Percentages are rounded to one decimal place, half up; changes in rates are in percentage points (pp).",
                "Money is added up in exact pence and shown in pounds.",
                publicOutput ? symbols : symbols + " This copy is not for publication: small numbers are shown.");
    }
}
