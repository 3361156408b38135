package io.complaintskpi.http;

import io.complaintskpi.kpi.Figure;
import io.complaintskpi.kpi.KpiSnapshot;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The headline KPIs of the current financial year as {@code complaints_kpi_headline{authority,kpi}}.
 * Labels stay bounded: a fixed list of KPI ids times the authorities the service holds.
 */
final class HeadlineMetrics {

    static final List<String> KPIS = List.of("stage1.received", "stage2.received", "stage3.received",
            "escalation.rate", "stage1.referral.rate", "stage1.timeliness.within10.rate",
            "stage1.timeliness.within20.rate", "stage2.timeliness.within65.rate", "stage1.upheld.rate",
            "stage1.open", "stage2.open", "stage3.open", "compliments.received", "costs.total",
            "ombudsman.enquiries", "ombudsman.decisions", "adults.stage1.received", "adults.stage1.open");

    private final MultiGauge gauge;
    private final Supplier<List<MultiGauge.Row<?>>> rows;

    HeadlineMetrics(ApiServer.ApiDependencies deps) {
        this.gauge = MultiGauge.builder("complaints_kpi_headline")
                .description("headline KPIs of the current financial year (rates in percent, money in pence)")
                .register(deps.metrics());
        this.rows = new Cached<>(() -> ServiceMetrics.safely(() -> compute(deps), List.of()), Duration.ofSeconds(15),
                deps.clock());
    }

    void refresh() {
        gauge.register(rows.get(), true);
    }

    private static List<MultiGauge.Row<?>> compute(ApiServer.ApiDependencies deps) {
        Period year = Period.financialYear(FinancialYear.of(deps.today()));
        List<MultiGauge.Row<?>> out = new ArrayList<>();
        var catalogue = KpiRoutes.catalogue(deps);
        for (String authority : deps.queries().series().authorities()) {
            KpiSnapshot snapshot = catalogue.snapshot(authority, year);
            for (String id : KPIS) {
                snapshot.find(id, null).map(HeadlineMetrics::value).ifPresent(v ->
                        out.add(MultiGauge.Row.of(Tags.of("authority", authority, "kpi", id), v)));
            }
        }
        return out;
    }

    private static Number value(Figure f) {
        if (f.rate() != null) {
            return f.rate().percent() == null ? Double.NaN : f.rate().percent().doubleValue();
        }
        return f.count();
    }
}
