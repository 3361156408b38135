package io.complaintskpi.figures;

import io.complaintskpi.catalogue.KpiDefinition;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.contributions.Metric;
import io.complaintskpi.series.SeriesReader;

import io.complaintskpi.catalogue.Formula.Breakdown;
import io.complaintskpi.catalogue.Formula.BreakdownRatio;
import io.complaintskpi.catalogue.Formula.HeldAtEnd;
import io.complaintskpi.catalogue.Formula.OpenAtEnd;
import io.complaintskpi.catalogue.Formula.Ratio;
import io.complaintskpi.catalogue.Formula.Sum;
import io.complaintskpi.catalogue.Formula.YearFigure;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The KPIs of one authority and period, worked out on demand. Each metric is read from the store once per
 * evaluation, however many KPIs use it.
 */
final class Evaluation {

    private final SeriesReader reader;
    private final String authority;
    private final Period period;
    private final Map<String, Map<String, Long>> metricSums = new HashMap<>();
    /** Each single count worked out once: a rate asks again for the counts shown beside it. */
    private final Map<String, Long> counts = new HashMap<>();

    Evaluation(SeriesReader reader, String authority, Period period) {
        this.reader = reader;
        this.authority = authority;
        this.period = period;
    }

    /** A single count (or pence) KPI. */
    long count(String id) {
        Long known = counts.get(id);
        return known != null ? known : count(KpiDefinitions.require(id));
    }

    private long count(KpiDefinition kpi) {
        Long known = counts.get(kpi.id());
        if (known == null) {
            known = evaluateCount(kpi);
            counts.put(kpi.id(), known);
        }
        return known;
    }

    private long evaluateCount(KpiDefinition kpi) {
        if (kpi.formula() instanceof Sum sum) {
            long total = 0;
            for (Map.Entry<String, Long> dimension : sums(sum.metric()).entrySet()) {
                if (sum.filter().test(dimension.getKey())) {
                    total += dimension.getValue();
                }
            }
            return total;
        }
        if (kpi.formula() instanceof OpenAtEnd open) {
            return open.at(reader, authority, period.to());
        }
        if (kpi.formula() instanceof HeldAtEnd held) {
            return held.at(reader, authority, period.to());
        }
        if (kpi.formula() instanceof YearFigure) {
            Long recorded = recorded(kpi);
            return recorded == null ? 0 : recorded; // a rate over a figure not recorded has no denominator
        }
        throw new IllegalArgumentException("KPI '" + kpi.id() + "' is not a single count");
    }

    /** The count, or null when it is a yearly figure not recorded for the period (absent is not 0). */
    Long recorded(KpiDefinition kpi) {
        if (kpi.formula() instanceof YearFigure figure) {
            LocalDate yearStart = FinancialYear.of(period.from()).start();
            return reader.sumByDimension(authority, Metric.CONTEXT, yearStart, yearStart).get(figure.dimension());
        }
        return count(kpi);
    }

    /**
     * A broken-down count KPI: each dimension the period holds, in no particular order (the snapshot orders the
     * dimensions of both periods together, so sorting each period's here was work thrown away).
     */
    Map<String, Long> breakdown(String id) {
        if (!(KpiDefinitions.require(id).formula() instanceof Breakdown breakdown)) {
            throw new IllegalArgumentException("KPI '" + id + "' is not broken down by dimension");
        }
        return sums(breakdown.metric());
    }

    /** A single rate KPI. */
    Rate rate(String id) {
        if (!(KpiDefinitions.require(id).formula() instanceof Ratio ratio)) {
            throw new IllegalArgumentException("KPI '" + id + "' is not a single rate");
        }
        return Rate.of(count(ratio.numeratorId()), count(ratio.denominatorId()));
    }

    /** A broken-down rate KPI for one dimension. */
    Rate rate(String id, String dimension) {
        if (!(KpiDefinitions.require(id).formula() instanceof BreakdownRatio ratio)) {
            throw new IllegalArgumentException("KPI '" + id + "' is not a rate per dimension");
        }
        return Rate.of(breakdown(ratio.numeratorId()).getOrDefault(dimension, 0L),
                breakdown(ratio.denominatorId()).getOrDefault(dimension, 0L));
    }

    private Map<String, Long> sums(String metric) {
        return metricSums.computeIfAbsent(metric,
                m -> reader.sumByDimension(authority, m, period.from(), period.to()));
    }
}
