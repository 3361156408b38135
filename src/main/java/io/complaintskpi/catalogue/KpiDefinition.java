package io.complaintskpi.catalogue;

import io.complaintskpi.events.Regime;

/**
 * One KPI of the catalogue: a stable id, a one-line definition, what it counts and how, and the complaints
 * procedure whose complaints it counts ({@code regime}; null for the council's figures of every procedure or
 * none: context figures, compliments, costs, the Ombudsman's totals, events held aside).
 */
public record KpiDefinition(String id, String definition, Basis basis, Unit unit, Formula formula, Regime regime) {

    /** Which events of the period a figure counts (seed report, section 3.1). */
    public enum Basis {
        RECEIVED("received in the period"),
        RESOLVED("resolved (closed) in the period"),
        IN_PERIOD("happened in the period"),
        AT_PERIOD_END("open at the end of the period"),
        DUE("due in the period"),
        FINANCIAL_YEAR("the financial year the period starts in");

        private final String meaning;

        Basis(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }
    }

    public enum Unit { COUNT, PENCE, PERCENT }

    /**
     * What the KPI measures whatever the procedure: its id without the regime's prefix, so that
     * {@code stage1.received}, {@code adults.stage1.received} and {@code corporate.stage1.received} line up.
     */
    public String measure() {
        return regime == null ? id : id.substring(KpiDefinitions.prefix(regime).length());
    }

    /** True when the KPI has one figure per dimension rather than a single figure. */
    public boolean byDimension() {
        return formula instanceof Formula.Breakdown || formula instanceof Formula.BreakdownRatio;
    }
}
