package io.complaintskpi.events;

/** Spend lines of the seed report's table 8. */
public enum CostCategory {
    INDEPENDENT_PERSON, INVESTIGATING_OFFICER, STAGE3_PANEL, MEDIATION, FINANCIAL_REDRESS
}
