package io.complaintskpi.http;

import io.complaintskpi.kpi.AnnualReport;
import io.complaintskpi.kpi.AnnualReportCsv;
import io.complaintskpi.kpi.AnnualReportHtml;
import io.complaintskpi.kpi.Cell;
import io.complaintskpi.kpi.DisclosedFigure;
import io.complaintskpi.kpi.DisclosedSnapshot;
import io.complaintskpi.kpi.Disclosure;
import io.complaintskpi.kpi.Granularity;
import io.complaintskpi.kpi.KpiCatalogue;
import io.complaintskpi.kpi.KpiDefinition;
import io.complaintskpi.kpi.KpiDefinitions;
import io.complaintskpi.kpi.ReportTable;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.complaintskpi.http.ApiServer.params;
import static io.complaintskpi.http.ApiServer.ready;

/**
 * The KPI catalogue, its time series, the annual report's tables and the report itself. JSON routes
 * return {@code rows} of flat objects so Grafana's Infinity datasource reads them as tables.
 */
final class KpiRoutes {

    private KpiRoutes() {
    }

    static void register(JavalinConfig config, ApiServer.ApiDependencies deps) {
        var routes = config.routes;
        routes.get("/api/v1/authorities", ctx -> ctx.json(Map.of("rows",
                ready(deps).series().authorities().stream().map(a -> Map.of("authority", a)).toList())));

        routes.get("/api/v1/kpis/definitions", ctx -> ctx.json(Map.of("rows", KpiDefinitions.all())));

        routes.get("/api/v1/kpis", ctx -> {
            Params p = params(ctx, deps);
            Period period = p.period();
            boolean publicOutput = p.flag("public", deps.config().publicByDefault());
            Optional<String> prefix = p.optional("prefix");
            DisclosedSnapshot snapshot = Disclosure.disclose(catalogue(deps).snapshot(p.authority(), period),
                    publicOutput);
            List<Map<String, Object>> rows = snapshot.figures().stream()
                    .filter(f -> prefix.map(f.id()::startsWith).orElse(true))
                    .map(KpiRoutes::row).toList();
            ctx.json(Map.of("authority", p.authority(), "period", period, "priorPeriod", period.previous(),
                    "public", publicOutput, "rows", rows));
        });

        routes.get("/api/v1/kpis/rolling", ctx -> {
            Params p = params(ctx, deps);
            LocalDate end = p.optionalDate("end").orElse(deps.today());
            ctx.json(Map.of("authority", p.authority(), "end", end,
                    "rows", catalogue(deps).rollingTimeliness(p.authority(), end)));
        });

        // interval=day|week|month (default month); rolling=N (rates only, 1..3660): each bucket's rate is over
        // the N days ending on its last day, so a dashboard can draw a rolling rate as a line.
        routes.get("/api/v1/kpis/{id}/series", ctx -> {
            Params p = params(ctx, deps);
            String id = ctx.pathParam("id");
            KpiDefinition kpi = KpiDefinitions.find(id).orElseThrow(() -> new BadRequest("unknown KPI '" + id
                    + "'; see /api/v1/kpis/definitions"));
            Granularity interval = p.optionalEnum("interval", Granularity.class).orElse(Granularity.MONTH);
            Optional<Integer> rolling = p.optionalInt("rolling", 1, Period.MAX_ROLLING_DAYS);
            Period period = p.period();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("authority", p.authority());
            body.put("id", id);
            body.put("unit", kpi.unit());
            body.put("interval", interval);
            body.put("rolling", rolling.orElse(null));
            body.put("period", period);
            body.put("rows", seriesRows(catalogue(deps), p.authority(), kpi, p.optional("dimension").orElse(null),
                    period, interval, rolling));
            ctx.json(body);
        });

        routes.get("/api/v1/tables/{table}", ctx -> {
            AnnualReport report = report(ctx, deps);
            String id = ctx.pathParam("table");
            ReportTable table = report.table(id).orElseThrow(() -> new ApiServer.NotFound("no table '" + id
                    + "'; tables: " + report.tables().stream().map(ReportTable::id).toList()));
            ctx.json(Map.of("id", table.id(), "title", table.title(), "columns", table.columns(),
                    "note", table.note() == null ? "" : table.note(), "rows", rows(table)));
        });

        routes.get("/api/v1/reports/annual", ctx -> {
            AnnualReport report = report(ctx, deps);
            String format = params(ctx, deps).optional("format").orElse("json");
            String file = "complaints-" + report.authority() + "-" + report.year().replace('/', '-');
            switch (format) {
                case "json" -> ctx.json(report);
                case "csv" -> ctx.contentType(AnnualReportCsv.MEDIA_TYPE)
                        .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"")
                        .result(AnnualReportCsv.render(report));
                case "html" -> ctx.contentType(AnnualReportHtml.MEDIA_TYPE).result(AnnualReportHtml.render(report));
                default -> throw new BadRequest("'format' must be json, csv or html, got '" + format + "'");
            }
        });
    }

    /** Counts as {@code {bucketStart,value}}; rates add the two counts and value is the percentage. */
    private static List<?> seriesRows(KpiCatalogue catalogue, String authority, KpiDefinition kpi, String dimension,
                                      Period period, Granularity interval, Optional<Integer> rolling) {
        if (kpi.unit() != KpiDefinition.Unit.PERCENT && rolling.isPresent()) {
            throw new BadRequest("'rolling' applies to rate KPIs only; '" + kpi.id() + "' is not a rate");
        }
        try {
            if (kpi.unit() != KpiDefinition.Unit.PERCENT) {
                return catalogue.series(authority, kpi.id(), dimension, period, interval);
            }
            return rolling.isPresent()
                    ? catalogue.rollingRateSeries(authority, kpi.id(), dimension, period, interval, rolling.get())
                    : catalogue.rateSeries(authority, kpi.id(), dimension, period, interval);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage()); // a KPI with no daily series (a context figure, a rate of one)
        }
    }

    private static AnnualReport report(Context ctx, ApiServer.ApiDependencies deps) {
        Params p = params(ctx, deps);
        String yearText = p.optional("year").orElse(FinancialYear.of(deps.today()).label());
        FinancialYear year;
        try {
            year = FinancialYear.parse(yearText);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("'year' must be a financial year like 2015/16: " + e.getMessage());
        }
        return AnnualReport.build(catalogue(deps), p.authority(), deps.config().authorityName(p.authority()), year,
                p.flag("public", deps.config().publicByDefault()));
    }

    static KpiCatalogue catalogue(ApiServer.ApiDependencies deps) {
        return new KpiCatalogue(ready(deps).series());
    }

    private static Map<String, Object> row(DisclosedFigure f) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", f.id());
        row.put("dimension", f.dimension());
        row.put("unit", f.unit());
        row.put("definition", KpiDefinitions.find(f.id()).map(KpiDefinition::definition).orElse(""));
        row.put("value", f.current().value());
        row.put("text", f.current().text());
        row.put("prior", f.prior().value());
        row.put("priorText", f.prior().text());
        row.put("change", f.change().value());
        row.put("changeText", f.change().text());
        row.put("percentChange", f.percentChange().value());
        return row;
    }

    private static List<Map<String, String>> rows(ReportTable table) {
        return table.rows().stream().map(r -> {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < table.columns().size(); i++) {
                Cell cell = r.cells().get(i);
                row.put(table.columns().get(i), cell.text());
            }
            return row;
        }).toList();
    }
}
