package io.complaintskpi.http;

import io.complaintskpi.figures.Figure;
import io.complaintskpi.catalogue.KpiDefinition.Unit;
import io.complaintskpi.catalogue.KpiIds;
import io.complaintskpi.figures.KpiSnapshot;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import io.complaintskpi.rules.TimelinessBand;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import static io.complaintskpi.catalogue.KpiIds.StageFigure.OPEN;
import static io.complaintskpi.catalogue.KpiIds.StageFigure.RECEIVED;
import static io.complaintskpi.events.Regime.ADULTS;
import static io.complaintskpi.events.Regime.CHILDREN;

/**
 * The headline KPIs of the current financial year, one metric per unit so a query never mixes them:
 * {@code complaints_kpi_headline_percent}, {@code _pence} and {@code _count}, each by {@code authority,kpi}.
 * Labels stay bounded: a fixed list of KPI ids times the authorities the service holds.
 */
final class HeadlineMetrics {

    static final List<String> KPIS = List.of(
            KpiIds.stage(CHILDREN, 1, RECEIVED), KpiIds.stage(CHILDREN, 2, RECEIVED), KpiIds.stage(CHILDREN, 3, RECEIVED),
            KpiIds.ESCALATION_RATE, KpiIds.STAGE1_REFERRAL_RATE,
            KpiIds.rate(KpiIds.timeliness(TimelinessBand.WITHIN_10)),
            KpiIds.rate(KpiIds.timeliness(TimelinessBand.WITHIN_20)),
            KpiIds.rate(KpiIds.timeliness(TimelinessBand.WITHIN_65)), KpiIds.rate(KpiIds.upheld(CHILDREN)),
            KpiIds.stage(CHILDREN, 1, OPEN), KpiIds.stage(CHILDREN, 2, OPEN), KpiIds.stage(CHILDREN, 3, OPEN),
            KpiIds.COMPLIMENTS_RECEIVED, KpiIds.COSTS_TOTAL, KpiIds.OMBUDSMAN_ENQUIRIES, KpiIds.OMBUDSMAN_DECISIONS,
            KpiIds.stage(ADULTS, 1, RECEIVED), KpiIds.stage(ADULTS, 1, OPEN), KpiIds.EVENTS_AWAITING);

    private final Map<Unit, MultiGauge> gauges = new EnumMap<>(Unit.class);
    private final Supplier<Map<Unit, List<MultiGauge.Row<?>>>> rows;

    HeadlineMetrics(ApiServer.ApiDependencies deps) {
        for (Unit unit : Unit.values()) {
            gauges.put(unit, MultiGauge.builder("complaints_kpi_headline_" + unit.name().toLowerCase(Locale.ROOT))
                    .description("headline KPIs of the current financial year in " + unit.name().toLowerCase(Locale.ROOT))
                    .register(deps.metrics()));
        }
        this.rows = new Cached<>(() -> ServiceMetrics.safely(() -> compute(deps), Map.of()), Duration.ofSeconds(15),
                deps.clock());
    }

    void refresh() {
        Map<Unit, List<MultiGauge.Row<?>>> current = rows.get();
        gauges.forEach((unit, gauge) -> gauge.register(current.getOrDefault(unit, List.of()), true));
    }

    private static Map<Unit, List<MultiGauge.Row<?>>> compute(ApiServer.ApiDependencies deps) {
        if (deps.config().publicByDefault()) {
            // Public figures exist only for whole financial years (docs/http-api.md): the live year is not one.
            return Map.of();
        }
        Period year = Period.financialYear(FinancialYear.of(deps.today()));
        Map<Unit, List<MultiGauge.Row<?>>> out = new EnumMap<>(Unit.class);
        var catalogue = KpiRoutes.catalogue(deps);
        for (String authority : deps.queries().series().authorities()) {
            KpiSnapshot snapshot = catalogue.snapshot(authority, year);
            for (String id : KPIS) {
                snapshot.find(id, null).ifPresent(f -> out.computeIfAbsent(f.unit(), u -> new ArrayList<>())
                        .add(MultiGauge.Row.of(Tags.of("authority", authority, "kpi", id), value(f))));
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
