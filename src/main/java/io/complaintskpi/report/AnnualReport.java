package io.complaintskpi.report;

import io.complaintskpi.figures.CostTable;

import io.complaintskpi.contributions.Metric;
import io.complaintskpi.disclosure.DisclosedSnapshot;
import io.complaintskpi.disclosure.Disclosure;
import io.complaintskpi.figures.FigureSettings;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.figures.KpiSnapshot;
import io.complaintskpi.figures.Granularity;
import io.complaintskpi.figures.Point;

import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.CorporateTimescales;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import io.complaintskpi.rules.Timescales;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A complaints annual report for one authority, regime and financial year, as data: the children's social
 * care report (Children Act 1989 Representations Procedure (England) Regulations 2006, reg 13(3)), the
 * corporate report the Complaint Handling Code asks for (section 8) or the adults' (SI 2009/309 reg 18), each
 * table with the prior year beside the current one, what the figures rest on ({@link Provenance})
 * and, for a copy that shows small numbers, a warning. Renderers turn it into CSV ({@link AnnualReportCsv})
 * and HTML ({@link AnnualReportHtml}); the records serialise to JSON as they are.
 */
public record AnnualReport(String authority, String authorityName, String year, String priorYear, boolean publicOutput,
                           String title, String warning, Provenance provenance, List<ReportTable> tables,
                           List<String> notes, Commentary commentary, Regime regime) {

    /** Years in the cost table (table 8): the report's year and the two before. */
    public static final int COST_YEARS = 3;

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** "6 December 2026 at 13:28", UK time: the JSON keeps the exact instant in {@code provenance}. */
    private static final DateTimeFormatter HUMAN_TIME = DateTimeFormatter.ofPattern("d MMMM uuuu 'at' HH:mm",
            Locale.UK);

    /** The warning a copy with small numbers carries at its top, in every format. */
    public static final String NOT_FOR_PUBLICATION = "NOT FOR PUBLICATION: small numbers are shown and people"
            + " could be identified. Publish only the public copy (public=true or report --public).";

    /**
     * Where the figures come from: when the report was made, the latest day of the year with a complaint
     * received or closed (null when there is none), and the configured rules the figures depend on.
     */
    public record Provenance(Instant generatedAt, LocalDate dataUpTo, FigureSettings settings) {
    }

    public AnnualReport {
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }

    /**
     * Builds the report from the catalogue, titled with the authority's display name; {@code publicOutput}
     * applies small-number suppression, {@code settings} are the rules the figures were computed with,
     * {@code commentary} the manager's words shown beside them (never suppressed or audited: they are not figures).
     */
    public static AnnualReport build(KpiEvaluator catalogue, String authority, AuthorityNames names,
                                     FinancialYear year, boolean publicOutput, FigureSettings settings,
                                     Instant generatedAt, Commentary commentary) {
        return build(catalogue, authority, names, year, publicOutput, settings, generatedAt, commentary,
                Regime.CHILDREN, "children's social care statutory complaints, annual report",
                (cells, earlier, costs) -> new AnnualReportTables(cells, earlier, costs).all());
    }

    /**
     * The Complaint Handling Code's annual complaints performance and service improvement report (section 8) for
     * the council's corporate complaints, measured against the Code and against {@code council}, its own timescales.
     */
    public static AnnualReport corporate(KpiEvaluator catalogue, String authority, AuthorityNames names,
                                         FinancialYear year, boolean publicOutput, FigureSettings settings,
                                         CorporateTimescales council, Instant generatedAt, Commentary commentary) {
        return build(catalogue, authority, names, year, publicOutput, settings, generatedAt, commentary,
                Regime.CORPORATE, "corporate complaints, annual complaints performance and service improvement report",
                (cells, earlier, costs) -> new CorporateReportTables(cells, earlier, costs, council).all());
    }

    /** The adults' annual report (SI 2009/309 reg 18) for the year ending 31 March. */
    public static AnnualReport adults(KpiEvaluator catalogue, String authority, AuthorityNames names,
                                      FinancialYear year, boolean publicOutput, FigureSettings settings,
                                      Instant generatedAt, Commentary commentary) {
        return build(catalogue, authority, names, year, publicOutput, settings, generatedAt, commentary,
                Regime.ADULTS, "adult social care complaints, annual report (SI 2009/309 reg 18)",
                (cells, earlier, costs) -> new AdultsReportTables(cells, earlier, costs).all());
    }

    /**
     * The annual report of {@code regime}: what the service's route and the offline {@code report} command both
     * make, so the two answers are the same bytes. {@code council} (the authority's corporate timescales) is read
     * by the corporate report only.
     */
    public static AnnualReport of(Regime regime, KpiEvaluator catalogue, String authority, AuthorityNames names,
                                  FinancialYear year, boolean publicOutput, FigureSettings settings,
                                  CorporateTimescales council, Instant generatedAt, Commentary commentary) {
        return switch (regime) {
            case CHILDREN -> build(catalogue, authority, names, year, publicOutput, settings, generatedAt, commentary);
            case CORPORATE -> corporate(catalogue, authority, names, year, publicOutput, settings, council, generatedAt,
                    commentary);
            case ADULTS -> adults(catalogue, authority, names, year, publicOutput, settings, generatedAt, commentary);
        };
    }

    private static AnnualReport build(KpiEvaluator catalogue, String authority, AuthorityNames names,
                                      FinancialYear year, boolean publicOutput, FigureSettings settings,
                                      Instant generatedAt, Commentary commentary, Regime regime, String what,
                                      Layout layout) {
        Period period = Period.financialYear(year);
        KpiSnapshot snapshot = catalogue.snapshot(authority, period);
        DisclosedSnapshot cells = Disclosure.disclose(snapshot, publicOutput);
        // Last year's report, as published: its prior year is the third year of the volumes, hidden as it was there.
        DisclosedSnapshot earlier = Disclosure.disclose(catalogue.snapshot(authority,
                Period.financialYear(year.previous())), publicOutput);
        CostTable costs = catalogue.costs(authority, year, COST_YEARS);
        // Every regime's report ends with the Ombudsman's annual review letter, which is about the whole council.
        List<ReportTable> tables = new ArrayList<>(layout.apply(cells, earlier, costs));
        tables.add(OmbudsmanLetter.table(cells, names));
        tables = AnnualReportTables.document(tables);
        String authorityName = names.nameOf(authority);
        String who = authorityName.equals(authority) ? authority : authorityName + " (" + authority + ")";
        String title = who + ": " + what + " " + year.label();
        Provenance provenance = new Provenance(generatedAt, latestActivity(catalogue, authority, period, regime),
                settings);
        return new AnnualReport(authority, authorityName, year.label(), year.previous().label(), publicOutput, title,
                publicOutput ? null : NOT_FOR_PUBLICATION, provenance, tables, notes(publicOutput, regime), commentary,
                regime);
    }

    /** Lays out a regime's tables from the year's disclosed figures, last year's, and the cost table. */
    @FunctionalInterface
    private interface Layout {
        List<ReportTable> apply(DisclosedSnapshot cells, DisclosedSnapshot earlier, CostTable costs);
    }

    public Optional<ReportTable> table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** What the report rests on, as label and text pairs, in the order every format shows them. */
    public List<List<String>> about() {
        FigureSettings settings = provenance.settings();
        List<List<String>> about = new ArrayList<>();
        about.add(List.of("Generated on", HUMAN_TIME.format(provenance.generatedAt().atZone(LONDON))));
        about.add(List.of("Events up to", provenance.dataUpTo() == null ? "no complaint received or closed in the year"
                : provenance.dataUpTo() + " (the latest day of the year with a complaint received or closed)"));
        if (regime == Regime.CHILDREN) {
            about.add(List.of("Stage 2 clock starts at", switch (settings.stage2ClockStart()) {
                case STATEMENT_AGREED -> "the agreed statement of complaint (the request while none is agreed)";
                case REQUEST -> "the request for stage 2";
            }));
        }
        about.add(List.of("Extra closure days", dates(settings.extraClosures())));
        about.add(List.of("Extra working days", dates(settings.extraWorkingDays())));
        about.add(List.of("Publication", publicOutput ? "public copy: counts of 1 to 5 suppressed"
                : "not for publication: small numbers shown"));
        return List.copyOf(about);
    }

    private static String dates(List<LocalDate> days) {
        return days.isEmpty() ? "none" : String.join(", ", days.stream().map(LocalDate::toString).toList());
    }

    private static LocalDate latestActivity(KpiEvaluator catalogue, String authority, Period period, Regime regime) {
        LocalDate latest = null;
        for (int stage = 1; stage <= Timescales.stages(regime); stage++) {
            for (String metric : List.of(Metric.received(regime, stage), Metric.closed(regime, stage))) {
                for (Point point : catalogue.metricSeries(authority, metric, null, period, Granularity.DAY)) {
                    if (point.value() > 0 && (latest == null || point.bucketStart().isAfter(latest))) {
                        latest = point.bucketStart();
                    }
                }
            }
        }
        return latest;
    }

    private static List<String> notes(boolean publicOutput, Regime regime) {
        String symbols = "Symbols: " + String.join("; ", SymbolKey.MEANINGS.values()) + ".";
        return List.of(switch (regime) {
                    case CHILDREN -> "The report covers representations made under the Children Act 1989"
                            + " Representations Procedure (England) Regulations 2006 (SI 2006/1738), with the timescales"
                            + " of regs 14 to 20 and the working days of reg 2; the annual report itself is required by"
                            + " reg 13(3).";
                    case CORPORATE -> "The report covers complaints about the council under its corporate complaints"
                            + " procedure, which has no statutory procedure of its own, measured against the Local"
                            + " Government and Social Care Ombudsman's Complaint Handling Code (2024) and against the"
                            + " council's own published timescales; Code section 8 asks for it every year.";
                    case ADULTS -> "The report covers complaints under the Local Authority Social Services and"
                            + " National Health Service Complaints (England) Regulations 2009 (SI 2009/309), for the"
                            + " year ending 31 March, with the contents reg 18 requires.";
                },
                "Volumes (complaints received, service areas, who complains, compliments) count what was received "
                        + "in the year. Response times, outcomes, causes and actions count complaints resolved in "
                        + "the year, so the two sets of figures do not match.",
                "Percentages are rounded to one decimal place, half up; changes in rates are in percentage points (pp).",
                "Money is added up in exact pence and shown in pounds.",
                publicOutput ? symbols : symbols + " This copy is not for publication: small numbers are shown.");
    }
}
