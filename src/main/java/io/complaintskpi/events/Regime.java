package io.complaintskpi.events;

/** The statutory scheme a complaint is handled under. */
public enum Regime {
    /** Children Act 1989 Representations Procedure (England) Regulations 2006: three stages. */
    CHILDREN,
    /** Local Authority Social Services and NHS Complaints (England) Regulations 2009: one local stage. */
    ADULTS
}
