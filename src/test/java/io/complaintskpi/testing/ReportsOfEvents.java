package io.complaintskpi.testing;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.contributions.OfflineReplay;
import io.complaintskpi.disclosure.Cell;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Regime;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.report.AnnualReport;
import io.complaintskpi.report.Commentary;
import io.complaintskpi.report.ReportTable;
import io.complaintskpi.rules.FinancialYear;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three annual reports of a stream of events, replayed offline as the {@code report} command does: for tests
 * that a generator (the demo, {@code simulate}) gives every table something to show.
 */
public final class ReportsOfEvents {

    /** A figure that is not nothing: a digit other than 0 somewhere in the cell. */
    private static final Pattern SOMETHING = Pattern.compile("[1-9]");
    private static final ServiceConfig CONFIG = ServiceConfig.defaults();
    private static final DomainRules RULES = DomainWiring.rules(CONFIG);

    private final KpiEvaluator catalogue;

    public ReportsOfEvents(List<EventEnvelope> events) {
        OfflineReplay.Result result = new OfflineReplay(RULES.machine(), RULES.contributions()).replay(events);
        assertThat(result.rejected()).as("every generated event is accepted").isEmpty();
        this.catalogue = new KpiEvaluator(result.series());
    }

    /**
     * Per regime, the titles of the tables of its report for {@code year} in which every figure is 0 or none;
     * a template for the council's words (no cell stands for a number, no text has one) is not counted.
     */
    public Map<Regime, List<String>> emptyTables(String authority, FinancialYear year) {
        Map<Regime, List<String>> empty = new EnumMap<>(Regime.class);
        for (Regime regime : Regime.values()) {
            AnnualReport report = AnnualReport.of(regime, catalogue, authority, code -> code, year, false,
                    CONFIG.rules().figureSettings(), CONFIG.rules().timescales().corporate(authority),
                    Instant.EPOCH, Commentary.NONE);
            empty.put(regime, report.tables().stream().filter(t -> !hasFigures(t) && !template(t))
                    .map(ReportTable::title).toList());
        }
        return empty;
    }

    private static boolean template(ReportTable table) {
        return table.rows().stream().allMatch(row -> row.cells().stream().noneMatch(Cell::numeric));
    }

    /** Any cell after a row's label that shows a figure other than nothing. */
    private static boolean hasFigures(ReportTable table) {
        return table.rows().stream().anyMatch(row -> row.cells().stream().skip(1).map(Cell::text)
                .anyMatch(text -> SOMETHING.matcher(text).find()));
    }
}
