package io.complaintskpi.figures;

import io.complaintskpi.catalogue.KpiDefinition.Unit;

/**
 * One KPI value for a period with the prior period beside it. Counts and money fill {@code count} and
 * {@code priorCount} (null for a figure not recorded for that period, such as a context figure not yet
 * given: absent, not zero); rates fill {@code rate} and {@code priorRate}. {@code dimension} is null unless the
 * KPI is broken down (by service area, cause, outcome ...).
 */
public record Figure(String id, String dimension, Unit unit, Long count, Long priorCount, Rate rate,
                     Rate priorRate, Change change) {

    static Figure ofCounts(String id, String dimension, Unit unit, Long current, Long prior) {
        Change change = current == null || prior == null ? new Change(null, null) : Change.ofCounts(current, prior);
        return new Figure(id, dimension, unit, current, prior, null, null, change);
    }

    static Figure ofRates(String id, String dimension, Rate current, Rate prior) {
        return new Figure(id, dimension, Unit.PERCENT, null, null, current, prior, Change.ofRates(current, prior));
    }
}
