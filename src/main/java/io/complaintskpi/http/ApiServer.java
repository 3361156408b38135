package io.complaintskpi.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.Regime;
import io.complaintskpi.http.ApiRoute.Publication;
import io.complaintskpi.disclosure.Cell;
import io.complaintskpi.disclosure.Disclosure;
import io.complaintskpi.contributions.Metric;
import io.complaintskpi.series.SeriesReader;
import io.complaintskpi.query.DeadLetter;
import io.complaintskpi.query.Liveness;
import io.complaintskpi.query.QueryService;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.complaintskpi.events.EventEnvelope.LONDON;

/** The HTTP API: versioned JSON routes, health, readiness and Prometheus metrics. */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String ERROR_WRITTEN = "complaints-kpi.error-written";

    private final Javalin app;

    private ApiServer(Javalin app) {
        this.app = app;
    }

    /**
     * Everything the routes read. {@code queries} answers for the whole service; {@code localQueries} only
     * from this instance's stores; {@code liveness} the parts whose death fails {@code /health}.
     */
    public record ApiDependencies(QueryService queries, QueryService localQueries, DomainRules rules, Clock clock,
                                  ServiceConfig config, PrometheusMeterRegistry metrics, Liveness liveness) {

        /** With no part watched (routes tested without a running topology). */
        public ApiDependencies(QueryService queries, QueryService localQueries, DomainRules rules, Clock clock,
                               ServiceConfig config, PrometheusMeterRegistry metrics) {
            this(queries, localQueries, rules, clock, config, metrics, Liveness.NONE);
        }

        LocalDate today() {
            return LocalDate.now(clock.withZone(LONDON));
        }
    }

    /** The JSON of an error answer. */
    record ApiError(int status, String error) {
    }

    /** {@code dead}: the parts that are not alive (empty when UP). */
    record Health(String status, List<String> dead) {
    }

    record Readiness(boolean ready, String streams) {
    }

    record Received(String authority, String regime, Period period, @JsonProperty("public") boolean publicOutput,
                    Map<String, Object> receivedByStage) {
    }

    record YearRow(String year, int stage, Object received) {
    }

    record ReceivedByYear(String authority, String regime, @JsonProperty("public") boolean publicOutput, List<YearRow> rows) {
    }

    record Open(String authority, String regime, LocalDate at, @JsonProperty("public") boolean publicOutput,
                 Map<String, Object> openByStage) {
    }

    /** Every API route with the parameters it takes and what it does when public output is asked. */
    record RouteIndex(List<ApiRoute> routes) {
    }

    record DeadLetters(String topic, long records, List<DeadLetter> recent) {
    }

    public static ApiServer start(String host, int port, ApiDependencies deps) {
        Javalin app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(EventCodec.MAPPER, false));
            config.startup.showJavalinBanner = false;
            HttpMetrics.register(config, deps.metrics());
            AccessControl.register(config, deps.config().security());
            Routes routes = new Routes(config, deps);
            routes(config, routes);
            KpiRoutes.register(routes);
            DeadlineRoutes.register(routes);
            PeriodRoutes.register(routes);
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

    private static void routes(JavalinConfig config, Routes api) {
        ApiDependencies deps = api.deps();
        var routes = config.routes;
        routes.exception(BadRequest.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        routes.exception(NotFound.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
        routes.exception(ServiceUnavailable.class, (e, ctx) -> error(ctx, 503, e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.warn("request {} {} failed", ctx.method(), HttpMetrics.routePattern(ctx), e); // no reference from the path
            error(ctx, 500, "internal error; the service log has the details");
        });
        routes.error(404, "*", ctx -> {
            // Javalin answers an unknown route in plain text; our own 404s have their JSON already.
            if (ctx.attribute(ERROR_WRITTEN) == null) {
                error(ctx, 404, "no such route: " + ctx.method() + " " + ctx.path() + "; see docs/http-api.md");
            }
        });

        routes.get("/health", ctx -> {
            List<String> dead = deps.liveness().dead();
            ctx.status(dead.isEmpty() ? 200 : 503).json(new Health(dead.isEmpty() ? "UP" : "DOWN", dead));
        });
        routes.get("/ready", ctx -> {
            String state = deps.queries().streamsState();
            boolean ready = deps.queries().ready();
            ctx.status(ready ? 200 : 503).json(new Readiness(ready, state));
        });
        ServiceMetrics service = new ServiceMetrics(deps.metrics(), deps.localQueries(), deps.clock(),
                deps.config().streamThreads());
        HeadlineMetrics headline = new HeadlineMetrics(deps);
        routes.get("/metrics", ctx -> {
            service.refresh();
            headline.refresh();
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(deps.metrics().scrape());
        });

        api.get("/api/v1", Publication.NO_COUNTS, List.of(), (ctx, p) -> ctx.json(new RouteIndex(api.declared())));

        List<String> who = List.of(Params.AUTHORITY, Params.REGIME);
        api.get("/api/v1/kpis/received", Publication.SUPPRESSES, concat(who, Params.PERIOD), (ctx, p) -> {
            Regime regime = p.regime();
            Period period = p.publishable(p.period());
            boolean publicOutput = p.publicOutput();
            String authority = p.authority();
            SeriesReader series = ready(deps).series();
            Map<String, Object> byStage = new LinkedHashMap<>();
            for (int stage = 1; stage <= stages(regime); stage++) {
                byStage.put(Integer.toString(stage), count(series.sum(authority, Metric.received(regime, stage),
                        period.from(), period.to()), publicOutput));
            }
            ctx.json(new Received(authority, Metric.regime(regime), period, publicOutput, byStage));
        });

        // Every financial year from the first with data to this one, zeros included.
        api.get("/api/v1/kpis/received/by-year", Publication.SUPPRESSES, who, (ctx, p) -> {
            Regime regime = p.regime();
            boolean publicOutput = p.publicOutput();
            String authority = p.authority();
            List<YearRow> rows = KpiRoutes.catalogue(deps).receivedByYear(authority, regime, deps.today()).stream()
                    .map(r -> new YearRow(r.year(), r.stage(), count(r.received(), publicOutput))).toList();
            ctx.json(new ReceivedByYear(authority, Metric.regime(regime), publicOutput, rows));
        });

        api.get("/api/v1/kpis/open", Publication.SUPPRESSES, concat(who, List.of("at")), (ctx, p) -> {
            Regime regime = p.regime();
            LocalDate at = p.optionalDate("at").orElse(deps.today());
            boolean publicOutput = p.publicOutput();
            if (publicOutput && !FinancialYear.of(at).end().equals(at)) {
                throw new BadRequest("public open counts are given at a financial year end only (at=2016-03-31): "
                        + "counts at nearby dates could be subtracted to recover a suppressed one; got " + at);
            }
            String authority = p.authority();
            Map<String, Object> open = new LinkedHashMap<>();
            KpiRoutes.catalogue(deps).openByStage(authority, regime, at)
                    .forEach((stage, n) -> open.put(Integer.toString(stage), count(n, publicOutput)));
            ctx.json(new Open(authority, Metric.regime(regime), at, publicOutput, open));
        });

        api.get("/api/v1/dlq", Publication.refuses("it counts rejected records for the service's operators"),
                List.of(), (ctx, p) -> ctx.json(new DeadLetters("complaint-events-dlq", deps.queries().deadLetterCount(),
                        deps.queries().recentRejections())));
    }

    /** A count as published: the number, or {@code c} when public output hides it. */
    static Object count(long n, boolean publicOutput) {
        return publicOutput && Disclosure.isSmall(n) ? Cell.SUPPRESSED : (Object) n;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static int stages(Regime regime) {
        return Timescales.stages(regime);
    }

    static QueryService ready(ApiDependencies deps) {
        if (!deps.queries().ready()) {
            throw new ServiceUnavailable("stores not ready yet (streams " + deps.queries().streamsState() + "); retry shortly");
        }
        return deps.queries();
    }

    static void error(Context ctx, int status, String message) {
        ctx.attribute(ERROR_WRITTEN, true);
        ctx.status(status).json(new ApiError(status, message));
    }

    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
