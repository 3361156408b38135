package io.complaintskpi.events;

/**
 * Why a council did not accept a corporate complaint: a closed list tied to the Complaint Handling Code
 * (LGSCO, 2024), part 2 "Exclusions". The Code lets a council decline a complaint for a valid reason it can
 * evidence (2.1), tell the complainant why and that they may go to the Ombudsman (2.4), never as a blanket rule
 * (2.5); it names one reason itself (the 12-month time limit, 2.2) and leaves the others to the circumstances
 * a council's published policy sets out (2.3). Counted by reason, never timed.
 */
public enum NotAcceptedReason {
    /** Made more than 12 months after the issue occurred or the complainant became aware of it (Code 2.2). */
    OUT_OF_TIME("Code 2.2"),
    /** A service request the council has not yet had the chance to deal with, not a complaint (Code 1.2, 1.7). */
    SERVICE_REQUEST("Code 1.2, 1.7"),
    /** A matter with its own statutory complaints procedure (children's or adults' social care) (Code 2.3). */
    STATUTORY_PROCEDURE("Code 2.3"),
    /** A right of appeal, a tribunal or legal proceedings is the route for it (Code 2.3). */
    OTHER_ROUTE_OF_REDRESS("Code 2.3"),
    /** The same matter has already been answered under the procedure (Code 2.3). */
    ALREADY_CONSIDERED("Code 2.3"),
    /** Another exclusion the council's published complaints policy sets out (Code 2.3). */
    OTHER_POLICY_EXCLUSION("Code 2.3");

    private final String paragraph;

    NotAcceptedReason(String paragraph) {
        this.paragraph = paragraph;
    }

    /** The Complaint Handling Code paragraph(s) the reason rests on. */
    public String paragraph() {
        return paragraph;
    }
}
