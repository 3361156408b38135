package io.complaintskpi.catalogue;

import java.util.List;

/**
 * A relation between published counts that a reader can see or infer, declared once beside the KPIs it is
 * about ({@link KpiDefinitions#sumRules()}) so that disclosure control and its audit cannot forget it.
 * {@code exact}: the parts add up to the total (a breakdown and its total, outcomes and complaints
 * resolved); otherwise the parts count some of what the total counts, so together they are at most the
 * total (within 10 working days and within 20, upheld causes and resolved causes). When the total is a
 * breakdown KPI the relation holds dimension by dimension, with the parts broken down the same way.
 */
public record SumRule(String totalId, List<Part> parts, boolean exact) {

    public SumRule {
        parts = List.copyOf(parts);
    }

    /** The parts add up to the total. */
    public SumRule(String totalId, List<Part> parts) {
        this(totalId, parts, true);
    }

    /** A single-count KPI (filter ignored), or the chosen dimensions of a breakdown KPI. */
    public record Part(String id, DimensionFilter filter) {
        public static Part of(String id) {
            return new Part(id, DimensionFilter.all());
        }
    }
}
