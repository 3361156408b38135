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

    /**
     * How the Ombudsman's annual review letter splits the decisions it made about a council: investigated (a detailed
     * investigation, upheld or not), assessed and closed (closed after initial enquiries), or not for the Ombudsman
     * (advice given, incomplete or invalid, or premature: referred back to the council for local resolution).
     */
    public enum LetterSplit { NOT_FOR_THE_OMBUDSMAN, ASSESSED_AND_CLOSED, INVESTIGATED }

    public LetterSplit letterSplit() {
        if (detailedInvestigation) {
            return LetterSplit.INVESTIGATED;
        }
        return this == CLOSED_AFTER_INITIAL_ENQUIRIES ? LetterSplit.ASSESSED_AND_CLOSED : LetterSplit.NOT_FOR_THE_OMBUDSMAN;
    }

    /** Upheld, but the council had already put things right before the Ombudsman became involved. */
    public boolean satisfactoryRemedyByCouncil() {
        return this == UPHELD_SATISFACTORY_REMEDY_BY_COUNCIL;
    }
}
