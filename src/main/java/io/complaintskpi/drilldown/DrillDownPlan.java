package io.complaintskpi.drilldown;

import io.complaintskpi.catalogue.DimensionFilter;
import io.complaintskpi.catalogue.Formula;
import io.complaintskpi.catalogue.KpiDefinition;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.rules.Period;
import io.complaintskpi.series.SeriesReader;

import java.util.List;
import java.util.Map;

/**
 * Which buckets a count KPI adds up for a period, as a {@link DrillDown.Query}, with the figure they add up to:
 * the metric and filter of the KPI's formula, and the dimensions that hold anything in the period (read from
 * the figures' own sums, so the list never visits a dimension that adds nothing).
 */
public record DrillDownPlan(DrillDown.Query query, long figure) {

    /**
     * The plan for one count KPI (one dimension of a broken-down KPI when {@code dimension} is given).
     *
     * @throws IllegalArgumentException for a KPI that is not a sum of daily counts (a rate, a balance at the
     *                                  period's end, a yearly context figure, an amount in pence), or a
     *                                  dimension the KPI does not have
     */
    public static DrillDownPlan of(SeriesReader reader, String authority, KpiDefinition kpi, String dimension,
                                   Period period, String after, int limit) {
        if (kpi.unit() != KpiDefinition.Unit.COUNT) {
            throw new IllegalArgumentException("KPI '" + kpi.id() + "' is " + (kpi.unit() == KpiDefinition.Unit.PENCE
                    ? "an amount in pence" : "a rate") + ", not a count: list the complaints behind its counts");
        }
        String metric;
        DimensionFilter filter;
        if (kpi.formula() instanceof Formula.Sum sum) {
            if (dimension != null) {
                throw new IllegalArgumentException("'dimension' does not apply: KPI '" + kpi.id()
                        + "' has no dimensions");
            }
            metric = sum.metric();
            filter = sum.filter();
        } else if (kpi.formula() instanceof Formula.Breakdown breakdown) {
            metric = breakdown.metric();
            filter = dimension == null ? DimensionFilter.all() : DimensionFilter.only(dimension);
        } else {
            throw new IllegalArgumentException("KPI '" + kpi.id() + "' is not a sum of daily counts ("
                    + kpi.basis().meaning() + "); its complaints are not listed");
        }
        Map<String, Long> sums = reader.sumByDimension(authority, metric, period.from(), period.to());
        List<String> dimensions = sums.entrySet().stream()
                .filter(e -> e.getValue() != 0 && filter.test(e.getKey())).map(Map.Entry::getKey).sorted().toList();
        long figure = dimensions.stream().mapToLong(sums::get).sum();
        return new DrillDownPlan(new DrillDown.Query(authority, metric, dimensions, period.from(), period.to(), after,
                limit), figure);
    }

    /** {@link #of} by KPI id. */
    public static DrillDownPlan of(SeriesReader reader, String authority, String kpiId, String dimension,
                                   Period period, String after, int limit) {
        return of(reader, authority, KpiDefinitions.require(kpiId), dimension, period, after, limit);
    }
}
