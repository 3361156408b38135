package io.complaintskpi.kpi;

import io.complaintskpi.kpi.KpiDefinition.Unit;

/**
 * One KPI value for a period with the prior period beside it. Counts and money fill {@code count} and
 * {@code priorCount}; rates fill {@code rate} and {@code priorRate}. {@code dimension} is null unless the
 * KPI is broken down (by service area, cause, outcome ...).
 */
public record Figure(String id, String dimension, Unit unit, Long count, Long priorCount, Rate rate,
                     Rate priorRate, Change change) {

    static Figure ofCounts(String id, String dimension, Unit unit, long current, long prior) {
        return new Figure(id, dimension, unit, current, prior, null, null, Change.ofCounts(current, prior));
    }

    static Figure ofRates(String id, String dimension, Rate current, Rate prior) {
        return new Figure(id, dimension, Unit.PERCENT, null, null, current, prior, Change.ofRates(current, prior));
    }
}
