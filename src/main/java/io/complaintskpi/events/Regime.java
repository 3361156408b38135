package io.complaintskpi.events;

/** The procedure a complaint is handled under: one of the two statutory schemes or the council's corporate one. */
public enum Regime {
    /** Children Act 1989 Representations Procedure (England) Regulations 2006: three stages. */
    CHILDREN,
    /** Local Authority Social Services and NHS Complaints (England) Regulations 2009: one local stage. */
    ADULTS,
    /**
     * Every other complaint about the council, under its own two-stage procedure and the Ombudsman's Complaint
     * Handling Code (2024); never a complaint with a statutory procedure.
     */
    CORPORATE
}
