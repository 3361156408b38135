package io.complaintskpi.events;

/** Activity figures that put complaint volumes in context (seed report, table 1). */
public enum ContextFigure {
    REFERRALS, SINGLE_ASSESSMENTS, CHILDREN_IN_CARE, CHILD_PROTECTION_PLANS
}
