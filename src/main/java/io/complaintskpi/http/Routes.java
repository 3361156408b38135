package io.complaintskpi.http;

import io.complaintskpi.alerts.AlertKind;
import io.complaintskpi.http.ApiRoute.ErrorAnswer;
import io.complaintskpi.http.ApiRoute.Publication;

import java.util.List;
import java.util.Locale;

import static io.complaintskpi.config.Security.Role.ANYONE;
import static io.complaintskpi.config.Security.Role.CASEWORKER;
import static io.complaintskpi.config.Security.Role.INSTANCE;
import static io.complaintskpi.config.Security.Role.METRICS;
import static io.complaintskpi.config.Security.Role.PUBLISHER;
import static io.complaintskpi.config.Security.Role.VIEWER;
import static io.complaintskpi.http.ApiRoute.AuthorityScope.EVERY_AUTHORITY;
import static io.complaintskpi.http.ApiRoute.AuthorityScope.FILTERED;
import static io.complaintskpi.http.ApiRoute.AuthorityScope.HOLDS_NONE;
import static io.complaintskpi.http.ApiRoute.AuthorityScope.ONE_AUTHORITY;
import static io.complaintskpi.http.ApiRoute.AuthorityScope.ONE_COMPLAINT;
import static io.complaintskpi.http.ApiRoute.Publication.NO_COUNTS;
import static io.complaintskpi.http.ApiRoute.Publication.OPERATIONAL;
import static io.complaintskpi.http.ApiRoute.Publication.SUPPRESSES;
import static io.complaintskpi.http.Param.AUTHORITY;
import static io.complaintskpi.http.Param.PERIOD;
import static io.complaintskpi.http.Param.REGIME;
import static io.complaintskpi.http.Param.SERVICE_AREA;
import static io.complaintskpi.http.Param.STAGE;
import static io.complaintskpi.http.Param.YEAR;
import static io.complaintskpi.http.Param.query;
import static io.complaintskpi.http.RouteTable.NOT_READY;

/**
 * The service's HTTP routes at a glance. To add one: a line here (method, path, role, what it answers; then
 * its publication, parameters and error answers) and its handler. A route that prints counts takes
 * {@code public}; every route answers 400 for a parameter it does not declare, 401 without a valid token when
 * tokens are configured, 403 when the token's role does not grant its role (see {@link RouteTable.Builder}). A
 * route a token can read says what it does for a token scoped to some authorities ({@code scope}).
 */
final class Routes {

    private static final Publication STAFF_ONLY = Publication.refuses(DeadlineRoutes.STAFF_ONLY);
    private static final Publication SERIES = Publication.refuses(KpiRoutes.SERIES_REFUSAL);

    private Routes() {
    }

    static RouteTable table(ApiServer.ApiDependencies deps) {
        var ops = new OperatorRoutes(deps);
        var kpis = new KpiRoutes(deps);
        var periods = new PeriodRoutes(deps);
        var deadlines = new DeadlineRoutes(deps);
        var drillDown = new DrillDownRoutes(deps);
        var events = new EventRoutes(deps);
        var internal = new InternalRoutes(deps.localQueries(), deps.rules().codec());
        RouteTable t = new RouteTable();

        t.get("/health", VIEWER, "{\"status\":\"UP\",\"dead\":[]} while every part the service needs runs; 503"
                + " DOWN naming the dead parts", ops::health)
                .publication(OPERATIONAL).scope(HOLDS_NONE);
        t.get("/ready", VIEWER, "200 when the stores answer; 503 while starting or rebalancing", ops::ready)
                .publication(OPERATIONAL).scope(HOLDS_NONE).errors(NOT_READY);
        t.get("/metrics", METRICS, "Prometheus text: service, HTTP, Kafka Streams and JVM metrics; the business"
                        + " figures (headline KPIs, alerts, events by type) only to a token", ops::metrics)
                .publication(OPERATIONAL).scope(EVERY_AUTHORITY);

        // The API described: no data, so anyone may read it.
        var docs = new ApiDocs(t::routes);
        t.path("/api", api -> {
            api.get("/openapi.json", ANYONE, "this API as an OpenAPI 3.1 document", docs::openApi);
            api.get("/docs", ANYONE, "Swagger UI over the OpenAPI document", docs::page);
            api.get("/docs/{file}", ANYONE, "Swagger UI's files (its WebJar) and its starter script", docs::file)
                    .params(Param.path("file", "a file name")).notFound("no such file");
        });

        // The console's page and scripts are static files (ConsoleFiles); its GOV.UK stylesheet is served here.
        t.get("/console/govuk-frontend.css", ANYONE, "GOV.UK Frontend's stylesheet for the web console, without"
                + " its font files (GDS Transport is for gov.uk only)", ConsoleFiles::govukStylesheet);

        t.path("/api/v1", api -> {
            api.get("", VIEWER, "every API route with the parameters it takes and what it does with public",
                    (ctx, p) -> ctx.json(RouteIndex.of(api.routes()))).scope(HOLDS_NONE);
            api.get("/authorities", VIEWER, "authorities with data (rows of {authority})", kpis::authorities)
                    .scope(FILTERED)
                    .errors(NOT_READY);
            api.get("/periods", VIEWER, "the periods to choose from, newest first", periods::periods)
                    .scope(ONE_AUTHORITY)
                    .params(AUTHORITY).errors(NOT_READY);
            api.path("/kpis", k -> {
                k.get("", VIEWER, "every KPI for the period with the prior period and change", kpis::kpis)
                        .scope(ONE_AUTHORITY)
                        .publication(SUPPRESSES).params(AUTHORITY, query("prefix", "only KPIs whose id starts so"),
                                Param.REGIMES)
                        .params(PERIOD).errors(NOT_READY);
                k.get("/definitions", VIEWER, "the KPI catalogue: id, definition, basis, unit", kpis::definitions)
                        .scope(HOLDS_NONE).params(query("regime", "the KPIs of these complaints procedures, as /api/v1/kpis with"
                                + " the same regime lists them: children, adults or corporate, several comma-separated,"
                                + " or all"));
                k.get("/received", VIEWER, "complaints received by stage in the period", kpis::received)
                        .scope(ONE_AUTHORITY)
                        .publication(SUPPRESSES).params(AUTHORITY, REGIME).params(PERIOD).errors(NOT_READY);
                k.get("/received/by-year", VIEWER, "complaints received by stage and financial year",
                        kpis::receivedByYear).scope(ONE_AUTHORITY).publication(SUPPRESSES)
                        .params(AUTHORITY, REGIME).errors(NOT_READY);
                k.get("/open", VIEWER, "open complaints by stage at a date", kpis::open).scope(ONE_AUTHORITY)
                        .publication(SUPPRESSES).params(AUTHORITY, REGIME, query("at", "the date (default today);"
                                + " public: a financial year end").date()).errors(NOT_READY);
                k.get("/rolling", VIEWER, "stage 1 and 2 timeliness over the last 30, 90 and 365 days",
                        kpis::rolling).scope(ONE_AUTHORITY).publication(SERIES)
                        .params(AUTHORITY, query("end", "the last day (default today)").date(),
                                Param.REGIME_MEASURES).errors(NOT_READY);
                k.get("/{id}/series", VIEWER, "a KPI as a time series", kpis::series).publication(SERIES)
                        .scope(ONE_AUTHORITY)
                        .params(Param.path("id", "a KPI id from /api/v1/kpis/definitions; with regime, a measure"
                                        + " of that procedure"), AUTHORITY, Param.REGIME_MEASURES, Param.INTERVAL,
                                query("dimension", "one of the KPI's dimensions"), Param.ROLLING)
                        .params(PERIOD).notFound("no KPI with that id").errors(NOT_READY);
                k.get("/{id}/complaints", CASEWORKER, "the complaints behind a count KPI, a page at a time",
                        drillDown::complaintsBehind).scope(ONE_AUTHORITY).publication(STAFF_ONLY)
                        .params(Param.path("id", "a count KPI id from /api/v1/kpis/definitions"), AUTHORITY,
                                query("dimension", "one dimension of a broken-down KPI"),
                                query("limit", "most rows").integer(1, DrillDownRoutes.MAX_LIMIT)
                                        .byDefault(DrillDownRoutes.DEFAULT_LIMIT),
                                query("after", "the next of the previous page"))
                        .params(PERIOD).notFound("no KPI with that id").errors(NOT_READY);
            });
            api.get("/tables/{table}", VIEWER, "one annual-report table as rows", kpis::table).scope(ONE_AUTHORITY)
                    .publication(SUPPRESSES)
                    .params(Param.path("table", "a table id of the annual report"), AUTHORITY, REGIME, YEAR)
                    .notFound("no table with that id").errors(NOT_READY);
            api.get("/reports/annual", VIEWER, "the annual report of a regime", kpis::annualReport).scope(ONE_AUTHORITY)
                    .publication(SUPPRESSES)
                    .params(AUTHORITY, REGIME, YEAR, query("format", "answer as").oneOf("json", "csv", "html", "pdf")
                            .byDefault("json")).errors(NOT_READY);
            api.get("/benchmarks", VIEWER, "the authority's rates beside the median, quartiles and mean of its"
                    + " council type and region (groups of at least benchmark.min-group-size), with its quartile, and"
                    + " the Ombudsman's published average for its council type where one is loaded",
                    kpis::benchmarks).scope(ONE_AUTHORITY)
                    .publication(Publication.refuses("it compares rates without small-number suppression"))
                    .params(AUTHORITY, YEAR).notFound("the reference data does not hold the authority")
                    .errors(NOT_READY);
            api.get("/ombudsman/letter", VIEWER, "the figures of the Ombudsman's annual review letter for the period,"
                    + " with the prior period", kpis::ombudsmanLetter).scope(ONE_AUTHORITY).publication(SUPPRESSES)
                    .params(AUTHORITY).params(PERIOD).errors(NOT_READY);
            api.get("/dlq", CASEWORKER, "records on the dead-letter topic", ops::deadLetters).scope(EVERY_AUTHORITY)
                    .publication(Publication.refuses("it counts rejected records for the service's operators"));
            api.post("/events", PUBLISHER, "send events to complaint-events: each validated against the contract,"
                    + " answered accepted (its partition and offset, once Kafka has it) or rejected (the reason)",
                    events::post)
                    .scope(EVERY_AUTHORITY) // a publisher token scoped to authorities is not (yet) checked per event
                    .body("one event (a JSON object, topics/schemas/envelope.schema.json), a JSON array of events, or"
                            + " NDJSON (one event per line)", new ApiRoute.Content("application/json",
                            List.of("object", "array")), new ApiRoute.Content("application/x-ndjson",
                            List.of("string")))
                    .answers(EventRoutes.ALL_ACCEPTED, "every event accepted: {accepted, rejected, results:[{index,"
                            + " status, eventId, partition, offset}], laterChecks}")
                    .answers(EventRoutes.MIXED, "some accepted, some rejected: each result says which, a rejected"
                            + " one with its reason; the accepted ones are stored")
                    .errors(new ErrorAnswer(EventRoutes.NONE_ACCEPTED, "no event accepted: the same answer, each"
                                    + " result with its reason; or the body cannot be split into events"),
                            new ErrorAnswer(413, "the body is larger than http.ingest-max-bytes or holds more events"
                                    + " than http.ingest-max-events"),
                            new ErrorAnswer(415, "the Content-Type is neither application/json nor"
                                    + " application/x-ndjson"),
                            new ErrorAnswer(503, "Kafka did not acknowledge the events in time; send the batch again"
                                    + " (an event sent twice is counted once)"));
            api.get("/alerts", CASEWORKER, "open deadline alerts, most overdue first", deadlines::alerts)
                    .scope(FILTERED)
                    .publication(STAFF_ONLY).params(AUTHORITY, STAGE, SERVICE_AREA,
                            query("kind", "alert kind").oneOf(AlertKind.class), Param.REGIME_FILTER)
                    .errors(NOT_READY);
            api.get("/complaints", CASEWORKER, "the caseload, most urgent first, or every complaint a page at a time",
                    deadlines::complaints).scope(FILTERED).publication(STAFF_ONLY)
                    .params(query("status", "which complaints").oneOf("open", "overdue", "all").byDefault("open"),
                            AUTHORITY, STAGE, SERVICE_AREA, Param.REGIME_FILTER,
                            query("limit", "most rows").integer(1, DeadlineRoutes.MAX_LIMIT)
                                    .byDefault(DeadlineRoutes.DEFAULT_LIMIT),
                            query("after", "status=all: the next of the previous page"))
                    .errors(NOT_READY);
            api.get("/complaints/{id}", CASEWORKER, "one complaint's story: events, stage deadlines met or"
                    + " missed, extensions, alerts raised", drillDown::story).scope(ONE_COMPLAINT)
                    .publication(STAFF_ONLY)
                    .params(Param.path("id", "complaint reference")).notFound("no complaint with that reference")
                    .errors(NOT_READY);
            api.get("/complaints/{id}/deadlines", CASEWORKER, "a complaint's stages, due dates and status",
                    deadlines::deadlines).scope(ONE_COMPLAINT).publication(STAFF_ONLY)
                    .params(Param.path("id", "complaint reference")).notFound("no complaint with that reference")
                    .errors(NOT_READY);
        });

        // Instance to instance: what one instance holds in its own stores (HttpPeerClient); not for clients.
        Param authority = query("authority", "authority code").mandatory();
        Param metric = query("metric", "stored metric name").mandatory();
        List<Param> span = List.of(query("from", "first day").date().mandatory(),
                query("to", "last day").date().mandatory());
        t.get(InternalRoutes.SUM, INSTANCE, "a metric's sum by dimension over days", internal::sum)
                .publication(OPERATIONAL).params(authority, metric).params(span);
        t.post(InternalRoutes.SUMS, INSTANCE, "a batch of sums by dimension, one per span", internal::sums)
                .publication(OPERATIONAL).body("{authority, spans:[{metric, from, to}]}");
        t.get(InternalRoutes.DAILY, INSTANCE, "a metric's daily values", internal::daily).publication(OPERATIONAL)
                .params(authority, metric, query("dimension", "dimension value")).params(span);
        t.get(InternalRoutes.AUTHORITIES, INSTANCE, "authorities held here", internal::authorities)
                .publication(OPERATIONAL);
        t.get(InternalRoutes.ALERTS, INSTANCE, "open alerts held here", internal::alerts).publication(OPERATIONAL);
        t.post(InternalRoutes.CASELOAD, INSTANCE, "a caseload page from the complaints held here",
                internal::caseload).publication(OPERATIONAL)
                .body("a caseload query: status, filters, limit, today, after");
        t.post(InternalRoutes.CONTRIBUTORS, INSTANCE, "a page of the complaints behind a figure, from those held"
                + " here", internal::contributors).publication(OPERATIONAL)
                .body("a drill-down query: authority, metric, dimensions, from, to, after, limit");
        t.get(InternalRoutes.CASES + "/{id}", INSTANCE, "a complaint's events, if held here", internal::caseHistory)
                .publication(OPERATIONAL).params(Param.path("id", "complaint reference"))
                .notFound("the complaint is not held here");
        return t;
    }

    /** {@code GET /api/v1}: every API route with the parameters it takes and what it does with public. */
    record RouteIndex(List<IndexEntry> routes) {
        static RouteIndex of(List<ApiRoute> all) {
            return new RouteIndex(all.stream().filter(r -> r.path().startsWith("/api/v1")).map(IndexEntry::of)
                    .toList());
        }
    }

    /** {@code publicToken}: whether a public token may read it (always as public output). */
    record IndexEntry(String method, String path, String role, List<String> params, Publication publication,
                      ApiRoute.AuthorityScope scope, boolean publicToken) {
        static IndexEntry of(ApiRoute r) {
            return new IndexEntry(r.method().name(), r.path(), r.role().name().toLowerCase(Locale.ROOT), r.queryParams(),
                    r.publication(), r.scope(), r.publishes());
        }
    }
}
