package io.complaintskpi.events;

/** Alternative dispute resolution: external mediation or a conciliation meeting. */
public enum AdrKind {
    MEDIATION, CONCILIATION
}
