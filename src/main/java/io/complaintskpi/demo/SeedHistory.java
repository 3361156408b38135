package io.complaintskpi.demo;

import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.demo.EscalationPlan.Adjudicated;
import io.complaintskpi.demo.EscalationPlan.Completed;
import io.complaintskpi.demo.EscalationPlan.Open;
import io.complaintskpi.demo.EscalationPlan.SettledByMediation;
import io.complaintskpi.demo.EscalationPlan.Stage3Plan;
import io.complaintskpi.demo.EscalationPlan.Withdrawn;
import io.complaintskpi.demo.SeedYear.Bands;
import io.complaintskpi.demo.SeedYears.OmbudsmanCase;
import io.complaintskpi.events.ActionKind;
import io.complaintskpi.events.AdrKind;
import io.complaintskpi.events.CauseFinding;
import io.complaintskpi.events.ComplainantType;
import io.complaintskpi.events.ComplaintEvent.ActionTaken;
import io.complaintskpi.events.ComplaintEvent.AdrHeld;
import io.complaintskpi.events.ComplaintEvent.ComplaintAcknowledged;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.ComplaintEvent.ComplaintWithdrawn;
import io.complaintskpi.events.ComplaintEvent.ComplimentReceived;
import io.complaintskpi.events.ComplaintEvent.ContextFigureRecorded;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanDecision;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanEnquiryReceived;
import io.complaintskpi.events.ComplaintEvent.PanelHeld;
import io.complaintskpi.events.ComplaintEvent.PanelReportIssued;
import io.complaintskpi.events.ComplaintEvent.StageResponded;
import io.complaintskpi.events.ComplaintEvent.StatementAgreed;
import io.complaintskpi.events.CostCategory;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.FinancialYear;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Three financial years (2013/14 to 2015/16) of Leicestershire children's social care complaints as
 * events, built so that the service's KPIs reproduce every figure of the seed annual report
 * (see {@code fixtures/NOTES.md}). Deterministic: a fixed seed, fixed plans, ids derived from keys.
 */
public final class SeedHistory {

    /** Leicestershire County Council's GSS code. */
    public static final String AUTHORITY = "E10000018";
    public static final FinancialYear FIRST_YEAR = SeedYears.SEED.first().year();
    public static final FinancialYear LAST_YEAR = SeedYears.SEED.last().year();

    private static final long SEED = 20_160_331L;
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();
    private static final Set<Outcome> DISSATISFIED =
            EnumSet.of(Outcome.NOT_UPHELD, Outcome.PARTLY_UPHELD, Outcome.NO_FINDING);

    private final Random random = new Random(SEED);
    private final Timeline timeline = new Timeline(AUTHORITY);
    private final CostLedger costs = new CostLedger();
    /** Stage 1 responses not yet taken further: candidates for an escalation or an ADR meeting. */
    private final List<Responded> responded = new ArrayList<>();

    private SeedHistory() {
    }

    /** The whole history in publication order (by occurredAt). */
    public static List<EventEnvelope> events() {
        return new SeedHistory().build();
    }

    private List<EventEnvelope> build() {
        List<Received> carried = List.of();
        for (SeedYear year : SeedYears.SEED.years()) {
            carried = stageOne(year, carried);
        }
        // Whatever is carried out of the last year stays open at stage 1.
        for (SeedYear year : SeedYears.SEED.years()) {
            year.escalations().forEach(this::escalate);
        }
        for (SeedYear year : SeedYears.SEED.years()) {
            year.conciliations().forEach(date -> successfulAdr(date, AdrKind.CONCILIATION));
            year.mediations().forEach(date -> successfulAdr(date, AdrKind.MEDIATION));
        }
        SeedYears.SEED.years().forEach(this::compliments);
        ombudsman();
        SeedYears.SEED.years().forEach(this::context);
        costs.book(SeedYears.SEED.years(), timeline, random);
        return timeline.envelopes(random);
    }

    // ---- stage 1 ----------------------------------------------------------------------------------

    /** Receives the year's complaints and closes the year's stage 1 resolutions; returns the carried ones. */
    private List<Received> stageOne(SeedYear year, List<Received> carriedIn) {
        List<Received> received = receive(year);
        int staying = received.size() - SeedYear.CARRIED_OVER;
        List<Received> resolving = new ArrayList<>(carriedIn);
        resolving.addAll(received.subList(0, staying));
        List<Resolution> plans = resolutions(year);
        if (plans.size() != resolving.size()) {
            throw new IllegalStateException(year.year() + ": " + plans.size() + " stage 1 resolutions planned for "
                    + resolving.size() + " complaints");
        }
        arrange(resolving, plans, year.year());
        for (int i = 0; i < plans.size(); i++) {
            resolve(resolving.get(i), plans.get(i));
        }
        return received.subList(staying, received.size());
    }

    /** Receipts through the year; the last few fall in late March and close in the next year. */
    private List<Received> receive(SeedYear year) {
        FinancialYear fy = year.year();
        List<LocalDate> dates = spread(year.received() - SeedYear.CARRIED_OVER, fy.start(), fy.end().minusDays(18));
        dates.addAll(spread(SeedYear.CARRIED_OVER, fy.end().minusDays(15), fy.end().minusDays(5)));
        List<String> areas = shuffled(expand(year.serviceAreas()));
        List<ComplainantType> types = shuffled(expand(year.complainants()));
        List<Received> received = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            String key = String.format("CS-%d-%03d", fy.startYear(), i + 1);
            LocalDate on = dates.get(i);
            timeline.add(key, on, new ComplaintReceived(Regime.CHILDREN, areas.get(i), types.get(i), null));
            timeline.add(key, CALENDAR.addWorkingDays(on, 1), new ComplaintAcknowledged(1));
            received.add(new Received(key, on));
        }
        return received;
    }

    /** The year's stage 1 closures: outcomes with their cause findings, speed and actions; withdrawals. */
    private List<Resolution> resolutions(SeedYear year) {
        List<Outcome> outcomes = shuffled(expand(year.outcomes()));
        List<List<CauseFinding>> causes = CauseAllocator.allocate(outcomes, year.causes());
        List<Timing> timings = shuffled(timings(year.bands()));
        List<Integer> upheld = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).upheld()) {
                upheld.add(i);
            }
        }
        upheld = shuffled(upheld);
        if (upheld.size() < year.furtherActions().size()) {
            throw new IllegalStateException(year.year() + ": more further actions than upheld complaints");
        }
        ActionKind[] further = new ActionKind[outcomes.size()];
        for (int i = 0; i < year.furtherActions().size(); i++) {
            further[upheld.get(i)] = year.furtherActions().get(i);
        }
        List<Resolution> plans = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            plans.add(new Resolution(outcomes.get(i), causes.get(i), timings.get(i), further[i]));
        }
        for (int i = 0; i < year.withdrawn(); i++) {
            plans.add(new Resolution(null, List.of(), new Timing(4 + random.nextInt(12), false), null));
        }
        return shuffled(plans);
    }

    /** Working days to respond, per band of table 4: within 10, 11 to 20, over 20. */
    private List<Timing> timings(Bands bands) {
        List<Timing> timings = new ArrayList<>();
        for (int i = 0; i < bands.within10(); i++) {
            timings.add(new Timing(3 + random.nextInt(7), false));
        }
        for (int i = 0; i < bands.within20(); i++) {
            timings.add(new Timing(12 + random.nextInt(8), i < bands.extendedWithin20()));
        }
        for (int i = 0; i < bands.over20(); i++) {
            timings.add(new Timing(22 + random.nextInt(9), i < bands.extendedOver20()));
        }
        return timings;
    }

    /** Swaps plans until every complaint closes inside the year it is counted in. */
    private static void arrange(List<Received> complaints, List<Resolution> plans, FinancialYear year) {
        for (int i = 0; i < plans.size(); i++) {
            if (fits(complaints.get(i), plans.get(i), year)) {
                continue;
            }
            int swap = -1;
            for (int j = 0; j < plans.size() && swap < 0; j++) {
                if (fits(complaints.get(i), plans.get(j), year) && fits(complaints.get(j), plans.get(i), year)) {
                    swap = j;
                }
            }
            if (swap < 0) {
                throw new IllegalStateException(year + ": no plan closes " + complaints.get(i) + " in the year");
            }
            Collections.swap(plans, i, swap);
        }
    }

    private static boolean fits(Received complaint, Resolution plan, FinancialYear year) {
        return year.contains(CALENDAR.addWorkingDays(complaint.on(), plan.timing().workingDays()));
    }

    private void resolve(Received complaint, Resolution plan) {
        String key = complaint.key();
        LocalDate closed = CALENDAR.addWorkingDays(complaint.on(), plan.timing().workingDays());
        if (plan.timing().extended()) {
            timeline.add(key, CALENDAR.addWorkingDays(complaint.on(), 7), new ExtensionAgreed(1, 20, null));
        }
        if (plan.outcome() == null) {
            timeline.add(key, closed, new ComplaintWithdrawn());
            return;
        }
        timeline.add(key, closed, new StageResponded(1, plan.outcome(), plan.causes()));
        if (plan.outcome().upheld()) {
            timeline.add(key, closed, new ActionTaken(ActionKind.APOLOGY));
        }
        if (plan.furtherAction() != null) {
            timeline.add(key, closed, new ActionTaken(plan.furtherAction()));
        }
        responded.add(new Responded(key, closed, plan.outcome()));
    }

    // ---- stages 2 and 3, ADR ----------------------------------------------------------------------

    private void escalate(EscalationPlan plan) {
        LocalDate requested = CALENDAR.effectiveReceipt(plan.requested());
        boolean adrFirst = plan.adrBefore() != null;
        Responded complaint = pick(requested, adrFirst ? 10 : 5, 30, DISSATISFIED);
        String key = complaint.key();
        if (adrFirst) {
            int gap = CALENDAR.workingDaysBetween(complaint.closed(), requested);
            adr(key, CALENDAR.addWorkingDays(complaint.closed(), gap - 4), plan.adrBefore(), false);
        }
        timeline.add(key, requested, new EscalationRequested(2));
        timeline.add(key, CALENDAR.addWorkingDays(requested, 2), new ComplaintAcknowledged(2));
        if (plan.fate() instanceof Withdrawn withdrawn) {
            timeline.add(key, CALENDAR.addWorkingDays(requested, withdrawn.afterDays()), new ComplaintWithdrawn());
        } else if (plan.fate() instanceof Open open && open.statementAfterDays() != null) {
            agreeStatement(key, CALENDAR.addWorkingDays(requested, open.statementAfterDays()));
        } else if (plan.fate() instanceof Adjudicated adjudicated) {
            LocalDate statement = CALENDAR.addWorkingDays(requested, adjudicated.statementAfterDays());
            agreeStatement(key, statement);
            if (adjudicated.responseDays() > 25) {
                timeline.add(key, CALENDAR.addWorkingDays(statement, 20), new ExtensionAgreed(2, 65, null));
            }
            LocalDate decided = CALENDAR.addWorkingDays(statement, adjudicated.responseDays());
            timeline.add(key, decided, new StageResponded(2, adjudicated.outcome(), List.of()));
            investigationCosts(key, decided, 0.7);
            if (adjudicated.stage3() != null) {
                stage3(key, decided, adjudicated.stage3());
            }
        }
    }

    private void agreeStatement(String key, LocalDate on) {
        timeline.add(key, on, new StatementAgreed());
        investigationCosts(key, on, 0.3);
    }

    /** The Investigating Officer and the Independent Person invoice at the start and at the end. */
    private void investigationCosts(String key, LocalDate on, double weight) {
        costs.occasion(key, on, CostCategory.INVESTIGATING_OFFICER, weight);
        costs.occasion(key, on, CostCategory.INDEPENDENT_PERSON, weight);
    }

    private void stage3(String key, LocalDate adjudicated, Stage3Plan plan) {
        LocalDate requested = CALENDAR.addWorkingDays(adjudicated, plan.requestAfterDays());
        timeline.add(key, requested, new EscalationRequested(3));
        timeline.add(key, CALENDAR.addWorkingDays(requested, 2), new ComplaintAcknowledged(3));
        if (plan.fate() instanceof SettledByMediation settled) {
            timeline.add(key, CALENDAR.addWorkingDays(requested, settled.afterDays()), new ComplaintWithdrawn());
        } else if (plan.fate() instanceof Completed completed) {
            LocalDate panel = CALENDAR.addWorkingDays(requested, completed.panelAfterDays());
            LocalDate report = CALENDAR.addWorkingDays(panel, completed.reportAfterDays());
            timeline.add(key, panel, new PanelHeld());
            costs.occasion(key, panel, CostCategory.STAGE3_PANEL, 1.0);
            timeline.add(key, report, new PanelReportIssued());
            timeline.add(key, CALENDAR.addWorkingDays(report, completed.responseAfterDays()),
                    new StageResponded(3, completed.outcome(), List.of()));
        }
    }

    /** A meeting after a stage 1 response that settled the complaint, so it never went to stage 2. */
    private void successfulAdr(LocalDate date, AdrKind kind) {
        LocalDate on = CALENDAR.effectiveReceipt(date);
        adr(pick(on, 3, 30, DISSATISFIED).key(), on, kind, true);
    }

    private void adr(String key, LocalDate on, AdrKind kind, boolean settled) {
        timeline.add(key, on, new AdrHeld(kind, settled, settled));
        if (kind == AdrKind.MEDIATION) {
            // The external mediator bills the session and, a few days later, the write-up.
            costs.occasion(key, on, CostCategory.MEDIATION, 0.7);
            costs.occasion(key, CALENDAR.addWorkingDays(on, 3), CostCategory.MEDIATION, 0.3);
        }
    }

    /** The not yet used stage 1 response closest before {@code on}, between min and max working days. */
    private Responded pick(LocalDate on, int minDays, int maxDays, Set<Outcome> outcomes) {
        Responded chosen = responded.stream()
                .filter(r -> outcomes.contains(r.outcome()) && r.closed().isBefore(on))
                .filter(r -> {
                    int gap = CALENDAR.workingDaysBetween(r.closed(), on);
                    return gap >= minDays && gap <= maxDays;
                })
                .min(Comparator.comparingInt(r -> CALENDAR.workingDaysBetween(r.closed(), on)))
                .orElseThrow(() -> new IllegalStateException("no stage 1 response " + minDays + " to " + maxDays
                        + " working days before " + on + " with an outcome in " + outcomes));
        responded.remove(chosen);
        return chosen;
    }

    // ---- keys of their own ------------------------------------------------------------------------

    private void compliments(SeedYear year) {
        List<String> areas = shuffled(expand(year.compliments()));
        List<LocalDate> dates = spread(areas.size(), year.year().start(), year.year().end());
        for (int i = 0; i < dates.size(); i++) {
            String key = String.format("CMP-%d-%03d", year.year().startYear(), i + 1);
            timeline.add(key, dates.get(i), new ComplimentReceived(areas.get(i)));
        }
    }

    private void ombudsman() {
        for (OmbudsmanCase ombudsman : SeedYears.SEED.ombudsman()) {
            timeline.add(ombudsman.reference(), CALENDAR.effectiveReceipt(ombudsman.received()),
                    new OmbudsmanEnquiryReceived(ombudsman.serviceArea()));
            if (ombudsman.decided() != null) {
                timeline.add(ombudsman.reference(), CALENDAR.effectiveReceipt(ombudsman.decided()),
                        new OmbudsmanDecision(ombudsman.outcome(), ombudsman.remedyPence()));
            }
        }
        SeedYears.Redress redress = SeedYears.SEED.redress();
        costs.occasion(redress.reference(), redress.paid(), CostCategory.FINANCIAL_REDRESS, 1.0);
    }

    private void context(SeedYear year) {
        year.context().forEach((figure, value) -> timeline.add(
                "CTX-" + figure.name().replace('_', '-') + "-" + year.year().label(),
                year.contextRecordedOn(), new ContextFigureRecorded(figure, year.year().label(), value)));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** {@code count} working days in date order, one at random in each equal slice of the span. */
    private List<LocalDate> spread(int count, LocalDate from, LocalDate to) {
        long span = ChronoUnit.DAYS.between(from, to) + 1;
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long sliceStart = span * i / count;
            long sliceLength = Math.max(1, span * (i + 1) / count - sliceStart);
            dates.add(CALENDAR.effectiveReceipt(from.plusDays(sliceStart + random.nextInt((int) sliceLength))));
        }
        return dates;
    }

    private <T> List<T> shuffled(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static <T> List<T> expand(Map<T, Integer> counts) {
        List<T> items = new ArrayList<>();
        counts.forEach((item, count) -> items.addAll(Collections.nCopies(count, item)));
        return items;
    }

    private record Received(String key, LocalDate on) {
    }

    private record Timing(int workingDays, boolean extended) {
    }

    /** How one stage 1 closes: {@code outcome} null means withdrawn. */
    private record Resolution(Outcome outcome, List<CauseFinding> causes, Timing timing, ActionKind furtherAction) {
    }

    private record Responded(String key, LocalDate closed, Outcome outcome) {
    }
}
