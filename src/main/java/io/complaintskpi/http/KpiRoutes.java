package io.complaintskpi.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.complaintskpi.http.ApiRoute.Publication;
import io.complaintskpi.config.RuleSettings;
import io.complaintskpi.contributions.Metric;
import io.complaintskpi.events.Regime;
import io.complaintskpi.report.AnnualReport;
import io.complaintskpi.report.AnnualReportCsv;
import io.complaintskpi.report.AnnualReportHtml;
import io.complaintskpi.disclosure.Cell;
import io.complaintskpi.disclosure.DisclosedFigure;
import io.complaintskpi.disclosure.DisclosedSnapshot;
import io.complaintskpi.disclosure.Disclosure;
import io.complaintskpi.catalogue.Formula;
import io.complaintskpi.figures.Granularity;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.catalogue.KpiDefinition;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.report.ReportTable;
import io.complaintskpi.figures.WindowRate;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.complaintskpi.http.ApiServer.concat;
import static io.complaintskpi.http.ApiServer.ready;

/**
 * The KPI catalogue, its time series, the annual report's tables and the report itself. JSON routes
 * return {@code rows} of flat objects so Grafana's Infinity datasource reads them as tables.
 */
final class KpiRoutes {

    private KpiRoutes() {
    }

    record Authority(String authority) {
    }

    record Rows<T>(List<T> rows) {
    }

    record Kpis(String authority, Period period, Period priorPeriod, @JsonProperty("public") boolean publicOutput,
                List<KpiRow> rows) {
    }

    record KpiRow(String id, String dimension, KpiDefinition.Unit unit, String definition, BigDecimal value,
                  String text, BigDecimal prior, String priorText, BigDecimal change, String changeText,
                  BigDecimal percentChange) {
    }

    record Rolling(String authority, LocalDate end, List<WindowRate> rows) {
    }

    record Series(String authority, String id, KpiDefinition.Unit unit, Granularity interval, Integer rolling,
                  String dimension, Period period, List<?> rows) {
    }

    record Table(String id, String title, List<String> columns, String note, List<Map<String, String>> rows) {
    }

    private static final String SERIES_REFUSAL = "a series of small counts over days, weeks or rolling windows"
            + " lets a reader subtract one bucket from another and recover a suppressed count; published figures"
            + " are in /api/v1/kpis and the annual report";

    static void register(Routes api) {
        ApiServer.ApiDependencies deps = api.deps();
        api.get("/api/v1/authorities", Publication.NO_COUNTS, List.of(), (ctx, p) -> ctx.json(new Rows<>(
                ready(deps).series().authorities().stream().sorted().map(Authority::new).toList())));

        api.get("/api/v1/kpis/definitions", Publication.NO_COUNTS, List.of(),
                (ctx, p) -> ctx.json(new Rows<>(KpiDefinitions.all())));

        api.get("/api/v1/kpis", Publication.SUPPRESSES, concat(List.of(Params.AUTHORITY, "prefix"), Params.PERIOD),
                (ctx, p) -> {
                    Period period = p.publishable(p.period());
                    boolean publicOutput = p.publicOutput();
                    Optional<String> prefix = p.optional("prefix");
                    if (prefix.isPresent() && KpiDefinitions.all().stream().noneMatch(k -> k.id().startsWith(prefix.get()))) {
                        throw new BadRequest("'prefix' " + prefix.get() + " starts no KPI id; ids are listed at"
                                + " /api/v1/kpis/definitions");
                    }
                    String authority = p.authority();
                    DisclosedSnapshot snapshot = Disclosure.disclose(catalogue(deps).snapshot(authority, period),
                            publicOutput);
                    List<KpiRow> rows = snapshot.figures().stream()
                            .filter(f -> prefix.map(f.id()::startsWith).orElse(true))
                            .map(KpiRoutes::row).toList();
                    ctx.json(new Kpis(authority, period, period.previous(), publicOutput, rows));
                });

        api.get("/api/v1/kpis/rolling", Publication.refuses(SERIES_REFUSAL), List.of(Params.AUTHORITY, "end"),
                (ctx, p) -> {
                    LocalDate end = p.optionalDate("end").orElse(deps.today());
                    String authority = p.authority();
                    ctx.json(new Rolling(authority, end, catalogue(deps).rollingTimeliness(authority, end)));
                });

        // interval=day|week|month (default month); rolling=N (rates only, 1..3660): each bucket's rate is over
        // the N days ending on its last day, so a dashboard can draw a rolling rate as a line.
        api.get("/api/v1/kpis/{id}/series", Publication.refuses(SERIES_REFUSAL),
                concat(List.of(Params.AUTHORITY, "interval", "dimension", "rolling"), Params.PERIOD), (ctx, p) -> {
                    String id = ctx.pathParam("id");
                    KpiDefinition kpi = KpiDefinitions.find(id).orElseThrow(() -> new ApiServer.NotFound(
                            "unknown KPI '" + id + "'; ids are listed at /api/v1/kpis/definitions"));
                    Granularity interval = p.optionalEnum("interval", Granularity.class).orElse(Granularity.MONTH);
                    Optional<Integer> rolling = p.optionalInt("rolling", 1, Period.MAX_ROLLING_DAYS);
                    Period period = p.period();
                    String authority = p.authority();
                    String dimension = p.optional("dimension").map(d -> dimension(deps, authority, kpi, d))
                            .orElse(null);
                    ctx.json(new Series(authority, id, kpi.unit(), interval, rolling.orElse(null), dimension, period,
                            seriesRows(catalogue(deps), authority, kpi, dimension, period, interval, rolling)));
                });

        api.get("/api/v1/tables/{table}", Publication.SUPPRESSES, List.of(Params.AUTHORITY, Params.REGIME, "year"),
                (ctx, p) -> {
            AnnualReport report = report(p, deps);
            String id = ctx.pathParam("table");
            ReportTable table = report.table(id).orElseThrow(() -> new ApiServer.NotFound("no table '" + id
                    + "'; tables: " + report.tables().stream().map(ReportTable::id).toList()));
            ctx.json(new Table(table.id(), table.title(), table.columns(), table.note() == null ? "" : table.note(),
                    rows(table)));
        });

        api.get("/api/v1/reports/annual", Publication.SUPPRESSES,
                List.of(Params.AUTHORITY, Params.REGIME, "year", "format"),
                (ctx, p) -> {
                    String format = p.optional("format").orElse("json");
                    if (!List.of("json", "csv", "html").contains(format)) {
                        throw Params.invalid("format", format, "json, csv or html");
                    }
                    AnnualReport report = report(p, deps);
                    String file = "complaints-" + report.authority()
                            + (report.regime() == Regime.CHILDREN ? "" : "-" + Metric.regime(report.regime())) + "-"
                            + report.year().replace('/', '-');
                    switch (format) {
                        case "json" -> ctx.json(report);
                        case "csv" -> ctx.contentType(AnnualReportCsv.MEDIA_TYPE)
                                .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"")
                                .result(AnnualReportCsv.render(report));
                        default -> ctx.contentType(AnnualReportHtml.MEDIA_TYPE).result(AnnualReportHtml.render(report));
                    }
                });
    }

    /**
     * A dimension the KPI has: one of its listed dimensions or one the authority's data holds. A KPI without
     * dimensions, or a dimension it has never had, is a 400 rather than a series of zeros.
     */
    private static String dimension(ApiServer.ApiDependencies deps, String authority, KpiDefinition kpi,
                                    String dimension) {
        Set<String> known = catalogue(deps).dimensions(authority, kpi.id(), deps.today()).orElseThrow(() ->
                new BadRequest("'dimension' does not apply: KPI '" + kpi.id() + "' has no dimensions"));
        if (!known.contains(dimension)) {
            throw new BadRequest("'dimension' " + dimension + " is not a dimension of '" + kpi.id() + "'; it has: "
                    + String.join(", ", known));
        }
        return dimension;
    }

    /** Counts as {@code {bucketStart,value}}; rates add the two counts and value is the percentage. */
    private static List<?> seriesRows(KpiEvaluator catalogue, String authority, KpiDefinition kpi, String dimension,
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

    private static AnnualReport report(Params p, ApiServer.ApiDependencies deps) {
        FinancialYear year = p.year().orElse(FinancialYear.of(deps.today()));
        boolean publicOutput = p.publicOutput();
        String authority = p.authority();
        String name = deps.config().authorityName(authority);
        RuleSettings rules = deps.config().rules();
        return switch (p.regime()) {
            case CHILDREN -> AnnualReport.build(catalogue(deps), authority, name, year, publicOutput,
                    rules.figureSettings(), deps.clock().instant());
            case CORPORATE -> AnnualReport.corporate(catalogue(deps), authority, name, year, publicOutput,
                    rules.figureSettings(), rules.timescales().corporate(authority), deps.clock().instant());
            case ADULTS -> AnnualReport.adults(catalogue(deps), authority, name, year, publicOutput,
                    rules.figureSettings(), deps.clock().instant());
        };
    }

    static KpiEvaluator catalogue(ApiServer.ApiDependencies deps) {
        return new KpiEvaluator(ready(deps).series());
    }

    private static KpiRow row(DisclosedFigure f) {
        return new KpiRow(f.id(), f.dimension(), f.unit(),
                KpiDefinitions.find(f.id()).map(KpiDefinition::definition).orElse(""),
                f.current().value(), f.current().text(), f.prior().value(), f.prior().text(), f.change().value(),
                f.change().text(), f.percentChange().value());
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
