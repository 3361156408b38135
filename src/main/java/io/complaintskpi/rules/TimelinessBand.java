package io.complaintskpi.rules;

import java.util.Arrays;

/**
 * The timeliness band of a closed stage, by working days taken, as the seed report counts it. For
 * stage 3 the band measures the panel meeting against its 30 working days.
 */
public enum TimelinessBand {
    WITHIN_10(1, Timescales.CHILDREN_STAGE1_DAYS, "within10"),
    WITHIN_20(1, Timescales.CHILDREN_STAGE1_MAX_DAYS, "within20"),
    OVER_20(1, Integer.MAX_VALUE, "over20"),
    WITHIN_25(2, Timescales.CHILDREN_STAGE2_DAYS, "within25"),
    WITHIN_65(2, Timescales.CHILDREN_STAGE2_MAX_DAYS, "within65"),
    OVER_65(2, Integer.MAX_VALUE, "over65"),
    WITHIN_30(3, Timescales.CHILDREN_PANEL_MEETING_DAYS, "within30"),
    OVER_30(3, Integer.MAX_VALUE, "over30");

    private final int stage;
    private final int upToWorkingDays;
    private final String key;

    TimelinessBand(int stage, int upToWorkingDays, String key) {
        this.stage = stage;
        this.upToWorkingDays = upToWorkingDays;
        this.key = key;
    }

    /** The band for a stage (1, 2 or 3) closed after {@code workingDaysTaken} working days. */
    public static TimelinessBand of(int stage, int workingDaysTaken) {
        if (workingDaysTaken < 0) {
            throw new IllegalArgumentException("working days taken must not be negative, got " + workingDaysTaken);
        }
        // Constants are declared in ascending order per stage, so the first fit is the tightest band.
        return Arrays.stream(values())
                .filter(band -> band.stage == stage && workingDaysTaken <= band.upToWorkingDays)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no timeliness bands for stage " + stage));
    }

    /** The band with this {@link #key()}. */
    public static TimelinessBand fromKey(String key) {
        return Arrays.stream(values())
                .filter(band -> band.key.equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown timeliness band '" + key + "'"));
    }

    /** Stable lowercase key used in KPI keys, e.g. "within10". */
    public String key() {
        return key;
    }

    public int stage() {
        return stage;
    }

    /** True for the bands within the statutory maximum (stage 1: 20, stage 2: 65, stage 3: 30). */
    public boolean withinStatutoryMaximum() {
        return upToWorkingDays != Integer.MAX_VALUE;
    }
}
