package io.complaintskpi.http;

import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.drilldown.DrillDown;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.series.SeriesReader.Span;
import io.complaintskpi.lifecycle.CaseHistoryCodec;
import io.complaintskpi.query.QueryService;
import io.javalin.http.Context;

import java.io.IOException;
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

    private final QueryService local;
    private final CaseHistoryCodec histories;

    InternalRoutes(QueryService local, EventCodec codec) {
        this.local = local;
        this.histories = new CaseHistoryCodec(codec);
    }

    /** The body of a {@link #SUMS} request; the answer lists each span's sums by dimension in this order. */
    record SumsRequest(String authority, List<Span> spans) {
    }

    void sum(Context ctx, Params p) {
        ctx.json(local.series().sumByDimension(p.required("authority"), p.required("metric"),
                p.date("from", p.required("from")), p.date("to", p.required("to"))));
    }

    void sums(Context ctx, Params p) throws IOException {
        SumsRequest request = EventCodec.MAPPER.readValue(ctx.bodyAsBytes(), SumsRequest.class);
        if (request.authority() == null || request.spans() == null) {
            throw new BadRequest("internal route needs authority and spans");
        }
        Map<Span, Map<String, Long>> sums = local.series().sumsByDimension(request.authority(), request.spans());
        ctx.json(request.spans().stream().map(sums::get).toList());
    }

    void daily(Context ctx, Params p) {
        ctx.json(local.series().daily(p.required("authority"), p.required("metric"),
                p.optional("dimension").orElse(null), p.date("from", p.required("from")),
                p.date("to", p.required("to"))));
    }

    void authorities(Context ctx, Params p) {
        ctx.json(local.series().authorities());
    }

    void alerts(Context ctx, Params p) {
        ctx.json(local.openAlerts());
    }

    void caseload(Context ctx, Params p) throws IOException {
        Caseload.Query query = EventCodec.MAPPER.readValue(ctx.bodyAsBytes(), Caseload.Query.class);
        if (query.status() == null || query.today() == null || query.limit() < 1) {
            throw new BadRequest("internal route needs status, today and a positive limit");
        }
        ctx.json(local.caseload(query));
    }

    void contributors(Context ctx, Params p) throws IOException {
        DrillDown.Query query = EventCodec.MAPPER.readValue(ctx.bodyAsBytes(), DrillDown.Query.class);
        if (query.authority() == null || query.metric() == null) {
            throw new BadRequest("internal route needs authority and metric");
        }
        ctx.json(local.contributors(query));
    }

    void caseHistory(Context ctx, Params p) {
        var history = local.caseHistory(ctx.pathParam("id"))
                .orElseThrow(() -> new ApiServer.NotFound("not held here"));
        ctx.json(histories.toJson(history));
    }
}
