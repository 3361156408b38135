package io.complaintskpi.http;

import io.complaintskpi.alerts.ComplaintStory;
import io.complaintskpi.catalogue.KpiDefinition;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.drilldown.DrillDown;
import io.complaintskpi.drilldown.DrillDownPlan;
import io.complaintskpi.query.QueryService;
import io.complaintskpi.rules.Period;
import io.javalin.http.Context;

import java.util.List;
import java.util.Locale;

import static io.complaintskpi.http.ApiServer.ready;

/** The complaints behind a figure, and one complaint's story: lists of references, for caseworkers only. */
final class DrillDownRoutes {

    /**
     * A page of the complaints behind a count or amount ({@code unit}: each row's {@code amount} is in it; what
     * {@code basis} counts: received, resolved ... in the period, or in the balance at its end); {@code next} is the
     * {@code after} of the following page.
     */
    record Complaints(String authority, String id, String dimension, String definition, String unit, String basis,
                      Period period, long figure, int count, List<DrillDown.Row> rows, String next) {
    }

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final ApiServer.ApiDependencies deps;

    DrillDownRoutes(ApiServer.ApiDependencies deps) {
        this.deps = deps;
    }

    void complaintsBehind(Context ctx, Params p) {
        String id = ctx.pathParam("id");
        KpiDefinition kpi = KpiDefinitions.find(id).orElseThrow(() -> new ApiServer.NotFound(
                "unknown KPI '" + id + "'; ids are listed at /api/v1/kpis/definitions"));
        Period period = p.period();
        String authority = p.authority();
        String dimension = p.optional("dimension").orElse(null);
        QueryService queries = ready(deps);
        DrillDownPlan plan;
        try {
            plan = DrillDownPlan.of(queries.series(), authority, kpi, dimension, period,
                    p.optional("after").orElse(null), p.optionalInt("limit").orElse(DEFAULT_LIMIT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        DrillDown.Page page = queries.contributors(plan.query());
        ctx.json(new Complaints(authority, id, dimension, kpi.definition(), kpi.unit().name().toLowerCase(Locale.ROOT),
                kpi.basis().meaning(), period, plan.figure(), page.rows().size(), page.rows(), page.next()));
    }

    void story(Context ctx, Params p) {
        ctx.json(p.complaintOr404(id -> ready(deps).complaintStory(id, deps.today()), ComplaintStory::authority));
    }
}
