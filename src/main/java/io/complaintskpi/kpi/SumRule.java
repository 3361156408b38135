package io.complaintskpi.kpi;

import java.util.List;

/**
 * A published total and the figures that add up to it. Disclosure control uses these so a hidden count
 * cannot be worked out by subtraction.
 */
public record SumRule(String totalId, List<Part> parts) {

    public SumRule {
        parts = List.copyOf(parts);
    }

    /** A single-count KPI (filter ignored), or the chosen dimensions of a breakdown KPI. */
    public record Part(String id, DimensionFilter filter) {
        public static Part of(String id) {
            return new Part(id, DimensionFilter.all());
        }
    }
}
