package io.complaintskpi.http;

import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.series.SeriesReader;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.complaintskpi.http.ApiServer.ready;

/**
 * {@code GET /api/v1/periods?authority=}: the periods worth choosing, for Grafana's period and report-year
 * lists: every financial year from the first with a complaint received to the current one, newest first
 * (so the current year is the default), then the rolling windows.
 */
final class PeriodRoutes {

    record Periods(String authority, List<Map<String, Object>> rows) {
    }

    private final ApiServer.ApiDependencies deps;

    PeriodRoutes(ApiServer.ApiDependencies deps) {
        this.deps = deps;
    }

    void periods(Context ctx, Params p) {
        String authority = p.authority();
        ctx.json(new Periods(authority, periods(ready(deps).series(), authority, deps.today())));
    }

    static List<Map<String, Object>> periods(SeriesReader series, String authority, LocalDate today) {
        FinancialYear current = FinancialYear.of(today);
        FinancialYear first = new KpiEvaluator(series).firstYearReceived(authority, today)
                .filter(year -> year.compareTo(current) < 0).orElse(current);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FinancialYear year = current; year.compareTo(first) >= 0; year = year.previous()) {
            rows.add(row(year.label(), Period.financialYear(year)));
        }
        // The value is what ?period= takes (Period.parse), not the label, which names today's date.
        KpiEvaluator.ROLLING_WINDOWS.forEach(days -> rows.add(row("last-" + days + "d", Period.rolling(today, days))));
        return rows;
    }

    private static Map<String, Object> row(String value, Period period) {
        Map<String, Object> row = new LinkedHashMap<>(); // in this order in every process
        row.put("period", value);
        row.put("kind", period.kind().name());
        row.put("from", period.from());
        row.put("to", period.to());
        return row;
    }
}
