package io.complaintskpi.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.complaintskpi.contributions.Metric;
import io.complaintskpi.config.RuleSettings;
import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.Timescales;
import io.complaintskpi.series.SeriesReader;
import io.javalin.http.Context;
import io.complaintskpi.report.AnnualReport;
import io.complaintskpi.report.AuthorityNames;
import io.complaintskpi.authorities.Authorities;
import io.complaintskpi.authorities.OmbudsmanAverage;
import io.complaintskpi.report.AnnualReportCsv;
import io.complaintskpi.report.AnnualReportHtml;
import io.complaintskpi.report.AnnualReportPdf;
import io.complaintskpi.report.AuthorityNames;
import io.complaintskpi.report.OmbudsmanLetter;
import io.complaintskpi.report.Commentary;
import io.complaintskpi.report.CommentaryFolder;
import io.complaintskpi.disclosure.Cell;
import io.complaintskpi.disclosure.DisclosedFigure;
import io.complaintskpi.disclosure.DisclosedSnapshot;
import io.complaintskpi.disclosure.Disclosure;
import io.complaintskpi.disclosure.PublicSnapshot;
import io.complaintskpi.catalogue.KpiIds;
import io.complaintskpi.catalogue.KpiIds.StageFigure;
import io.complaintskpi.catalogue.Formula;
import io.complaintskpi.figures.Benchmarks;
import io.complaintskpi.figures.Granularity;
import io.complaintskpi.query.QueryService;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.catalogue.KpiDefinition;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.report.ReportTable;
import io.complaintskpi.figures.WindowRate;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static io.complaintskpi.http.ApiServer.ready;

/**
 * The KPI catalogue, its time series, the annual report's tables and the report itself. JSON routes
 * return {@code rows} of flat objects so Grafana's Infinity datasource reads them as tables.
 */
final class KpiRoutes {

    /** An authority with data; its name, council type and region from the reference data (null where it has none). */
    record Authority(String authority, String name, String councilType, String region) {
    }

    record Rows<T>(List<T> rows) {
    }

    /** {@code regimes}: the procedures asked for, lower case (null when not asked: every KPI). */
    record Kpis(String authority, Period period, Period priorPeriod, @JsonProperty("public") boolean publicOutput,
                List<String> regimes, List<KpiRow> rows) {
    }

    /**
     * {@code regime}: lower case, null for the council's figures of no one procedure; {@code measure}: see
     * {@link KpiDefinition#measure()}. No definition: that is the catalogue's, once per id
     * ({@code /api/v1/kpis/definitions}), not repeated in every row and every answer.
     */
    @JsonSerialize(using = KpiRowSerializer.class)
    record KpiRow(String id, String regime, String measure, String dimension, KpiDefinition.Unit unit,
                  BigDecimal value, String text, BigDecimal prior, String priorText,
                  BigDecimal change, String changeText, BigDecimal percentChange) {
    }

    record Rolling(String authority, LocalDate end, List<WindowRate> rows) {
    }

    record Series(String authority, String id, KpiDefinition.Unit unit, Granularity interval, Integer rolling,
                  String dimension, Period period, List<?> rows) {
    }

    record Table(String id, String title, List<String> columns, String note, List<Map<String, String>> rows) {
    }

    /** The Ombudsman's annual review letter's figures for a period, with the prior period, as table rows. */
    record Letter(String authority, Period period, Period priorPeriod, @JsonProperty("public") boolean publicOutput,
                  String title, List<String> columns, String note, List<String> symbols,
                  List<Map<String, String>> rows) {
    }

    record Received(String authority, String regime, Period period, @JsonProperty("public") boolean publicOutput,
                    Map<String, Object> receivedByStage) {
    }

    record YearRow(String year, int stage, Object received) {
    }

    record ReceivedByYear(String authority, String regime, @JsonProperty("public") boolean publicOutput,
                          List<YearRow> rows) {
    }

    record Open(String authority, String regime, LocalDate at, @JsonProperty("public") boolean publicOutput,
                Map<String, Object> openByStage) {
    }

    static final String SERIES_REFUSAL = "a series of small counts over days, weeks or rolling windows"
            + " lets a reader subtract one bucket from another and recover a suppressed count; published figures"
            + " are in /api/v1/kpis and the annual report";

    private final ApiServer.ApiDependencies deps;

    KpiRoutes(ApiServer.ApiDependencies deps) {
        this.deps = deps;
    }

    void authorities(Context ctx, Params p) {
        Authorities reference = ready(deps).authorities();
        ctx.json(new Rows<>(ready(deps).series().authorities().stream().filter(p::visible).sorted()
                .map(code -> reference.authority(code)
                .map(a -> new Authority(code, a.name(), a.councilType().code(), a.region()))
                .orElseGet(() -> new Authority(code, authorities(deps).nameOf(code), null, null))).toList()));
    }

    /** {@code GET /api/v1/benchmarks}: the authority's rates beside its council type's and region's. */
    void benchmarks(Context ctx, Params p) {
        String authority = p.authority();
        FinancialYear year = p.year().orElse(FinancialYear.of(deps.today()));
        QueryService queries = ready(deps);
        ctx.json(Benchmarks.compare(authority, year, catalogue(deps), queries.authorities(),
                        List.copyOf(queries.series().authorities()), deps.config().benchmarkMinimumGroup())
                .orElseThrow(() -> new ApiServer.NotFound("the authorities reference data does not hold '" + authority
                        + "': its council type and region are not known (docs/authorities.md)")));
    }

    /** With {@code regime}, the KPIs of those procedures, as {@code /kpis} with the same {@code regime} lists them. */
    void definitions(Context ctx, Params p) {
        Predicate<KpiDefinition> ofRegimes = ofRegimes(p.regimes());
        ctx.json(new Rows<>(KpiDefinitions.all().stream().filter(ofRegimes).toList()));
    }

    /** The KPIs of the procedures asked for ({@link Params#regimes()}); every KPI when none are asked for. */
    private static Predicate<KpiDefinition> ofRegimes(Optional<Set<Regime>> regimes) {
        return kpi -> regimes.map(r -> r.contains(kpi.regime())).orElse(true);
    }

    /**
     * Every KPI of the period beside the prior period; with {@code regime}, those of the procedures asked for,
     * in catalogue order (each regime's block in turn), for a client to line up by {@code measure}. Disclosure
     * runs over every KPI before the choice, so a cell reads the same whichever procedures are asked for.
     */
    void kpis(Context ctx, Params p) {
        Period period = p.publishable(p.period());
        boolean publicOutput = p.publicOutput();
        Optional<Set<Regime>> regimes = p.regimes();
        Optional<String> prefix = p.optional("prefix");
        Predicate<KpiDefinition> chosen = kpi -> ofRegimes(regimes).test(kpi)
                && prefix.map(regimes.isPresent() ? kpi.measure()::startsWith : kpi.id()::startsWith).orElse(true);
        if (prefix.isPresent() && KpiDefinitions.all().stream().noneMatch(chosen)) {
            throw new BadRequest("'prefix' " + prefix.get() + " starts no KPI " + (regimes.isPresent()
                    ? "measure of " + regimes.get().stream().map(Metric::regime).toList() : "id")
                    + "; ids are listed at /api/v1/kpis/definitions");
        }
        String authority = p.authority();
        DisclosedSnapshot snapshot = publicOutput ? publicSnapshot(authority, FinancialYear.of(period.from()))
                : Disclosure.disclose(catalogue(deps).snapshot(authority, period), false);
        List<KpiRow> rows = new ArrayList<>();
        KpiRowHeads heads = new KpiRowHeads();
        for (DisclosedFigure figure : snapshot.figures()) {
            KpiRowHeads.Head head = heads.of(figure.id());
            if (chosen.test(head.kpi())) {
                rows.add(row(head, figure));
            }
        }
        ApiServer.jsonBytes(ctx, new Kpis(authority, period, period.previous(), publicOutput,
                regimes.map(r -> r.stream().map(Metric::regime).toList()).orElse(null), rows));
    }

    void received(Context ctx, Params p) {
        Regime regime = p.regime();
        Period period = p.publishable(p.period());
        boolean publicOutput = p.publicOutput();
        String authority = p.authority();
        Map<String, Object> byStage = new LinkedHashMap<>();
        if (publicOutput) {
            DisclosedSnapshot snapshot = publicSnapshot(authority, FinancialYear.of(period.from()));
            for (int stage = 1; stage <= Timescales.stages(regime); stage++) {
                byStage.put(Integer.toString(stage), PublicSnapshot.value(snapshot.figure(
                        KpiIds.stage(regime, stage, StageFigure.RECEIVED)).current()));
            }
        } else {
            SeriesReader series = ready(deps).series();
            for (int stage = 1; stage <= Timescales.stages(regime); stage++) {
                byStage.put(Integer.toString(stage), series.sum(authority, Metric.received(regime, stage),
                        period.from(), period.to()));
            }
        }
        ctx.json(new Received(authority, Metric.regime(regime), period, publicOutput, byStage));
    }

    /**
     * Every financial year from the first with data to this one, zeros included; public: to the newest closed
     * year, each year's cells from its public snapshot.
     */
    void receivedByYear(Context ctx, Params p) {
        Regime regime = p.regime();
        boolean publicOutput = p.publicOutput();
        String authority = p.authority();
        KpiEvaluator catalogue = catalogue(deps);
        LocalDate to = publicOutput ? PublicSnapshot.latestClosed(deps.today()).end() : deps.today();
        Map<String, DisclosedSnapshot> published = new LinkedHashMap<>();
        List<YearRow> rows = catalogue.receivedByYear(authority, regime, to).stream()
                .map(r -> new YearRow(r.year(), r.stage(), !publicOutput ? r.received()
                        : PublicSnapshot.value(published.computeIfAbsent(r.year(), y -> publicSnapshot(authority,
                                FinancialYear.parse(y))).figure(KpiIds.stage(regime, r.stage(), StageFigure.RECEIVED))
                                .current()))).toList();
        ctx.json(new ReceivedByYear(authority, Metric.regime(regime), publicOutput, rows));
    }

    void open(Context ctx, Params p) {
        Regime regime = p.regime();
        LocalDate at = p.optionalDate("at").orElse(deps.today());
        boolean publicOutput = p.publicOutput();
        if (publicOutput && !FinancialYear.of(at).end().equals(at)) {
            throw new BadRequest("public open counts are given at a financial year end only (at=2016-03-31): "
                    + "counts at nearby dates could be subtracted to recover a suppressed one; got " + at);
        }
        String authority = p.authority();
        Map<String, Object> open = new LinkedHashMap<>();
        if (publicOutput) {
            DisclosedSnapshot snapshot = publicSnapshot(authority, p.publishable(FinancialYear.of(at)));
            for (int stage = 1; stage <= Timescales.stages(regime); stage++) {
                open.put(Integer.toString(stage), PublicSnapshot.value(snapshot.figure(
                        KpiIds.stage(regime, stage, StageFigure.OPEN)).current()));
            }
        } else {
            catalogue(deps).openByStage(authority, regime, at).forEach((stage, n) -> open.put(Integer.toString(stage), n));
        }
        ctx.json(new Open(authority, Metric.regime(regime), at, publicOutput, open));
    }

    /** With {@code regime}, that procedure's rates only. */
    void rolling(Context ctx, Params p) {
        LocalDate end = p.optionalDate("end").orElse(deps.today());
        String authority = p.authority();
        Optional<Regime> regime = measuresOf(p);
        List<WindowRate> rates = catalogue(deps).rollingTimeliness(authority, end).stream()
                .filter(r -> regime.map(one -> KpiDefinitions.require(r.id()).regime() == one).orElse(true)).toList();
        ctx.json(new Rolling(authority, end, rates));
    }

    /** The procedure whose KPIs a route names by measure, when asked ({@link Param#REGIME_MEASURES}). */
    private static Optional<Regime> measuresOf(Params p) {
        return p.optional(Param.REGIME_MEASURES.name()).map(r -> p.regime());
    }

    /** With {@code regime}, the path's id is a measure of that procedure (as {@code prefix} is on {@code /kpis}). */
    void series(Context ctx, Params p) {
        String asked = ctx.pathParam("id");
        Optional<Regime> regime = measuresOf(p);
        Optional<KpiDefinition> found = regime.map(r -> KpiDefinitions.find(r, asked))
                .orElseGet(() -> KpiDefinitions.find(asked));
        if (found.isEmpty() && regime.isPresent() && KpiDefinitions.isMeasure(asked)) {
            // A measure another procedure has and this one not (adults' complaints have no stage 2): nothing to show.
            ctx.json(new Series(p.authority(), null, null, null, null, null, p.period(), List.of()));
            return;
        }
        KpiDefinition kpi = found.orElseThrow(() -> new ApiServer.NotFound("unknown KPI '" + asked + "'"
                + regime.map(r -> " of the " + Metric.regime(r) + " procedure").orElse("")
                + "; ids are listed at /api/v1/kpis/definitions"));
        String id = kpi.id();
        Granularity interval = p.optionalEnum(Param.INTERVAL.name(), Granularity.class).orElse(Granularity.MONTH);
        Optional<Integer> rolling = p.optionalInt(Param.ROLLING.name());
        Period period = p.period();
        long buckets = interval.bucketsBetween(period.from(), period.to());
        if (buckets > Param.MAX_BUCKETS) {
            throw new BadRequest("interval=" + interval.name().toLowerCase(java.util.Locale.ROOT) + " over " + period
                    + " gives " + buckets + " buckets; a series holds at most " + Param.MAX_BUCKETS
                    + " buckets: ask for a shorter period or a longer interval");
        }
        String authority = p.authority();
        String dimension = p.optional("dimension").map(d -> dimension(deps, authority, kpi, d)).orElse(null);
        ctx.json(new Series(authority, id, kpi.unit(), interval, rolling.orElse(null), dimension, period,
                seriesRows(catalogue(deps), authority, kpi, dimension, period, interval, rolling)));
    }

    void table(Context ctx, Params p) {
        AnnualReport report = report(p, deps);
        String id = ctx.pathParam("table");
        ReportTable table = report.table(id).orElseThrow(() -> new ApiServer.NotFound("no table '" + id
                + "'; tables: " + report.tables().stream().map(ReportTable::id).toList()));
        ctx.json(new Table(table.id(), table.title(), table.columns(), table.note() == null ? "" : table.note(),
                rows(table)));
    }

    void ombudsmanLetter(Context ctx, Params p) {
        Period period = p.publishable(p.period());
        boolean publicOutput = p.publicOutput();
        String authority = p.authority();
        DisclosedSnapshot cells = publicOutput ? publicSnapshot(authority, FinancialYear.of(period.from()))
                : Disclosure.disclose(catalogue(deps).snapshot(authority, period), false);
        ReportTable table = OmbudsmanLetter.table(cells, authorities(deps));
        ctx.json(new Letter(authority, period, period.previous(), publicOutput, table.title(), table.columns(),
                table.note(), table.key(), rows(table)));
    }

    /**
     * Names, populations and the Ombudsman's averages of authorities, for report titles, per-resident rates and the
 * letter: one source for every route,
     * the reference data (a name falls back to the authority.names setting, then the code).
     */
    private static AuthorityNames authorities(ApiServer.ApiDependencies deps) {
        Authorities reference = ready(deps).authorities();
        return new AuthorityNames() {
            @Override
            public String nameOf(String code) {
                return reference.nameOf(code, deps.config()::authorityName);
            }

            @Override
            public OptionalLong residents(String code, FinancialYear year) {
                return reference.population(code, year).map(p -> OptionalLong.of(p.residents()))
                        .orElse(OptionalLong.empty());
            }

            @Override
            public Optional<OmbudsmanAverage> ombudsmanAverage(String code, FinancialYear year,
                                                               OmbudsmanAverage.Measure measure) {
                return reference.authority(code).flatMap(a -> reference.average(a.councilType(), year, measure));
            }
        };
    }

    void annualReport(Context ctx, Params p) {
        String format = p.choice("format");
        AnnualReport report = report(p, deps);
        String file = "complaints-" + report.authority()
                + (report.regime() == Regime.CHILDREN ? "" : "-" + Metric.regime(report.regime())) + "-"
                + report.year().replace('/', '-');
        switch (format) {
            case "json" -> ctx.json(report);
            case "csv" -> ctx.contentType(AnnualReportCsv.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"")
                    .result(AnnualReportCsv.render(report));
            case "pdf" -> ctx.contentType(AnnualReportPdf.MEDIA_TYPE)
                    .header("Content-Disposition", "inline; filename=\"" + file + ".pdf\"")
                    .result(AnnualReportPdf.render(report));
            default -> {
                BrowserSafety.allowInlineStyle(ctx, AnnualReportHtml.style());
                ctx.contentType(AnnualReportHtml.MEDIA_TYPE).result(AnnualReportHtml.withDrillDowns(report));
            }
        }
    }

    /**
     * A closed year's one public snapshot (the caller has checked the year is closed: {@link Params#publishable}),
     * kept a minute: working out the secondary suppression of a year is the dearest read of the API, and
     * {@code /kpis/received/by-year} asks for every year. At most {@link #PUBLISHED_KEPT} are kept.
     */
    private DisclosedSnapshot publicSnapshot(String authority, FinancialYear year) {
        Cached<DisclosedSnapshot> cached;
        synchronized (published) {
            cached = published.computeIfAbsent(new PublishedYear(authority, year.label()), k -> new Cached<>(
                    () -> PublicSnapshot.of(catalogue(deps), authority, year, deps.today()), PUBLISHED_TTL, deps.clock()));
        }
        return cached.get();
    }

    private static final int PUBLISHED_KEPT = 256;
    private static final java.time.Duration PUBLISHED_TTL = java.time.Duration.ofMinutes(1);
    /** Which public snapshot: one per authority and closed financial year. */
    private record PublishedYear(String authority, String year) {
    }

    private final Map<PublishedYear, Cached<DisclosedSnapshot>> published = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PublishedYear, Cached<DisclosedSnapshot>> eldest) {
            return size() > PUBLISHED_KEPT;
        }
    };

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
        FinancialYear year = p.yearOrDefault();
        boolean publicOutput = p.publicOutput();
        String authority = p.authority();
        RuleSettings rules = deps.config().rules();
        Commentary commentary = new CommentaryFolder(deps.config().commentaryDir()).read(authority, year, p.regime());
        return AnnualReport.of(p.regime(), catalogue(deps), authority, authorities(deps), year, publicOutput,
                rules.figureSettings(), rules.timescales().corporate(authority), deps.clock().instant(), commentary);
    }

    static KpiEvaluator catalogue(ApiServer.ApiDependencies deps) {
        return new KpiEvaluator(ready(deps).series());
    }

    private static KpiRow row(KpiRowHeads.Head head, DisclosedFigure f) {
        return new KpiRow(f.id(), head.regime(), head.measure(), f.dimension(), f.unit(), f.current().value(),
                f.current().text(), f.prior().value(), f.prior().text(), f.change().value(), f.change().text(),
                f.percentChange().value());
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
