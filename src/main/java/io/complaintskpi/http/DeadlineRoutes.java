package io.complaintskpi.http;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.AlertKind;
import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.alerts.ComplaintDeadlines;
import io.complaintskpi.events.Regime;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static io.complaintskpi.http.ApiServer.ready;

/** Live deadlines: open alerts, the caseload and one complaint's statutory clocks. */
final class DeadlineRoutes {

    record Alerts(LocalDate asOf, int count, List<Alert> alerts) {
    }

    /** {@code next}: with status=all, the {@code after} of the following page (null on the last). */
    record Complaints(LocalDate asOf, String status, int count, List<Caseload.Row> rows, String next) {
    }

    /** Default and largest {@code limit} of the caseload list. */
    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 5000;

    static final String STAFF_ONLY = "it lists individual complaints for the staff who handle them";

    private final ApiServer.ApiDependencies deps;

    DeadlineRoutes(ApiServer.ApiDependencies deps) {
        this.deps = deps;
    }

    void alerts(Context ctx, Params p) {
        var authority = p.authorityFilter();
        var stage = p.optionalInt(Param.STAGE.name());
        var serviceArea = p.serviceAreaFilter();
        var kind = p.optionalEnum("kind", AlertKind.class);
        var regimes = p.regimes();
        LocalDate today = deps.today();
        List<Alert> alerts = ready(deps).openAlerts().stream()
                .filter(a -> authority.map(a.authority()::equals).orElse(true))
                .filter(a -> stage.map(s -> a.stage() == s).orElse(true))
                .filter(a -> serviceArea.map(a.serviceArea()::equals).orElse(true))
                .filter(a -> kind.map(k -> a.kind() == k).orElse(true))
                .filter(a -> regimes.map(r -> r.contains(a.regime())).orElse(true))
                .map(a -> a.withOverdue(deps.rules().dueDates().calendar(), today))
                .sorted(Comparator.comparingInt(Alert::workingDaysOverdue).reversed()
                        .thenComparing(Alert::dueDate).thenComparing(Alert::complaintId))
                .toList();
        ctx.json(new Alerts(today, alerts.size(), alerts));
    }

    void complaints(Context ctx, Params p) {
        String status = p.choice("status");
        var after = p.optional("after");
        if (after.isPresent() && !status.equals("all")) {
            throw new BadRequest("'after' pages status=all; status=" + status + " lists the most urgent first");
        }
        var query = new Caseload.Query(Caseload.Status.valueOf(status.toUpperCase(Locale.ROOT)),
                p.authorityFilter().orElse(null), p.optionalInt(Param.STAGE.name()).orElse(null),
                p.serviceAreaFilter().orElse(null),
                p.regimes().map(r -> r.stream().map(Regime::name).toList()).orElse(null),
                p.optionalInt("limit").orElse(DEFAULT_LIMIT), deps.today(), after.orElse(null));
        Caseload.Page page = ready(deps).caseload(query);
        ctx.json(new Complaints(query.today(), status, page.count(), page.rows(), page.next()));
    }

    void deadlines(Context ctx, Params p) {
        ctx.json(p.complaintOr404(id -> ready(deps).complaintDeadlines(id, deps.today()),
                ComplaintDeadlines::authority));
    }
}
