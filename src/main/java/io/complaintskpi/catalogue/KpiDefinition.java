package io.complaintskpi.catalogue;

/** One KPI of the catalogue: a stable id, a one-line definition, what it counts and how. */
public record KpiDefinition(String id, String definition, Basis basis, Unit unit, Formula formula) {

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

    /** True when the KPI has one figure per dimension rather than a single figure. */
    public boolean byDimension() {
        return formula instanceof Formula.Breakdown || formula instanceof Formula.BreakdownRatio;
    }
}
