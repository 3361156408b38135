package io.complaintskpi.contributions;

import io.complaintskpi.events.Regime;
import io.complaintskpi.lifecycle.Closure;
import io.complaintskpi.lifecycle.Stage;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the stored series. Complaint series are per regime ({@code children.}, {@code adults.} or
 * {@code corporate.});
 * compliments, costs, Ombudsman and context figures are per authority.
 */
public final class Metric {

    public static final String COMPLIMENTS = "compliments";
    public static final String OMBUDSMAN_ENQUIRIES = "ombudsman.enquiries";
    public static final String OMBUDSMAN_DECISIONS = "ombudsman.decisions";
    public static final String OMBUDSMAN_REMEDY_PENCE = "ombudsman.remedy_pence";
    /** Ombudsman enquiries and decisions by the regime of the complaint they arose from (UNSPECIFIED: not said). */
    public static final String OMBUDSMAN_ENQUIRIES_BY_REGIME = "ombudsman.enquiries_by_regime";
    public static final String OMBUDSMAN_DECISIONS_BY_REGIME = "ombudsman.decisions_by_regime";
    public static final String OMBUDSMAN_FAULT_BY_REGIME = "ombudsman.fault_found_by_regime";
    public static final String OMBUDSMAN_DETAILED_BY_REGIME = "ombudsman.detailed_by_regime";
    /** Ombudsman recommendations made, by kind, on the day made. */
    public static final String OMBUDSMAN_RECOMMENDATIONS = "ombudsman.recommendations";
    /** Ombudsman recommendations on their due date, by status: {@link #ON_TIME}, {@link #LATE}, {@link #OUTSTANDING}. */
    public static final String OMBUDSMAN_RECOMMENDATIONS_DUE = "ombudsman.recommendations_due";
    /** Payments the Ombudsman recommended, in pence, on the day the council complied with evidence. */
    public static final String OMBUDSMAN_RECOMMENDATIONS_PAID_PENCE = "ombudsman.recommendations_paid_pence";
    /** A recommendation not (yet) complied with. */
    public static final String OUTSTANDING = "outstanding";
    /** The regime dimension of an Ombudsman enquiry that does not say which complaint it arose from. */
    public static final String REGIME_UNSPECIFIED = "UNSPECIFIED";
    public static final String COSTS_PENCE = "costs.pence";
    /** Spend by the regime of the complaint it was recorded under ({@link #REGIME_UNSPECIFIED}: none): REGIME/CATEGORY. */
    public static final String COSTS_PENCE_BY_REGIME = "costs.pence_by_regime";

    /** The dimension of {@link #COSTS_PENCE_BY_REGIME}: the regime's (or UNSPECIFIED's) name, a slash, the category. */
    public static String costByRegime(String regime, String category) {
        return regime + "/" + category;
    }
    public static final String CONTEXT = "context";
    /**
     * Accepted events held aside until the event they follow arrives, by event type, on the held event's own
     * date: a pure function of the case state, so it drops back when the predecessor arrives.
     */
    public static final String AWAITING = "events.awaiting";

    /** The single dimension of a series that has no breakdown. */
    public static final String ALL = "all";
    /** The two dimensions of a series timed against one target: met it, or did not. */
    public static final String ON_TIME = "on_time";
    public static final String LATE = "late";
    /** The dimension of an Ombudsman enquiry that names no service area. */
    public static final String UNSPECIFIED = "unspecified";

    private static final Pattern STAGE = Pattern.compile("\\.stage(\\d)\\.");

    private Metric() {
    }

    /** The stage a complaint series is about ({@code children.stage2.closed}: 2); empty for others. */
    public static OptionalInt stageOf(String metric) {
        Matcher m = STAGE.matcher(metric);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** How a closed stage is counted in its {@code closed} series: its outcome, or how it ended unanswered. */
    public static String closureDimension(Stage stage) {
        return stage.closure() == Closure.RESPONDED ? stage.outcome().name() : stage.closure().name();
    }

    public static String regime(Regime regime) {
        return regime.name().toLowerCase();
    }

    /** Complaints (stage 1) or escalation requests (stages 2, 3) received, by the date they opened. */
    public static String received(Regime regime, int stage) {
        return regime(regime) + ".stage" + stage + ".received";
    }

    /** Stages closed, by how: an outcome, WITHDRAWN or ESCALATED_UNRESPONDED. */
    public static String closed(Regime regime, int stage) {
        return regime(regime) + ".stage" + stage + ".closed";
    }

    /** Responded stages by timeliness band. */
    public static String timeliness(Regime regime, int stage) {
        return regime(regime) + ".stage" + stage + ".timeliness";
    }

    /** Stage 3 panel reports, on_time or late against 5 working days from the panel (reg 20). */
    public static String panelReport(Regime regime) {
        return regime(regime) + ".stage3.panel_report";
    }

    /** The authority's stage 3 responses, on_time or late against 15 working days from the report (reg 20). */
    public static String responseToReport(Regime regime) {
        return regime(regime) + ".stage3.response_to_report";
    }

    public static String serviceArea(Regime regime) {
        return serviceArea(regime, 1);
    }

    /** Stage 1 complaints (or, corporate, stage 2 requests) by service area, on the date the stage opened. */
    public static String serviceArea(Regime regime, int stage) {
        return regime(regime) + ".stage" + stage + ".service_area";
    }

    public static String complainant(Regime regime) {
        return regime(regime) + ".stage1.complainant";
    }

    /** Cause findings of stage 1 responses, and the upheld ones among them. */
    public static String causes(Regime regime) {
        return regime(regime) + ".stage1.causes";
    }

    public static String causesUpheld(Regime regime) {
        return regime(regime) + ".stage1.causes_upheld";
    }

    public static String actions(Regime regime) {
        return regime(regime) + ".actions";
    }

    /** Upheld stage 1 complaints, split by whether anything beyond an apology was done. */
    public static String upheldFurtherAction(Regime regime) {
        return regime(regime) + ".stage1.upheld_further_action";
    }

    public static String adr(Regime regime) {
        return regime(regime) + ".adr";
    }

    public static String adrResolved(Regime regime) {
        return regime(regime) + ".adr_resolved";
    }

    public static String adrPreventedEscalation(Regime regime) {
        return regime(regime) + ".adr_prevented_escalation";
    }

    /**
     * Adults: complaints reaching the day after six months "beginning on" receipt still open, on that day; and
     * those of them closed later, on their closing date. Their balance is the complaints open past six months.
     */
    public static final String ADULTS_OVER_SIX_MONTHS = "adults.stage1.over_six_months";
    public static final String ADULTS_OVER_SIX_MONTHS_CLOSED = "adults.stage1.over_six_months_closed";

    /** First acknowledgements of a stage, on_time or late (adults: 3 working days; corporate: the Code's). */
    public static String acknowledgement(Regime regime, int stage) {
        return regime(regime) + ".stage" + stage + ".acknowledgement";
    }

    /** Corporate extensions of answered stages against the Code: within, beyond_with_reason, beyond_without_reason. */
    public static String extension(Regime regime, int stage) {
        return regime(regime) + ".stage" + stage + ".extension";
    }

    /** The same corporate series measured against the council's own published timescales instead of the Code's. */
    public static String council(String metric) {
        return metric + ".council";
    }

    /** Corporate complaints the council did not accept, by reason (Complaint Handling Code part 2). */
    public static final String NOT_ACCEPTED = "corporate.not_accepted";
}
