package io.complaintskpi.http;

import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.Regime;
import io.complaintskpi.kpi.Metric;
import io.complaintskpi.kpi.SeriesReader;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import io.complaintskpi.rules.Timescales;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.complaintskpi.events.EventEnvelope.LONDON;

/** The HTTP API: versioned JSON routes, health, readiness and Prometheus metrics. */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** The earliest business date a by-year listing looks at. */
    static final LocalDate EPOCH = LocalDate.of(2000, 4, 1);
    private static final String ERROR_WRITTEN = "complaints-kpi.error-written";

    private final Javalin app;

    private ApiServer(Javalin app) {
        this.app = app;
    }

    /** Everything the routes read. */
    /** {@code queries} answers for the whole service; {@code localQueries} only from this instance's stores. */
    public record ApiDependencies(QueryService queries, QueryService localQueries, DomainRules rules, Clock clock,
                                  ServiceConfig config, PrometheusMeterRegistry metrics) {
        LocalDate today() {
            return LocalDate.now(clock.withZone(LONDON));
        }
    }

    public static ApiServer start(String host, int port, ApiDependencies deps) {
        Javalin app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(EventCodec.MAPPER, false));
            config.startup.showJavalinBanner = false;
            HttpMetrics.register(config, deps.metrics());
            routes(config, deps);
            KpiRoutes.register(config, deps);
            DeadlineRoutes.register(config, deps);
            PeriodRoutes.register(config, deps);
            InternalRoutes.register(config, deps.localQueries(), deps.rules().codec());
        });
        app.start(host, port);
        LOG.info("HTTP API on http://{}:{}", host, app.port());
        return new ApiServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void routes(JavalinConfig config, ApiDependencies deps) {
        var routes = config.routes;
        routes.exception(BadRequest.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        routes.exception(ServiceUnavailable.class, (e, ctx) -> error(ctx, 503, e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.warn("request {} failed", ctx.path(), e);
            error(ctx, 500, "internal error: " + e.getClass().getSimpleName());
        });
        routes.error(404, "*", ctx -> {
            // Javalin answers an unknown route in plain text; our own 404s have their JSON already.
            if (ctx.attribute(ERROR_WRITTEN) == null) {
                error(ctx, 404, "no such route: " + ctx.method() + " " + ctx.path() + "; see docs/http-api.md");
            }
        });

        routes.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
        routes.get("/ready", ctx -> {
            String state = deps.queries().streamsState();
            ctx.status(deps.queries().ready() ? 200 : 503).json(Map.of("ready", deps.queries().ready(),
                    "streams", state));
        });
        ServiceMetrics service = new ServiceMetrics(deps.metrics(), deps.localQueries(), deps.clock(),
                deps.config().streamThreads());
        HeadlineMetrics headline = new HeadlineMetrics(deps);
        routes.get("/metrics", ctx -> {
            service.refresh();
            headline.refresh();
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(deps.metrics().scrape());
        });

        routes.get("/api/v1/kpis/received", ctx -> {
            Params p = params(ctx, deps);
            Period period = p.period();
            Regime regime = p.regime();
            SeriesReader series = ready(deps).series();
            Map<String, Long> byStage = new LinkedHashMap<>();
            for (int stage = 1; stage <= stages(regime); stage++) {
                byStage.put(Integer.toString(stage),
                        series.sum(p.authority(), Metric.received(regime, stage), period.from(), period.to()));
            }
            ctx.json(Map.of("authority", p.authority(), "regime", Metric.regime(regime), "period", period,
                    "receivedByStage", byStage));
        });

        routes.get("/api/v1/kpis/received/by-year", ctx -> {
            Params p = params(ctx, deps);
            Regime regime = p.regime();
            SeriesReader series = ready(deps).series();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int stage = 1; stage <= stages(regime); stage++) {
                Map<FinancialYear, Long> byYear = new TreeMap<>();
                series.daily(p.authority(), Metric.received(regime, stage), Metric.ALL, EPOCH, deps.today())
                        .forEach((day, n) -> byYear.merge(FinancialYear.of(day), n, Long::sum));
                int s = stage;
                byYear.forEach((year, n) -> rows.add(Map.of("year", year.label(), "stage", s, "received", n)));
            }
            rows.sort(Comparator.comparing((Map<String, Object> r) -> (String) r.get("year"))
                    .thenComparing(r -> (Integer) r.get("stage")));
            ctx.json(Map.of("authority", p.authority(), "regime", Metric.regime(regime), "rows", rows));
        });

        routes.get("/api/v1/kpis/open", ctx -> {
            Params p = params(ctx, deps);
            Regime regime = p.regime();
            LocalDate at = p.optionalDate("at").orElse(deps.today());
            SeriesReader series = ready(deps).series();
            Map<String, Long> open = new LinkedHashMap<>();
            for (int stage = 1; stage <= stages(regime); stage++) {
                long opened = series.sum(p.authority(), Metric.received(regime, stage), EPOCH, at);
                long closed = series.sum(p.authority(), Metric.closed(regime, stage), EPOCH, at);
                open.put(Integer.toString(stage), opened - closed);
            }
            ctx.json(Map.of("authority", p.authority(), "regime", Metric.regime(regime), "at", at,
                    "openByStage", open));
        });

        routes.get("/api/v1/dlq", ctx -> ctx.json(Map.of("topic", "complaint-events-dlq",
                "records", deps.queries().deadLetterCount(), "recent", deps.queries().recentRejections())));

        routes.exception(NotFound.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
    }

    private static int stages(Regime regime) {
        return Timescales.stages(regime);
    }

    static Params params(Context ctx, ApiDependencies deps) {
        return new Params(ctx, deps.today(), deps.config().defaultAuthority());
    }

    static QueryService ready(ApiDependencies deps) {
        if (!deps.queries().ready()) {
            throw new ServiceUnavailable("stores not ready yet (streams " + deps.queries().streamsState() + "); retry shortly");
        }
        return deps.queries();
    }

    static void error(Context ctx, int status, String message) {
        ctx.attribute(ERROR_WRITTEN, true);
        ctx.status(status).json(Map.of("status", status, "error", message));
    }

    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
