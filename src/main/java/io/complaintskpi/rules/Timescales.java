package io.complaintskpi.rules;

import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.Timescale.Milestone;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The statutory timescales of both regimes as data, plus the one configurable figure: the adult
 * response period used while no date has been agreed with the complainant.
 */
public final class Timescales {

    public static final int CHILDREN_STAGE1_DAYS = 10;
    public static final int CHILDREN_STAGE1_MAX_DAYS = 20;
    public static final int CHILDREN_STAGE2_DAYS = 25;
    public static final int CHILDREN_STAGE2_MAX_DAYS = 65;
    public static final int CHILDREN_PANEL_MEETING_DAYS = 30;
    public static final int CHILDREN_PANEL_REPORT_DAYS = 5;
    public static final int CHILDREN_STAGE3_RESPONSE_DAYS = 15;
    public static final int ADULTS_ACKNOWLEDGEMENT_DAYS = 3;
    /** Unconfirmed for SI 2009/309 reg 14 itself, hence configurable; see {@link #adultsResponseDue}. */
    public static final int DEFAULT_ADULTS_RESPONSE_MONTHS = 6;

    private static final String CHILDREN_REGS = "SI 2006/1738 ";
    private static final String ADULTS_REGS = "SI 2009/309 ";

    private static final List<Timescale> STATUTORY = List.of(
            new Timescale(Regime.CHILDREN, 1, Milestone.RESPONSE, CHILDREN_STAGE1_DAYS, CHILDREN_STAGE1_MAX_DAYS,
                    "receipt of the complaint", CHILDREN_REGS + "reg 14"),
            new Timescale(Regime.CHILDREN, 2, Milestone.RESPONSE, CHILDREN_STAGE2_DAYS, CHILDREN_STAGE2_MAX_DAYS,
                    "stage 2 clock start (see Stage2ClockStart)", CHILDREN_REGS + "reg 17"),
            Timescale.fixed(Regime.CHILDREN, 3, Milestone.PANEL_MEETING, CHILDREN_PANEL_MEETING_DAYS,
                    "request for a review panel", CHILDREN_REGS + "reg 19(4)"),
            Timescale.fixed(Regime.CHILDREN, 3, Milestone.PANEL_REPORT, CHILDREN_PANEL_REPORT_DAYS,
                    "panel meeting", CHILDREN_REGS + "reg 20"),
            Timescale.fixed(Regime.CHILDREN, 3, Milestone.RESPONSE, CHILDREN_STAGE3_RESPONSE_DAYS,
                    "panel report", CHILDREN_REGS + "reg 20"),
            Timescale.fixed(Regime.ADULTS, 1, Milestone.ACKNOWLEDGEMENT, ADULTS_ACKNOWLEDGEMENT_DAYS,
                    "receipt of the complaint", ADULTS_REGS + "reg 13"));

    private final int adultsResponseMonths;

    private Timescales(int adultsResponseMonths) {
        if (adultsResponseMonths < 1) {
            throw new IllegalArgumentException("adult response period must be at least 1 month, got "
                    + adultsResponseMonths);
        }
        this.adultsResponseMonths = adultsResponseMonths;
    }

    /** The statutory timescales with the default adult response period of 6 months. */
    public static Timescales statutory() {
        return new Timescales(DEFAULT_ADULTS_RESPONSE_MONTHS);
    }

    /** The statutory timescales with a configured adult response period. */
    public static Timescales withAdultsResponseMonths(int months) {
        return new Timescales(months);
    }

    /** Stages a regime has: children 3, adults 1 (the local stage; then the Ombudsman). */
    public static int stages(Regime regime) {
        return regime == Regime.CHILDREN ? 3 : 1;
    }

    /** Every working-day limit, in stage order. */
    public List<Timescale> all() {
        return STATUTORY;
    }

    public Optional<Timescale> find(Regime regime, int stage, Milestone milestone) {
        return STATUTORY.stream()
                .filter(t -> t.regime() == regime && t.stage() == stage && t.milestone() == milestone)
                .findFirst();
    }

    /**
     * The working-day limit for a milestone.
     *
     * @throws IllegalArgumentException when the regime has no such limit (e.g. the adult response,
     *         which runs to an agreed date instead)
     */
    public Timescale require(Regime regime, int stage, Milestone milestone) {
        return find(regime, stage, milestone).orElseThrow(() -> new IllegalArgumentException(
                "no working-day timescale for " + describe(regime) + " stage " + stage + " " + milestone));
    }

    public int adultsResponseMonths() {
        return adultsResponseMonths;
    }

    /**
     * The adult response deadline: the date agreed with the complainant, else the last day of the default
     * period. A period of months "beginning on" the day of receipt (SI 2009/309 reg 14) ends the day
     * before the same date that many months later; when that month has no such date (received 31 August,
     * no 31 February) it ends on the month's last day.
     */
    public LocalDate adultsResponseDue(LocalDate received, LocalDate agreedResponseBy) {
        if (agreedResponseBy != null) {
            return agreedResponseBy;
        }
        LocalDate sameDate = received.plusMonths(adultsResponseMonths);
        return sameDate.getDayOfMonth() < received.getDayOfMonth() ? sameDate : sameDate.minusDays(1);
    }

    /**
     * Checks an agreed extension, given as the new total limit in working days, against the statute. An
     * extension lengthens: children's stage 1 to 11-20 working days in total, stage 2 to 26-65.
     *
     * @return why the extension is not allowed, or empty when it is (adult complaints have no working-day
     *         limit: the response date is whatever is agreed)
     */
    public Optional<String> extensionViolation(Regime regime, int stage, int workingDays) {
        if (stage < 1 || stage > stages(regime)) {
            return Optional.of(describe(regime) + " complaints have no stage " + stage);
        }
        return find(regime, stage, Milestone.RESPONSE).flatMap(limit -> {
            if (!limit.extendable()) {
                return Optional.of(String.format("%s stage %d timescales cannot be extended (%s); %d working days"
                        + " requested", describe(regime), stage, limit.source(), workingDays));
            }
            if (workingDays > limit.maxWorkingDays()) {
                return Optional.of(String.format("%s stage %d may be extended to at most %d working days (%s); %d"
                        + " requested", describe(regime), stage, limit.maxWorkingDays(), limit.source(), workingDays));
            }
            if (workingDays <= limit.workingDays()) {
                return Optional.of(String.format("an extension lengthens the limit: %s stage %d may be extended to"
                                + " %d-%d working days in total (%s); %d requested", describe(regime), stage,
                        limit.workingDays() + 1, limit.maxWorkingDays(), limit.source(), workingDays));
            }
            return Optional.empty();
        });
    }

    private static String describe(Regime regime) {
        return regime == Regime.CHILDREN ? "children's" : "adults'";
    }
}
