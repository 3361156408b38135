package io.complaintskpi.http;

import io.complaintskpi.events.Regime;
import io.complaintskpi.kpi.Metric;
import io.complaintskpi.kpi.SeriesReader;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import io.javalin.config.JavalinConfig;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.complaintskpi.http.ApiServer.params;
import static io.complaintskpi.http.ApiServer.ready;

/**
 * {@code GET /api/v1/periods?authority=}: the periods worth choosing, for Grafana's period and report-year
 * lists: every financial year from the first with a complaint received to the current one, newest first
 * (so the current year is the default), then the rolling windows.
 */
final class PeriodRoutes {

    static final List<Integer> ROLLING_DAYS = List.of(30, 90, 365);

    private PeriodRoutes() {
    }

    static void register(JavalinConfig config, ApiServer.ApiDependencies deps) {
        config.routes.get("/api/v1/periods", ctx -> {
            Params p = params(ctx, deps);
            ctx.json(Map.of("authority", p.authority(),
                    "rows", periods(ready(deps).series(), p.authority(), deps.today())));
        });
    }

    static List<Map<String, Object>> periods(SeriesReader series, String authority, LocalDate today) {
        FinancialYear current = FinancialYear.of(today);
        FinancialYear first = current;
        for (Regime regime : Regime.values()) {
            var days = series.daily(authority, Metric.received(regime, 1), Metric.ALL, ApiServer.EPOCH, today);
            if (!days.isEmpty() && FinancialYear.of(days.firstKey()).compareTo(first) < 0) {
                first = FinancialYear.of(days.firstKey());
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FinancialYear year = current; year.compareTo(first) >= 0; year = year.previous()) {
            rows.add(row(year.label(), Period.financialYear(year)));
        }
        // The value is what ?period= takes (Period.parse), not the label, which names today's date.
        ROLLING_DAYS.forEach(days -> rows.add(row("last-" + days + "d", Period.rolling(today, days))));
        return rows;
    }

    private static Map<String, Object> row(String value, Period period) {
        return Map.of("period", value, "kind", period.kind().name(), "from", period.from(), "to", period.to());
    }
}
