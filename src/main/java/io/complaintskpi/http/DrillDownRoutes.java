package io.complaintskpi.http;

import io.complaintskpi.alerts.ComplaintStory;
import io.complaintskpi.catalogue.KpiDefinition;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.drilldown.DrillDown;
import io.complaintskpi.drilldown.DrillDownPlan;
import io.complaintskpi.http.ApiRoute.Publication;
import io.complaintskpi.query.QueryService;
import io.complaintskpi.rules.Period;

import java.util.List;
import java.util.regex.Pattern;

import static io.complaintskpi.http.ApiServer.concat;
import static io.complaintskpi.http.ApiServer.ready;

/** The complaints behind a figure, and one complaint's story: lists of references, for caseworkers only. */
final class DrillDownRoutes {

    private DrillDownRoutes() {
    }

    /** A page of the complaints behind a count; {@code next} is the {@code after} of the following page. */
    record Complaints(String authority, String id, String dimension, String definition, Period period, long figure,
                      int count, List<DrillDown.Row> rows, String next) {
    }

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Pattern DRILL_DOWN = Pattern.compile("/api/v1/kpis/[^/]+/complaints/?");
    private static final String STAFF_ONLY = "it lists individual complaints for the staff who handle them";

    /** Whether a path lists complaint references although it lies under a viewer's prefix. */
    static boolean listsComplaints(String path) {
        return DRILL_DOWN.matcher(path).matches();
    }

    static void register(Routes api) {
        ApiServer.ApiDependencies deps = api.deps();
        api.get("/api/v1/kpis/{id}/complaints", Publication.refuses(STAFF_ONLY),
                concat(List.of(Params.AUTHORITY, "dimension", "limit", "after"), Params.PERIOD), (ctx, p) -> {
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
                                p.optional("after").orElse(null), p.optionalInt("limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT));
                    } catch (IllegalArgumentException e) {
                        throw new BadRequest(e.getMessage());
                    }
                    DrillDown.Page page = queries.contributors(plan.query());
                    ctx.json(new Complaints(authority, id, dimension, kpi.definition(), period, plan.figure(),
                            page.rows().size(), page.rows(), page.next()));
                });

        api.get("/api/v1/complaints/{id}", Publication.refuses(STAFF_ONLY), List.of(), (ctx, p) -> {
            String id = ctx.pathParam("id");
            ComplaintStory story = ready(deps).complaintStory(id, deps.today())
                    .orElseThrow(() -> new ApiServer.NotFound("no complaint with reference '" + id + "'"));
            ctx.json(story);
        });
    }
}
