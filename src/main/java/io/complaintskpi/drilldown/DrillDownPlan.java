package io.complaintskpi.drilldown;

import io.complaintskpi.catalogue.DimensionFilter;
import io.complaintskpi.catalogue.Formula;
import io.complaintskpi.catalogue.KpiDefinition;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.rules.Period;
import io.complaintskpi.series.SeriesReader;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which keys a count (or amount) KPI adds up for a period, as a {@link DrillDown.Query}, with the figure they add
 * up to: the metric and filter of the KPI's formula, and the dimensions that hold anything in the period (read
 * from the figures' own sums, so the list never visits a dimension that adds nothing); for a balance, its spans.
 */
public record DrillDownPlan(DrillDown.Query query, long figure) {

    /**
     * The plan for one count or amount KPI (one dimension of a broken-down KPI when {@code dimension} is given):
     * a sum of daily buckets lists the keys in those buckets over the period; a balance at the period's end
     * ({@link Balances}) the keys in it at the period's last day.
     *
     * @throws IllegalArgumentException for a rate, a yearly context figure (recorded by the authority, not counted
     *                                  from complaints), or a dimension the KPI does not have (naming those it has)
     */
    public static DrillDownPlan of(SeriesReader reader, String authority, KpiDefinition kpi, String dimension,
                                   Period period, String after, int limit) {
        if (kpi.unit() == KpiDefinition.Unit.PERCENT) {
            throw new IllegalArgumentException("KPI '" + kpi.id() + "' is a rate, not a count: list the complaints"
                    + " behind its numerator and denominator (" + ratioParts(kpi) + ")");
        }
        if (kpi.formula() instanceof Formula.YearFigure) {
            throw new IllegalArgumentException("KPI '" + kpi.id() + "' is a context figure the authority records for"
                    + " the year (a ContextFigureRecorded event), not counted from complaints: no complaints are"
                    + " behind it");
        }
        if (dimension != null && !kpi.byDimension()) {
            throw new IllegalArgumentException("'dimension' does not apply: KPI '" + kpi.id() + "' has no dimensions");
        }
        Optional<Balances.Balance> balance = Balances.of(kpi.formula());
        if (balance.isPresent()) {
            long figure = kpi.formula() instanceof Formula.OpenAtEnd open ? open.at(reader, authority, period.to())
                    : ((Formula.HeldAtEnd) kpi.formula()).at(reader, authority, period.to());
            return new DrillDownPlan(new DrillDown.Query(authority, balance.get().spanMetric(), List.of(),
                    period.to(), period.to(), after, limit, true), figure);
        }
        String metric;
        DimensionFilter filter;
        if (kpi.formula() instanceof Formula.Sum sum) {
            metric = sum.metric();
            filter = sum.filter();
        } else if (kpi.formula() instanceof Formula.Breakdown breakdown) {
            metric = breakdown.metric();
            filter = dimension == null ? DimensionFilter.all() : DimensionFilter.only(dimension);
            if (dimension != null) {
                requireKnown(reader, authority, kpi, breakdown, dimension, period);
            }
        } else {
            throw new IllegalStateException("KPI '" + kpi.id() + "' has a formula the drill-down does not know: "
                    + kpi.formula());
        }
        Map<String, Long> sums = reader.sumByDimension(authority, metric, period.from(), period.to());
        List<String> dimensions = sums.entrySet().stream()
                .filter(e -> e.getValue() != 0 && filter.test(e.getKey())).map(Map.Entry::getKey).sorted().toList();
        long figure = dimensions.stream().mapToLong(sums::get).sum();
        return new DrillDownPlan(new DrillDown.Query(authority, metric, dimensions, period.from(), period.to(), after,
                limit), figure);
    }

    /**
     * A dimension is known when the catalogue names it or any bucket up to the period's end holds it (a configured
     * service area, say): a known one with nothing in the period lists nothing, an unknown one is a mistake.
     */
    private static void requireKnown(SeriesReader reader, String authority, KpiDefinition kpi,
                                     Formula.Breakdown breakdown, String dimension, Period period) {
        Set<String> known = new TreeSet<>(breakdown.dimensionOrder());
        known.addAll(breakdown.order());
        known.addAll(reader.sumByDimension(authority, breakdown.metric(), Formula.OpenAtEnd.BEGINNING, period.to())
                .keySet());
        if (!known.contains(dimension)) {
            throw new IllegalArgumentException("KPI '" + kpi.id() + "' has no dimension '" + dimension + "'"
                    + (known.isEmpty() ? " (it has none up to " + period.to() + ")"
                    : "; its dimensions up to " + period.to() + ": " + String.join(", ", known)));
        }
    }

    private static String ratioParts(KpiDefinition kpi) {
        if (kpi.formula() instanceof Formula.Ratio ratio) {
            return ratio.numeratorId() + ", " + ratio.denominatorId();
        }
        Formula.BreakdownRatio ratio = (Formula.BreakdownRatio) kpi.formula();
        return ratio.numeratorId() + ", " + ratio.denominatorId();
    }

    /** {@link #of} by KPI id. */
    public static DrillDownPlan of(SeriesReader reader, String authority, String kpiId, String dimension,
                                   Period period, String after, int limit) {
        return of(reader, authority, KpiDefinitions.require(kpiId), dimension, period, after, limit);
    }
}
