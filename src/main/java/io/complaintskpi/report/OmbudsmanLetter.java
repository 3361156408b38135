package io.complaintskpi.report;

import io.complaintskpi.authorities.OmbudsmanAverage;
import io.complaintskpi.authorities.OmbudsmanAverage.Measure;
import io.complaintskpi.catalogue.KpiIds;
import io.complaintskpi.disclosure.Cell;
import io.complaintskpi.disclosure.DisclosedFigure;
import io.complaintskpi.disclosure.DisclosedSnapshot;
import io.complaintskpi.report.ReportTable.Row;
import io.complaintskpi.rules.FinancialYear;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of the Local Government and Social Care Ombudsman's annual review letter to a council, live, for any
 * period with the prior one beside it: the decisions split as the letter splits them (not for the Ombudsman,
 * assessed and closed, investigated), upheld, the uphold rate (upheld of investigated, not of all decisions), upheld
 * per 100,000 residents, compliance with its recommendations and the upheld cases where the council had already
 * provided a satisfactory remedy (share of upheld), each rate with the Ombudsman's average of similar authorities
 * under it where the reference data holds one. Council-wide: the same table in every regime's report. Built
 * from disclosed figures, so a public copy hides what the report hides; a per-resident figure is hidden with its
 * count and shown as {@code x} while the population is not known.
 */
public final class OmbudsmanLetter {

    public static final String TITLE = "The Ombudsman's annual review letter";

    private OmbudsmanLetter() {
    }

    /**
     * The letter's table (not numbered: a report numbers it in its place), with the key to the symbols it uses, as a
     * table standing alone needs; a report keys its tables again in document order.
     */
    public static ReportTable table(DisclosedSnapshot cells, AuthorityNames authorities) {
        List<Row> rows = new ArrayList<>();
        rows.add(row(cells, "Complaints and enquiries decided", KpiIds.OMBUDSMAN_DECISIONS));
        rows.add(row(cells, "... not for the Ombudsman", KpiIds.OMBUDSMAN_NOT_FOR_OMBUDSMAN));
        rows.add(row(cells, "... assessed and closed", KpiIds.OMBUDSMAN_ASSESSED_AND_CLOSED));
        rows.add(row(cells, "... investigated", KpiIds.OMBUDSMAN_DETAILED_INVESTIGATIONS));
        rows.add(row(cells, "Upheld", KpiIds.OMBUDSMAN_FAULT_FOUND));
        rows.add(row(cells, "Uphold rate (% of investigated)", KpiIds.OMBUDSMAN_UPHOLD_RATE));
        List<OmbudsmanAverage> averages = new ArrayList<>();
        averageRow(cells, authorities, Measure.UPHOLD_RATE, rows, averages);
        DisclosedFigure upheld = cells.figure(KpiIds.OMBUDSMAN_FAULT_FOUND);
        var priorResidents = authorities.residents(cells.authority(), FinancialYear.of(cells.priorPeriod().from()));
        var residents = authorities.residents(cells.authority(), FinancialYear.of(cells.period().from()));
        rows.add(AnnualReportTables.row("Upheld per 100,000 residents", Cell.perResidents(upheld.prior(), priorResidents),
                Cell.perResidents(upheld.current(), residents)));
        rows.add(AnnualReportTables.row("Residents (the population the rate is per)",
                priorResidents.isPresent() ? Cell.count(priorResidents.getAsLong()) : Cell.notAvailable(),
                residents.isPresent() ? Cell.count(residents.getAsLong()) : Cell.notAvailable()));
        rows.add(row(cells, "Recommendations due", KpiIds.OMBUDSMAN_RECOMMENDATIONS_DUE));
        rows.add(row(cells, "... complied with by the due date", KpiIds.OMBUDSMAN_RECOMMENDATIONS_ON_TIME));
        rows.add(row(cells, "Compliance with recommendations (%)", KpiIds.OMBUDSMAN_COMPLIANCE_RATE));
        averageRow(cells, authorities, Measure.COMPLIANCE, rows, averages);
        rows.add(row(cells, "Upheld where the council had already provided a satisfactory remedy",
                KpiIds.OMBUDSMAN_SATISFACTORY_REMEDY));
        rows.add(row(cells, "Satisfactory remedy by the council (% of upheld)",
                KpiIds.OMBUDSMAN_SATISFACTORY_REMEDY_RATE));
        averageRow(cells, authorities, Measure.SATISFACTORY_REMEDY, rows, averages);
        rows.add(row(cells, "Payments recommended, complied with", KpiIds.OMBUDSMAN_RECOMMENDATIONS_PAID));
        ReportTable table = new ReportTable(TITLE, List.of("Measure", cells.priorPeriod().label(),
                cells.period().label()), rows,
                "The figures of the Local Government and Social Care Ombudsman's annual review letter, for the whole"
                        + " council: decisions in the period split as the letter splits them; the uphold rate is upheld"
                        + " decisions of those investigated; residents are the population of the financial year the"
                        + " period starts in; compliance counts the recommendations due in the period complied with,"
                        + " evidence sent, by their due date." + sources(averages));
        return SymbolKey.attach(List.of(table)).get(0);
    }

    /**
     * The row "average of similar authorities" under a rate, as the Ombudsman's letters print it, when the reference
     * data holds its average for the council type in either period's financial year ({@code x} in the other).
     */
    private static void averageRow(DisclosedSnapshot cells, AuthorityNames authorities, Measure measure, List<Row> rows,
                                   List<OmbudsmanAverage> used) {
        var prior = authorities.ombudsmanAverage(cells.authority(), FinancialYear.of(cells.priorPeriod().from()), measure);
        var current = authorities.ombudsmanAverage(cells.authority(), FinancialYear.of(cells.period().from()), measure);
        if (prior.isEmpty() && current.isEmpty()) {
            return;
        }
        String of = switch (measure) {
            case UPHOLD_RATE -> "uphold rate";
            case COMPLIANCE -> "compliance";
            case SATISFACTORY_REMEDY -> "satisfactory remedy";
        };
        rows.add(AnnualReportTables.row("... average of similar authorities (the Ombudsman's, " + of + ")",
                prior.map(a -> Cell.percent(a.percent())).orElseGet(Cell::notAvailable),
                current.map(a -> Cell.percent(a.percent())).orElseGet(Cell::notAvailable)));
        prior.ifPresent(used::add);
        current.ifPresent(used::add);
    }

    /** Where the averages shown were published; nothing when none is shown (the letter without them is unchanged). */
    private static String sources(List<OmbudsmanAverage> averages) {
        List<String> sources = averages.stream().map(OmbudsmanAverage::source).distinct()
                .map(s -> s.title() + " (" + s.year() + (s.url() == null ? "" : ", " + s.url()) + ")").toList();
        return sources.isEmpty() ? "" : " The averages of similar authorities are the Ombudsman's for councils of the"
                + " same type, from " + String.join("; ", sources) + ".";
    }

    /** A figure's row; in a copy not for publication its counts say what they add up (their drill-down). */
    private static Row row(DisclosedSnapshot cells, String label, String id) {
        DisclosedFigure f = cells.figure(id);
        return AnnualReportTables.sourced(cells, AnnualReportTables.row(label, f.prior(), f.current()), f, 1, 2);
    }
}
