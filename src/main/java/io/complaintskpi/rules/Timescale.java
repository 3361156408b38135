package io.complaintskpi.rules;

import io.complaintskpi.events.Regime;

/**
 * One statutory time limit: a milestone of a stage must be reached within {@code workingDays} working
 * days of {@code countedFrom}; an agreed extension may take it to at most {@code maxWorkingDays}.
 */
public record Timescale(Regime regime, int stage, Milestone milestone, int workingDays, int maxWorkingDays,
                        String countedFrom, String source) {

    /**
     * What has to happen by the deadline. RECOMMENDATION: an Ombudsman recommendation complied with by the date the
     * Ombudsman set (not a statutory timescale, so no {@code Timescale} has it).
     */
    public enum Milestone { ACKNOWLEDGEMENT, RESPONSE, PANEL_MEETING, PANEL_REPORT, RECOMMENDATION }

    public Timescale {
        if (workingDays < 1 || maxWorkingDays < workingDays) {
            throw new IllegalArgumentException("timescale needs 1 <= workingDays <= maxWorkingDays, got "
                    + workingDays + " and " + maxWorkingDays);
        }
    }

    /** A limit that cannot be extended. */
    static Timescale fixed(Regime regime, int stage, Milestone milestone, int workingDays, String countedFrom,
                           String source) {
        return new Timescale(regime, stage, milestone, workingDays, workingDays, countedFrom, source);
    }

    public boolean extendable() {
        return maxWorkingDays > workingDays;
    }
}
