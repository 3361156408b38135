package io.complaintskpi.contributions;

import io.complaintskpi.series.KpiKey;

import io.complaintskpi.events.ActionKind;
import io.complaintskpi.events.CauseFinding;
import io.complaintskpi.events.ComplaintEvent;
import io.complaintskpi.events.ComplaintEvent.AdrHeld;
import io.complaintskpi.events.ComplaintEvent.ComplaintNotAccepted;
import io.complaintskpi.events.ComplaintEvent.ComplimentReceived;
import io.complaintskpi.events.ComplaintEvent.ContextFigureRecorded;
import io.complaintskpi.events.ComplaintEvent.CostIncurred;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanDecision;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanEnquiryReceived;
import io.complaintskpi.events.RecommendationKind;
import io.complaintskpi.events.Regime;
import io.complaintskpi.lifecycle.Awaiting;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.Complaint;
import io.complaintskpi.lifecycle.CorporateClock;
import io.complaintskpi.lifecycle.Dated;
import io.complaintskpi.lifecycle.DueDates;
import io.complaintskpi.lifecycle.Recommendation;
import io.complaintskpi.lifecycle.Stage;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.TimelinessBand;
import io.complaintskpi.rules.Timescales;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps one key's whole state to the daily buckets it counts in. The stream keeps only the difference
 * between a key's contributions before and after each event, so a correction, a late event or a
 * withdrawal fixes every figure it touches without a special case. Adding a KPI is adding a line here.
 */
public final class Contributions {

    private final DueDates dueDates;

    public Contributions(DueDates dueDates) {
        this.dueDates = dueDates;
    }

    public Map<KpiKey, Long> of(CaseState state) {
        Map<KpiKey, Long> out = new HashMap<>();
        if (state == null) {
            return out;
        }
        Sink sink = new Sink(state.authority(), out);
        if (state.complaint() != null) {
            complaint(state.complaint(), sink);
        }
        Map<List<Object>, Dated<ContextFigureRecorded>> latestFigures = new LinkedHashMap<>();
        for (Dated<ComplaintEvent> entry : state.ledger()) {
            ComplaintEvent event = entry.value();
            LocalDate on = entry.on();
            if (event instanceof CostIncurred cost) {
                sink.add(Metric.COSTS_PENCE, cost.category().name(), on, cost.amountPence());
                String regime = state.complaint() == null ? Metric.REGIME_UNSPECIFIED : state.complaint().regime().name();
                sink.add(Metric.COSTS_PENCE_BY_REGIME, Metric.costByRegime(regime, cost.category().name()), on,
                        cost.amountPence());
            } else if (event instanceof ComplaintNotAccepted refused) {
                sink.add(Metric.NOT_ACCEPTED, refused.reason().name(), on, 1);
            } else if (event instanceof ComplimentReceived compliment) {
                sink.add(Metric.COMPLIMENTS, compliment.serviceArea(), on, 1);
            } else if (event instanceof OmbudsmanEnquiryReceived enquiry) {
                sink.add(Metric.OMBUDSMAN_ENQUIRIES,
                        enquiry.serviceArea() == null ? Metric.UNSPECIFIED : enquiry.serviceArea(), on, 1);
                sink.add(Metric.OMBUDSMAN_ENQUIRIES_BY_REGIME, ombudsmanRegime(state), on, 1);
            } else if (event instanceof OmbudsmanDecision decision) {
                sink.add(Metric.OMBUDSMAN_DECISIONS, decision.outcome().name(), on, 1);
                sink.add(Metric.OMBUDSMAN_REMEDY_PENCE, Metric.ALL, on, decision.remedyPence());
                String regime = ombudsmanRegime(state);
                sink.add(Metric.OMBUDSMAN_DECISIONS_BY_REGIME, regime, on, 1);
                if (decision.outcome().faultFound()) {
                    sink.add(Metric.OMBUDSMAN_FAULT_BY_REGIME, regime, on, 1);
                }
                if (decision.outcome().detailedInvestigation()) {
                    sink.add(Metric.OMBUDSMAN_DETAILED_BY_REGIME, regime, on, 1);
                }
            } else if (event instanceof ContextFigureRecorded figure) {
                // A later record for the same figure and year replaces the earlier one.
                latestFigures.put(List.of(figure.figure(), figure.financialYear()), new Dated<>(on, figure));
            } else if (event instanceof AdrHeld adr && state.complaint() != null) {
                Regime regime = state.complaint().regime();
                sink.add(Metric.adr(regime), adr.kind().name(), on, 1);
                if (adr.resolved()) {
                    sink.add(Metric.adrResolved(regime), adr.kind().name(), on, 1);
                }
                if (adr.preventedEscalation()) {
                    sink.add(Metric.adrPreventedEscalation(regime), adr.kind().name(), on, 1);
                }
            }
        }
        recommendations(state, sink);
        for (Awaiting held : state.awaiting()) {
            // Dated on its own date, where it will count once its predecessor arrives.
            sink.add(Metric.AWAITING, held.event().eventType(), held.event().businessDate(), 1);
        }
        for (Dated<ContextFigureRecorded> figure : latestFigures.values()) {
            LocalDate yearStart = FinancialYear.parse(figure.value().financialYear()).start();
            sink.add(Metric.CONTEXT, figure.value().figure().name(), yearStart, figure.value().value());
        }
        return out;
    }

    /** The regime an Ombudsman case's enquiry says it arose from; decisions follow their enquiry. */
    private static String ombudsmanRegime(CaseState state) {
        return state.ombudsmanEnquiry().map(OmbudsmanEnquiryReceived::regime).map(Regime::name)
                .orElse(Metric.REGIME_UNSPECIFIED);
    }

    /**
     * Each recommendation: made (by kind) on its day; due on its due date, as complied with on time, late or still
     * outstanding (so the figures of a period move from outstanding to late or on time as completions arrive); a
     * payment's amount on the day it was complied with.
     */
    private static void recommendations(CaseState state, Sink sink) {
        for (Recommendation r : state.recommendations()) {
            sink.add(Metric.OMBUDSMAN_RECOMMENDATIONS, r.kind().name(), r.madeOn(), 1);
            String status = !r.completed() ? Metric.OUTSTANDING : onTime(r.completedOnTime());
            sink.add(Metric.OMBUDSMAN_RECOMMENDATIONS_DUE, status, r.due(), 1);
            if (r.completed() && r.kind() == RecommendationKind.PAYMENT) {
                sink.add(Metric.OMBUDSMAN_RECOMMENDATIONS_PAID_PENCE, Metric.ALL, r.completedOn(), r.amountPence());
            }
        }
    }

    private void complaint(Complaint complaint, Sink sink) {
        Regime regime = complaint.regime();
        LocalDate received = complaint.receivedOn();
        sink.add(Metric.serviceArea(regime), complaint.serviceArea(), received, 1);
        sink.add(Metric.complainant(regime), complaint.complainantType().name(), received, 1);
        for (Stage stage : complaint.stages()) {
            sink.add(Metric.received(regime, stage.number()), Metric.ALL, stage.openedOn(), 1);
            if (regime == Regime.CORPORATE && stage.number() == 2) {
                sink.add(Metric.serviceArea(regime, 2), complaint.serviceArea(), stage.openedOn(), 1);
            }
            if (!stage.isOpen()) {
                sink.add(Metric.closed(regime, stage.number()), Metric.closureDimension(stage), stage.closedOn(), 1);
            }
            timeliness(complaint, stage, sink);
        }
        for (Dated<ActionKind> action : complaint.actions()) {
            sink.add(Metric.actions(regime), action.value().name(), action.on(), 1);
        }
        complaint.stage(1).filter(Stage::responded).ifPresent(first -> {
            for (CauseFinding finding : first.causes()) {
                sink.add(Metric.causes(regime), finding.cause().name(), first.closedOn(), 1);
                if (finding.upheld()) {
                    sink.add(Metric.causesUpheld(regime), finding.cause().name(), first.closedOn(), 1);
                }
            }
            if (first.outcome().upheld()) {
                boolean further = complaint.actions().stream().anyMatch(a -> a.value() != ActionKind.APOLOGY);
                sink.add(Metric.upheldFurtherAction(regime), Boolean.toString(further), first.closedOn(), 1);
            }
        });
        if (regime == Regime.ADULTS) {
            Stage first = complaint.stages().get(0);
            // Open past six months beginning on receipt (SI 2009/309 reg 14(2)): counted from the day after.
            LocalDate reached = Timescales.monthsBeginningOn(received, Timescales.SIX_MONTHS).plusDays(1);
            if (first.isOpen() || !first.closedOn().isBefore(reached)) {
                sink.add(Metric.ADULTS_OVER_SIX_MONTHS, Metric.ALL, reached, 1);
                if (!first.isOpen()) {
                    sink.add(Metric.ADULTS_OVER_SIX_MONTHS_CLOSED, Metric.ALL, first.closedOn(), 1);
                }
            }
            if (first.acknowledgedOn() != null) {
                boolean inTime = !first.acknowledgedOn().isAfter(dueDates.acknowledgementDue(complaint));
                sink.add(Metric.acknowledgement(regime, 1), onTime(inTime), first.acknowledgedOn(), 1);
            }
        }
    }

    /**
     * A corporate stage, measured twice: against the Complaint Handling Code's timescales and against the council's
     * own (the same when it publishes none). The first acknowledgement on its date; the response and any extension
     * on the response date.
     */
    private void corporate(Complaint complaint, Stage stage, Sink sink) {
        Regime regime = complaint.regime();
        int n = stage.number();
        measure(dueDates.code(), stage, sink, Metric.acknowledgement(regime, n), Metric.timeliness(regime, n),
                Metric.extension(regime, n));
        measure(dueDates.council(complaint), stage, sink, Metric.council(Metric.acknowledgement(regime, n)),
                Metric.council(Metric.timeliness(regime, n)), Metric.council(Metric.extension(regime, n)));
    }

    private static void measure(CorporateClock clock, Stage stage, Sink sink, String acknowledgement,
                                String timeliness, String extension) {
        if (stage.acknowledgedOn() != null) {
            sink.add(acknowledgement, onTime(clock.acknowledgedInTime(stage)), stage.acknowledgedOn(), 1);
        }
        if (stage.responded()) {
            sink.add(timeliness, onTime(clock.respondedInTime(stage)), stage.closedOn(), 1);
            CorporateClock.ExtensionCompliance compliance = clock.extension(stage);
            if (compliance != null) {
                sink.add(extension, compliance.key(), stage.closedOn(), 1);
            }
        }
    }

    private static String onTime(boolean inTime) {
        return inTime ? Metric.ON_TIME : Metric.LATE;
    }

    private void timeliness(Complaint complaint, Stage stage, Sink sink) {
        Regime regime = complaint.regime();
        if (regime == Regime.CORPORATE) {
            corporate(complaint, stage, sink);
            return;
        }
        if (regime == Regime.ADULTS) {
            if (stage.responded()) {
                boolean onTime = !stage.closedOn().isAfter(dueDates.due(complaint, stage));
                sink.add(Metric.timeliness(regime, 1), onTime(onTime), stage.closedOn(), 1);
            }
            return;
        }
        if (stage.number() == 3) {
            // Stage 3 has three deadlines in a row (reg 19(4), 20): the panel meets within 30 working days
            // of the request, reports within 5 of the meeting, the authority responds within 15 of the report.
            if (stage.panelHeldOn() != null) {
                int days = dueDates.calendar().workingDaysBetween(stage.openedOn(), stage.panelHeldOn());
                sink.add(Metric.timeliness(regime, 3), TimelinessBand.of(3, days).key(), stage.panelHeldOn(), 1);
            }
            if (stage.panelReportOn() != null) {
                onTime(Metric.panelReport(regime), stage.panelHeldOn(), stage.panelReportOn(),
                        Timescales.CHILDREN_PANEL_REPORT_DAYS, sink);
            }
            if (stage.responded()) {
                onTime(Metric.responseToReport(regime), stage.panelReportOn(), stage.closedOn(),
                        Timescales.CHILDREN_STAGE3_RESPONSE_DAYS, sink);
            }
            return;
        }
        if (stage.responded()) {
            int days = dueDates.workingDaysTaken(complaint, stage);
            sink.add(Metric.timeliness(regime, stage.number()), TimelinessBand.of(stage.number(), days).key(),
                    stage.closedOn(), 1);
        }
    }

    private void onTime(String metric, LocalDate from, LocalDate on, int workingDays, Sink sink) {
        sink.add(metric, onTime(dueDates.calendar().isOnTime(from, on, workingDays)), on, 1);
    }

    /** The change that turns {@code before} into {@code after}: only keys whose amount moved. */
    public static Map<KpiKey, Long> delta(Map<KpiKey, Long> before, Map<KpiKey, Long> after) {
        Map<KpiKey, Long> delta = new HashMap<>();
        before.forEach((key, amount) -> delta.merge(key, -amount, Long::sum));
        after.forEach((key, amount) -> delta.merge(key, amount, Long::sum));
        delta.values().removeIf(amount -> amount == 0L);
        return delta;
    }

    private record Sink(String authority, Map<KpiKey, Long> out) {
        void add(String metric, String dimension, LocalDate on, long amount) {
            out.merge(new KpiKey(authority, metric, dimension, on), amount, Long::sum);
        }
    }
}
