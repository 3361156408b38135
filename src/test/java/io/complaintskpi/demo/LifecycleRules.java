package io.complaintskpi.demo;

import io.complaintskpi.events.ComplaintEvent;
import io.complaintskpi.events.ComplaintEvent.ActionTaken;
import io.complaintskpi.events.ComplaintEvent.AdrHeld;
import io.complaintskpi.events.ComplaintEvent.ComplaintAcknowledged;
import io.complaintskpi.events.ComplaintEvent.ComplaintNotAccepted;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.ComplaintEvent.ComplaintWithdrawn;
import io.complaintskpi.events.ComplaintEvent.ComplimentReceived;
import io.complaintskpi.events.ComplaintEvent.ContextFigureRecorded;
import io.complaintskpi.events.ComplaintEvent.CostIncurred;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanDecision;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanEnquiryReceived;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanRecommendationCompleted;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanRecommendationMade;
import io.complaintskpi.events.ComplaintEvent.PanelHeld;
import io.complaintskpi.events.ComplaintEvent.PanelReportIssued;
import io.complaintskpi.events.ComplaintEvent.StageResponded;
import io.complaintskpi.events.ComplaintEvent.StatementAgreed;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.Timescales;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An independent, deliberately strict reading of the lifecycle rules the demo streams must obey, so the
 * lead's state machine never sends a demo event to the dead-letter topic. Returns every violation found.
 */
final class LifecycleRules {

    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$");

    private LifecycleRules() {
    }

    /** The violations of a children's-only stream (the seed history). */
    static List<String> violations(List<EventEnvelope> events) {
        return violations(events, EnumSet.of(Regime.CHILDREN));
    }

    /** The violations of a stream whose complaints may follow any of {@code regimes}. */
    static List<String> violations(List<EventEnvelope> events, Set<Regime> regimes) {
        Map<String, List<EventEnvelope>> byKey = new LinkedHashMap<>();
        events.forEach(e -> byKey.computeIfAbsent(e.complaintId(), k -> new ArrayList<>()).add(e));
        List<String> violations = new ArrayList<>();
        byKey.forEach((key, keyEvents) -> {
            if (!KEY.matcher(key).matches()) {
                violations.add(key + ": key does not match the contract pattern");
            }
            for (int i = 1; i < keyEvents.size(); i++) {
                if (!keyEvents.get(i).occurredAt().toInstant().isAfter(keyEvents.get(i - 1).occurredAt().toInstant())) {
                    violations.add(key + ": occurredAt not strictly increasing at event " + i);
                }
            }
            String problem = check(keyEvents, regimes);
            if (problem != null) {
                violations.add(key + ": " + problem);
            }
        });
        return violations;
    }

    /** The first broken rule of one key's events (in occurredAt order), or null. */
    private static String check(List<EventEnvelope> events, Set<Regime> regimes) {
        ComplaintEvent first = events.get(0).event();
        if (first instanceof ComplaintReceived) {
            return new ComplaintLifecycle(regimes).check(events);
        }
        if (first instanceof OmbudsmanEnquiryReceived) {
            return ombudsmanCase(events);
        }
        for (int i = 0; i < events.size(); i++) {
            ComplaintEvent event = events.get(i).event();
            boolean allowed = first instanceof CostIncurred ? event instanceof CostIncurred
                    : (first instanceof ComplimentReceived || first instanceof ContextFigureRecorded
                    || first instanceof ComplaintNotAccepted && regimes.contains(Regime.CORPORATE)) && i == 0;
            if (!allowed) {
                return event.eventType() + " not allowed on a key opened by " + first.eventType();
            }
        }
        return null;
    }

    /**
     * An Ombudsman case: the enquiry, then one decision, then (only after an upheld one) its recommendations, each
     * number made once and due on or after the day it is made, each completed at most once and only once made.
     */
    private static String ombudsmanCase(List<EventEnvelope> events) {
        boolean upheld = false;
        Set<Integer> made = new HashSet<>();
        Set<Integer> completed = new HashSet<>();
        for (int i = 1; i < events.size(); i++) {
            ComplaintEvent event = events.get(i).event();
            if (i == 1 && event instanceof OmbudsmanDecision decision) {
                upheld = decision.outcome().faultFound();
            } else if (i > 1 && upheld && event instanceof OmbudsmanRecommendationMade recommendation) {
                if (!made.add(recommendation.recommendation())
                        || recommendation.dueDate().isBefore(events.get(i).businessDate())) {
                    return "recommendation " + recommendation.recommendation() + " made twice or due before it was made";
                }
            } else if (i > 1 && event instanceof OmbudsmanRecommendationCompleted done) {
                if (!made.contains(done.recommendation()) || !completed.add(done.recommendation())) {
                    return "recommendation " + done.recommendation() + " completed before it was made, or twice";
                }
            } else {
                return event.eventType() + " not allowed on a key opened by OmbudsmanEnquiryReceived";
            }
        }
        return null;
    }

    private static final class ComplaintLifecycle {
        private final Set<Regime> regimes;
        private Regime regime;
        private int stage;
        private boolean open;
        private boolean withdrawn;
        private boolean stage1Upheld;
        private boolean panelHeld;
        private boolean reportIssued;

        ComplaintLifecycle(Set<Regime> regimes) {
            this.regimes = regimes;
        }

        String check(List<EventEnvelope> events) {
            for (EventEnvelope envelope : events) {
                String problem = apply(envelope.event());
                if (problem != null) {
                    return envelope.eventType() + " on " + envelope.businessDate() + ": " + problem;
                }
            }
            return null;
        }

        private String apply(ComplaintEvent event) {
            if (event instanceof ComplaintReceived received) {
                if (stage != 0) {
                    return "received twice";
                }
                stage = 1;
                open = true;
                regime = received.regime();
                return regimes.contains(regime) ? null : "a " + regime + " complaint in a stream of " + regimes;
            }
            if (withdrawn) {
                return "after withdrawal";
            }
            if (event instanceof CostIncurred || event instanceof AdrHeld) {
                return null;
            }
            if (event instanceof ActionTaken) {
                return stage1Upheld ? null : "action without an upheld stage 1 response";
            }
            if (event instanceof ComplaintWithdrawn) {
                withdrawn = true;
                return open ? null : "withdrawal of a closed stage";
            }
            if (event instanceof EscalationRequested escalation) {
                if (escalation.toStage() != stage + 1 || open || escalation.toStage() > Timescales.stages(regime)) {
                    return "escalation to " + escalation.toStage() + " from stage " + stage + (open ? " (open)" : "");
                }
                stage = escalation.toStage();
                open = true;
                return null;
            }
            if (!open) {
                return "stage " + stage + " is closed";
            }
            if (event instanceof ComplaintAcknowledged ack) {
                return ack.stage() == stage ? null : "acknowledges stage " + ack.stage() + " at stage " + stage;
            }
            if (event instanceof ExtensionAgreed extension) {
                return extension.stage() == stage && allowed(extension) ? null : "bad extension " + extension;
            }
            if (event instanceof StatementAgreed) {
                return stage == 2 && regime == Regime.CHILDREN ? null : "statement at stage " + stage + " of " + regime;
            }
            if (event instanceof PanelHeld) {
                if (stage != 3 || panelHeld) {
                    return "panel at stage " + stage;
                }
                panelHeld = true;
                return null;
            }
            if (event instanceof PanelReportIssued) {
                if (!panelHeld || reportIssued) {
                    return "report without a panel";
                }
                reportIssued = true;
                return null;
            }
            if (event instanceof StageResponded response) {
                if (response.stage() != stage || (stage == 3 && !reportIssued)) {
                    return "response to stage " + response.stage() + " at stage " + stage;
                }
                if (stage == 1) {
                    stage1Upheld = response.outcome().upheld();
                }
                open = false;
                return null;
            }
            return "not a complaint event";
        }

        /**
         * Children's: a longer limit within the statutory range; corporate: longer than the Code's (the council
         * decides, beyond the Code counts against it); adults': a date agreed with the complainant.
         */
        private boolean allowed(ExtensionAgreed extension) {
            return switch (regime) {
                case CHILDREN -> stage < 3 && extension.workingDays() != null
                        && extension.workingDays() <= (stage == 1 ? 20 : 65);
                case CORPORATE -> extension.workingDays() != null && extension.workingDays() > (stage == 1 ? 10 : 20)
                        && extension.agreedDate() == null;
                case ADULTS -> extension.workingDays() == null && extension.agreedDate() != null;
            };
        }
    }
}
