package io.complaintskpi.http;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.AlertKind;
import io.complaintskpi.alerts.ComplaintDeadlines;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.Regime;
import io.complaintskpi.kpi.Metric;
import io.complaintskpi.kpi.SeriesReader;
import io.complaintskpi.lifecycle.DueDates;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
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
    private static final LocalDate EPOCH = LocalDate.of(2000, 4, 1);
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
            routes(config, deps);
            KpiRoutes.register(config, deps);
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
                error(ctx, 404, "no such route: " + ctx.method() + " " + ctx.path() + "; see the README's API table");
            }
        });

        routes.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
        routes.get("/ready", ctx -> {
            String state = deps.queries().streamsState();
            ctx.status(deps.queries().ready() ? 200 : 503).json(Map.of("ready", deps.queries().ready(),
                    "streams", state));
        });
        HeadlineMetrics headline = new HeadlineMetrics(deps);
        routes.get("/metrics", ctx -> {
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

        routes.get("/api/v1/alerts", ctx -> {
            Params p = params(ctx, deps);
            var authority = p.optional("authority");
            var stage = p.optionalInt("stage", 1, 3);
            var serviceArea = p.optional("serviceArea");
            var kind = p.optionalEnum("kind", AlertKind.class);
            var regime = p.optional("regime").map(r -> p.regime());
            LocalDate today = deps.today();
            List<Alert> alerts = ready(deps).openAlerts().stream()
                    .filter(a -> authority.map(a.authority()::equals).orElse(true))
                    .filter(a -> stage.map(s -> a.stage() == s).orElse(true))
                    .filter(a -> serviceArea.map(a.serviceArea()::equals).orElse(true))
                    .filter(a -> kind.map(k -> a.kind() == k).orElse(true))
                    .filter(a -> regime.map(r -> a.regime().equals(r.name())).orElse(true))
                    .map(a -> withOverdue(a, deps.rules().dueDates(), today))
                    .sorted(Comparator.comparingInt(Alert::workingDaysOverdue).reversed()
                            .thenComparing(Alert::dueDate).thenComparing(Alert::complaintId))
                    .toList();
            ctx.json(Map.of("asOf", today, "count", alerts.size(), "alerts", alerts));
        });

        routes.get("/api/v1/complaints", ctx -> {
            Params p = params(ctx, deps);
            String status = p.optional("status").orElse("open");
            if (!List.of("open", "overdue", "all").contains(status)) {
                throw new BadRequest("'status' must be open, overdue or all, got '" + status + "'");
            }
            var authority = p.optional("authority");
            var stage = p.optionalInt("stage", 1, 3);
            var serviceArea = p.optional("serviceArea");
            var regime = p.optional("regime").map(r -> p.regime().name());
            int limit = p.optionalInt("limit", 1, 5000).orElse(500);
            LocalDate today = deps.today();
            List<Caseload.Row> rows = Caseload.rows(ready(deps).allCaseHistories(), deps.rules(), today).stream()
                    .filter(r -> status.equals("all") || r.open() && (status.equals("open") || r.workingDaysOverdue() > 0))
                    .filter(r -> authority.map(r.authority()::equals).orElse(true))
                    .filter(r -> stage.map(s -> r.stage() == s).orElse(true))
                    .filter(r -> serviceArea.map(r.serviceArea()::equals).orElse(true))
                    .filter(r -> regime.map(r.regime()::equals).orElse(true))
                    .sorted(Caseload.MOST_URGENT_FIRST)
                    .toList();
            ctx.json(Map.of("asOf", today, "status", status, "count", rows.size(),
                    "rows", rows.subList(0, Math.min(limit, rows.size()))));
        });

        routes.get("/api/v1/complaints/{id}/deadlines", ctx -> {
            String id = ctx.pathParam("id");
            var state = ready(deps).caseHistory(id)
                    .map(history -> deps.rules().machine().replay(id, history))
                    .filter(s -> s.complaint() != null)
                    .orElseThrow(() -> new NotFound("no complaint with reference '" + id + "'"));
            ctx.json(ComplaintDeadlines.of(state, deps.rules().dueDates(), deps.today()));
        });
        routes.exception(NotFound.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
    }

    /** Overdue working days move with the calendar, so they are computed when asked, not when raised. */
    private static Alert withOverdue(Alert a, DueDates dueDates, LocalDate today) {
        int overdue = a.kind() == AlertKind.AT_RISK || !today.isAfter(a.dueDate()) ? 0
                : dueDates.calendar().workingDaysBetween(a.dueDate(), today);
        return new Alert(a.kind(), a.complaintId(), a.authority(), a.regime(), a.serviceArea(), a.stage(),
                a.dueDate(), overdue, a.raisedAt(), a.clears());
    }

    private static int stages(Regime regime) {
        return io.complaintskpi.rules.Timescales.stages(regime);
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
