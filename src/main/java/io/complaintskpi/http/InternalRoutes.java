package io.complaintskpi.http;

import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.drilldown.DrillDown;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.series.SeriesReader.Span;
import io.complaintskpi.lifecycle.CaseHistoryCodec;
import io.complaintskpi.query.QueryService;
import io.javalin.config.JavalinConfig;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one instance holds in its own stores, for the other instances ({@link HttpPeerClient}). These routes
 * never fan out themselves, so a query crosses the network at most once.
 */
final class InternalRoutes {

    static final String SUM = "/internal/v1/series/sum";
    static final String SUMS = "/internal/v1/series/sums";
    static final String DAILY = "/internal/v1/series/daily";
    static final String AUTHORITIES = "/internal/v1/authorities";
    static final String ALERTS = "/internal/v1/alerts";
    static final String CASES = "/internal/v1/cases";
    static final String CASELOAD = "/internal/v1/caseload";
    static final String CONTRIBUTORS = "/internal/v1/contributors";

    private InternalRoutes() {
    }

    /** The body of a {@link #SUMS} request; the answer lists each span's sums by dimension in this order. */
    record SumsRequest(String authority, List<Span> spans) {
    }

    static void register(JavalinConfig config, QueryService local, EventCodec codec) {
        var routes = config.routes;
        var histories = new CaseHistoryCodec(codec);
        routes.get(SUM, ctx -> ctx.json(local.series().sumByDimension(ctx.queryParam("authority"),
                ctx.queryParam("metric"), date(ctx.queryParam("from")), date(ctx.queryParam("to")))));
        routes.post(SUMS, ctx -> {
            SumsRequest request = EventCodec.MAPPER.readValue(ctx.bodyAsBytes(), SumsRequest.class);
            if (request.authority() == null || request.spans() == null) {
                throw new BadRequest("internal route needs authority and spans");
            }
            Map<Span, Map<String, Long>> sums = local.series().sumsByDimension(request.authority(), request.spans());
            ctx.json(request.spans().stream().map(sums::get).toList());
        });
        routes.get(DAILY, ctx -> ctx.json(local.series().daily(ctx.queryParam("authority"), ctx.queryParam("metric"),
                ctx.queryParam("dimension"), date(ctx.queryParam("from")), date(ctx.queryParam("to")))));
        routes.get(AUTHORITIES, ctx -> ctx.json(local.series().authorities()));
        routes.get(ALERTS, ctx -> ctx.json(local.openAlerts()));
        routes.post(CASELOAD, ctx -> {
            Caseload.Query query = EventCodec.MAPPER.readValue(ctx.bodyAsBytes(), Caseload.Query.class);
            if (query.status() == null || query.today() == null || query.limit() < 1) {
                throw new BadRequest("internal route needs status, today and a positive limit");
            }
            ctx.json(local.caseload(query));
        });
        routes.post(CONTRIBUTORS, ctx -> {
            DrillDown.Query query = EventCodec.MAPPER.readValue(ctx.bodyAsBytes(), DrillDown.Query.class);
            if (query.authority() == null || query.metric() == null) {
                throw new BadRequest("internal route needs authority and metric");
            }
            ctx.json(local.contributors(query));
        });
        routes.get(CASES + "/{id}", ctx -> {
            var history = local.caseHistory(ctx.pathParam("id"));
            if (history.isEmpty()) {
                ctx.status(404).json(new ApiServer.ApiError(404, "not held here"));
                return;
            }
            ctx.json(histories.toJson(history.get()));
        });
    }

    private static LocalDate date(String value) {
        if (value == null) {
            throw new BadRequest("internal route needs from and to");
        }
        return LocalDate.parse(value);
    }
}
