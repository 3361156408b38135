package io.complaintskpi.events;

/** Local Government and Social Care Ombudsman decision categories, 2015-16 and later. */
public enum OmbudsmanOutcome {
    CLOSED_AFTER_INITIAL_ENQUIRIES(false, false),
    NOT_UPHELD(false, true),
    UPHELD_MALADMINISTRATION_NO_INJUSTICE(true, true),
    UPHELD_MALADMINISTRATION_INJUSTICE(true, true),
    PREMATURE(false, false),
    ADVICE_GIVEN(false, false),
    INCOMPLETE_INVALID(false, false),
    UPHELD(true, true),
    UPHELD_SATISFACTORY_REMEDY_BY_COUNCIL(true, true);

    private final boolean faultFound;
    private final boolean detailedInvestigation;

    OmbudsmanOutcome(boolean faultFound, boolean detailedInvestigation) {
        this.faultFound = faultFound;
        this.detailedInvestigation = detailedInvestigation;
    }

    public boolean faultFound() {
        return faultFound;
    }

    /** The Ombudsman's uphold rate divides upheld by detailed investigations, not by all decisions. */
    public boolean detailedInvestigation() {
        return detailedInvestigation;
    }
}
