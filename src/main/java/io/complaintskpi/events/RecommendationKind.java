package io.complaintskpi.events;

/**
 * What the Ombudsman recommended the council do to remedy a fault (the remedies its decisions and annual review
 * letter list): an apology, a payment (with its amount), a review of a procedure, training for staff, an
 * improvement to a service, or anything else.
 */
public enum RecommendationKind {
    APOLOGY, PAYMENT, PROCEDURE_REVIEW, STAFF_TRAINING, SERVICE_IMPROVEMENT, OTHER
}
