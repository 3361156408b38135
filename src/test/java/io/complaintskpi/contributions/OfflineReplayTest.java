package io.complaintskpi.contributions;

import io.complaintskpi.figures.Figure;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.figures.KpiSnapshot;
import io.complaintskpi.figures.Rate;

import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.events.ActionKind;
import io.complaintskpi.events.AdrKind;
import io.complaintskpi.events.Cause;
import io.complaintskpi.events.CauseFinding;
import io.complaintskpi.events.ComplainantType;
import io.complaintskpi.events.ComplaintEvent;
import io.complaintskpi.events.ComplaintEvent.ActionTaken;
import io.complaintskpi.events.ComplaintEvent.AdrHeld;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.ComplaintEvent.ComplaintWithdrawn;
import io.complaintskpi.events.ComplaintEvent.ComplimentReceived;
import io.complaintskpi.events.ComplaintEvent.ContextFigureRecorded;
import io.complaintskpi.events.ComplaintEvent.CostIncurred;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanDecision;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanEnquiryReceived;
import io.complaintskpi.events.ComplaintEvent.StageResponded;
import io.complaintskpi.events.ContextFigure;
import io.complaintskpi.events.CostCategory;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.OmbudsmanOutcome;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.events.Regime;
import io.complaintskpi.lifecycle.DueDates;
import io.complaintskpi.lifecycle.LifecycleMachine;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import io.complaintskpi.rules.Stage2ClockStart;
import io.complaintskpi.rules.Timescales;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineReplayTest {

    private static final String AUTHORITY = "E10000018";

    private static final OfflineReplay REPLAY = replay();

    private static OfflineReplay replay() {
        Timescales timescales = Timescales.statutory();
        DueDates dueDates = new DueDates(WorkingDayCalendar.englandAndWales(), timescales, Stage2ClockStart.DEFAULT);
        return new OfflineReplay(new LifecycleMachine(timescales), new Contributions(dueDates));
    }

    private final List<EventEnvelope> events = new ArrayList<>();

    private EventEnvelope on(String date, String key, ComplaintEvent event) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), OffsetDateTime.parse(date + "T10:00:00+01:00"),
                key, AUTHORITY, 1, event);
        events.add(envelope);
        return envelope;
    }

    /** The figures each kind of event makes; streams.OfflineReplayTopologyTest compares them with the topology's. */
    @Test
    void foldsEventsIntoTheFiguresOfEachTable() {
        on("2015-06-01", "C-1", new ComplaintReceived(Regime.CHILDREN, "First Response",
                ComplainantType.CHILD_OR_YOUNG_PERSON, null));
        on("2015-06-10", "C-1", new StageResponded(1, Outcome.PARTLY_UPHELD, List.of(
                new CauseFinding(Cause.DELAYS_IN_PROVIDING_SERVICES, true), new CauseFinding(Cause.FAIRNESS, false))));
        on("2015-06-11", "C-1", new ActionTaken(ActionKind.APOLOGY));
        on("2015-06-12", "C-1", new ActionTaken(ActionKind.REIMBURSEMENT));
        on("2015-07-01", "C-1", new EscalationRequested(2));
        on("2015-07-10", "C-1", new AdrHeld(AdrKind.CONCILIATION, true, true));
        on("2015-09-01", "C-2", new ComplaintReceived(Regime.CHILDREN, "Fostering", ComplainantType.PARENT, null));
        on("2015-09-05", "C-2", new ComplaintWithdrawn());
        EventEnvelope open = on("2016-03-01", "C-3",
                new ComplaintReceived(Regime.CHILDREN, "Fostering", ComplainantType.PARENT, null));
        events.add(open); // redelivered: counts once
        EventEnvelope orphan = on("2015-10-01", "C-4", new StageResponded(1, Outcome.NOT_UPHELD, List.of()));
        on("2015-10-01", "COMP-1", new ComplimentReceived("First Response"));
        on("2015-11-01", "COST-1", new CostIncurred(CostCategory.INVESTIGATING_OFFICER, 123_456));
        on("2015-08-01", "LGO-1", new OmbudsmanEnquiryReceived("First Response"));
        on("2015-12-01", "LGO-1", new OmbudsmanDecision(OmbudsmanOutcome.UPHELD_MALADMINISTRATION_INJUSTICE, 30_000));
        on("2016-04-10", "CTX-2015", new ContextFigureRecorded(ContextFigure.REFERRALS, "2015/16", 3900));
        on("2016-04-11", "CTX-2015", new ContextFigureRecorded(ContextFigure.REFERRALS, "2015/16", 3953));

        OfflineReplay.Result result = REPLAY.replay(events);

        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.event()).isEqualTo(orphan);
            assertThat(r.reason()).contains("no complaint received");
        });
        assertThat(result.accepted()).isEqualTo(events.size() - 2);

        KpiSnapshot year = new KpiEvaluator(result.series())
                .snapshot(AUTHORITY, Period.financialYear(FinancialYear.parse("2015/16")));
        assertThat(result.series().authorities()).containsExactly(AUTHORITY);
        assertThat(year.figure("stage1.received").count()).isEqualTo(3);
        assertThat(year.figure("stage2.received").count()).isEqualTo(1);
        assertThat(year.figure("escalation.rate").rate()).isEqualTo(Rate.of(1, 3));
        assertThat(year.figure("complainant.children").count()).isEqualTo(1);
        assertThat(year.figure("complainant.others").count()).isEqualTo(2);
        assertThat(year.figure("stage1.resolved").count()).isEqualTo(2);
        assertThat(year.figure("stage1.outcome.withdrawn").count()).isEqualTo(1);
        assertThat(year.figure("stage1.upheld.rate").rate()).isEqualTo(Rate.of(1, 2));
        assertThat(year.figure("stage1.timeliness.within10.rate").rate()).isEqualTo(Rate.of(1, 1));
        assertThat(year.find("causes.resolved", "FAIRNESS").orElseThrow().count()).isEqualTo(1);
        assertThat(year.find("causes.uphold.rate", "DELAYS_IN_PROVIDING_SERVICES").orElseThrow().rate())
                .isEqualTo(Rate.of(1, 1));
        assertThat(year.figure("actions.beyond_apology.rate").rate()).isEqualTo(Rate.of(1, 1));
        assertThat(year.all("actions.taken")).filteredOn(f -> f.count() > 0).extracting(Figure::dimension)
                .containsExactly("APOLOGY", "REIMBURSEMENT");
        assertThat(year.figure("adr.conciliation.resolved.rate").rate()).isEqualTo(Rate.of(1, 1));
        assertThat(year.figure("adr.escalations_prevented").count()).isEqualTo(1);
        assertThat(year.figure("stage1.open").count()).isEqualTo(1);
        assertThat(year.figure("stage2.open").count()).isEqualTo(1);
        assertThat(year.figure("compliments.received").count()).isEqualTo(1);
        assertThat(year.figure("costs.investigating_officer").count()).isEqualTo(123_456);
        assertThat(year.figure("ombudsman.uphold.rate").rate()).isEqualTo(Rate.of(1, 1));
        assertThat(year.figure("ombudsman.remedies").count()).isEqualTo(30_000);
        // The later record of a context figure replaces the earlier one.
        assertThat(year.figure("context.referrals").count()).isEqualTo(3953);
        assertThat(year.figure("stage1.referral.rate").rate()).isEqualTo(Rate.of(3, 3953));
    }

    @Test
    void aLateAnswerKeepsItsStageAnsweredAndAWithdrawalWithNothingOpenChangesNothing() {
        on("2015-06-01", "C-1", new ComplaintReceived(Regime.CHILDREN, "First Response", ComplainantType.PARENT, null));
        on("2015-06-30", "C-1", new ComplaintWithdrawn());
        // Arrives after the withdrawal but happened before it: the stage was answered, so the withdrawal
        // found nothing open and withdraws nothing.
        on("2015-06-10", "C-1", new StageResponded(1, Outcome.NOT_UPHELD, List.of()));
        on("2015-07-01", "C-1", new EscalationRequested(2));
        // Answered (upheld) on 18 March 2016, "withdrawn" on 11 April: rejected, 2015/16 does not change.
        on("2016-03-01", "C-2", new ComplaintReceived(Regime.CHILDREN, "First Response", ComplainantType.PARENT, null));
        on("2016-03-18", "C-2", new StageResponded(1, Outcome.TOTALLY_UPHELD, List.of()));
        on("2016-04-11", "C-2", new ComplaintWithdrawn());
        EventEnvelope lateWithdrawal = events.get(events.size() - 1);

        OfflineReplay.Result result = REPLAY.replay(events);

        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.event()).isEqualTo(lateWithdrawal);
            assertThat(r.reason()).contains("no stage is open to withdraw");
        });
        KpiSnapshot year = new KpiEvaluator(result.series())
                .snapshot(AUTHORITY, Period.financialYear(FinancialYear.parse("2015/16")));
        assertThat(year.figure("stage1.outcome.withdrawn").count()).isZero();
        assertThat(year.figure("stage1.outcome.not_upheld").count()).isEqualTo(1);
        assertThat(year.figure("stage1.outcome.totally_upheld").count()).isEqualTo(1);
        assertThat(year.figure("stage2.received").count()).isEqualTo(1);
        assertThat(year.figure("stage1.open").count()).isZero();
        assertThat(year.figure("stage2.open").count()).isEqualTo(1);
    }
}
