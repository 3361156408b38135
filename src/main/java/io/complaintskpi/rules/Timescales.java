package io.complaintskpi.rules;

import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.Timescale.Milestone;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The timescales of the three regimes as data, plus the configurable figures: the adult response period
 * used while no date has been agreed with the complainant, and each council's corporate timescales where its
 * published policy differs from the Complaint Handling Code's.
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
    private static final String CODE = "Complaint Handling Code (LGSCO, 2024) ";
    private static final CorporateTimescales C = CorporateTimescales.CODE;

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
                    "receipt of the complaint", ADULTS_REGS + "reg 13"),
            Timescale.fixed(Regime.CORPORATE, 1, Milestone.ACKNOWLEDGEMENT, C.stage1Acknowledgement(),
                    "receipt of the complaint", CODE + "6.2"),
            new Timescale(Regime.CORPORATE, 1, Milestone.RESPONSE, C.stage1Response(),
                    C.stage1Response() + C.stage1Extension(), "the acknowledgement (at the latest, the day it was due)",
                    CODE + "6.3, 6.4"),
            Timescale.fixed(Regime.CORPORATE, 2, Milestone.ACKNOWLEDGEMENT, C.stage2Acknowledgement(),
                    "the request for stage 2", CODE + "part 6, stage 2"),
            new Timescale(Regime.CORPORATE, 2, Milestone.RESPONSE, C.stage2Response(),
                    C.stage2Response() + C.stage2Extension(), "the acknowledgement (at the latest, the day it was due)",
                    CODE + "part 6, stage 2"));

    private final int adultsResponseMonths;
    private final CorporateTimescales corporateDefault;
    private final Map<String, CorporateTimescales> corporateByAuthority;

    private Timescales(int adultsResponseMonths, CorporateTimescales corporateDefault,
                       Map<String, CorporateTimescales> corporateByAuthority) {
        if (adultsResponseMonths < 1) {
            throw new IllegalArgumentException("adult response period must be at least 1 month, got "
                    + adultsResponseMonths);
        }
        this.adultsResponseMonths = adultsResponseMonths;
        this.corporateDefault = corporateDefault;
        this.corporateByAuthority = Map.copyOf(corporateByAuthority);
    }

    /** The statutory timescales with the default adult response period of 6 months and the Code's corporate ones. */
    public static Timescales statutory() {
        return new Timescales(DEFAULT_ADULTS_RESPONSE_MONTHS, CorporateTimescales.CODE, Map.of());
    }

    /** The statutory timescales with a configured adult response period. */
    public static Timescales withAdultsResponseMonths(int months) {
        return new Timescales(months, CorporateTimescales.CODE, Map.of());
    }

    /**
     * The same with councils' own corporate timescales: {@code setting} is entries separated by {@code ;}, each
     * {@code [authority:]stage1-response=20,...} (see {@link CorporateTimescales#parse}); an entry without an
     * authority applies to every authority, one with an authority to that one (on top of the first).
     */
    public Timescales withCorporate(String setting) {
        CorporateTimescales all = CorporateTimescales.CODE;
        Map<String, String> byAuthority = new LinkedHashMap<>();
        for (String entry : setting.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 0) {
                all = CorporateTimescales.parse(entry, all);
            } else {
                byAuthority.merge(entry.substring(0, colon).trim(), entry.substring(colon + 1), (a, b) -> a + "," + b);
            }
        }
        Map<String, CorporateTimescales> councils = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : byAuthority.entrySet()) {
            councils.put(e.getKey(), CorporateTimescales.parse(e.getValue(), all));
        }
        return new Timescales(adultsResponseMonths, all, councils);
    }

    /** The corporate timescales the authority works to: its own published ones, else the Code's. */
    public CorporateTimescales corporate(String authority) {
        return corporateByAuthority.getOrDefault(authority, corporateDefault);
    }

    /** Stages a regime has: children 3, corporate 2, adults 1 (the local stage); then the Ombudsman. */
    public static int stages(Regime regime) {
        return switch (regime) {
            case CHILDREN -> 3;
            case CORPORATE -> 2;
            case ADULTS -> 1;
        };
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
        return monthsBeginningOn(received, adultsResponseMonths);
    }

    /** The six months after which an adult complaint still open is reported as open past six months. */
    public static final int SIX_MONTHS = 6;

    /**
     * The last day of a period of {@code months} months beginning on {@code start}: the day before the same date
     * that many months later, or the last day of that month when it has no such date.
     */
    public static LocalDate monthsBeginningOn(LocalDate start, int months) {
        LocalDate sameDate = start.plusMonths(months);
        return sameDate.getDayOfMonth() < start.getDayOfMonth() ? sameDate : sameDate.minusDays(1);
    }

    /**
     * Checks an agreed extension, given as the new total limit in working days, against the statute. An
     * extension lengthens: children's stage 1 to 11-20 working days in total, stage 2 to 26-65.
     *
     * @return why the extension is not allowed, or empty when it is (adult complaints have no working-day
     *         limit: the response date is whatever is agreed; a corporate extension is the council's decision,
     *         and one longer than the Code allows without a reason is counted as non-compliance, not refused)
     */
    public Optional<String> extensionViolation(Regime regime, int stage, int workingDays) {
        if (stage < 1 || stage > stages(regime)) {
            return Optional.of(describe(regime) + " complaints have no stage " + stage);
        }
        if (regime != Regime.CHILDREN) {
            return Optional.empty();
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

    /** The regime as an adjective: "children's", "adults'", "corporate". */
    public static String describe(Regime regime) {
        return switch (regime) {
            case CHILDREN -> "children's";
            case ADULTS -> "adults'";
            case CORPORATE -> "corporate";
        };
    }
}
