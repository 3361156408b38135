package io.complaintskpi.lifecycle;

import io.complaintskpi.events.ComplaintEvent.ComplaintWithdrawn;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.ComplaintEvent.PanelHeld;
import io.complaintskpi.events.ComplaintEvent.PanelReportIssued;
import io.complaintskpi.events.ComplaintEvent.StatementAgreed;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.rules.Stage2ClockStart;
import io.complaintskpi.rules.Timescale.Milestone;
import io.complaintskpi.rules.Timescales;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.complaintskpi.lifecycle.Cases.DUE_DATES;
import static io.complaintskpi.lifecycle.Cases.adults;
import static io.complaintskpi.lifecycle.Cases.children;
import static io.complaintskpi.lifecycle.Cases.complaint;
import static io.complaintskpi.lifecycle.Cases.date;
import static io.complaintskpi.lifecycle.Cases.on;
import static io.complaintskpi.lifecycle.Cases.responded;
import static org.assertj.core.api.Assertions.assertThat;

/** 2015: Monday 1 June; the only bank holiday in the summer after is Monday 31 August. */
class DueDatesTest {

    private final DueDates byRequest = DUE_DATES.withStage2ClockStart(Stage2ClockStart.REQUEST);

    @Test
    void stageOneIsDueTenWorkingDaysAfterReceipt() {
        Complaint complaint = complaint(on("2015-06-01", children()));

        assertThat(DUE_DATES.clockStart(complaint, complaint.current())).isEqualTo(date("2015-06-01"));
        assertThat(DUE_DATES.due(complaint, complaint.current())).isEqualTo(date("2015-06-15"));
    }

    @Test
    void stageOneReceivedAtTheWeekendCountsFromMonday() {
        Complaint complaint = complaint(on("2015-06-06", children()));

        assertThat(DUE_DATES.due(complaint, complaint.current())).isEqualTo(date("2015-06-22"));
    }

    @Test
    void stageOneExtensionMovesTheDueDate() {
        Complaint complaint = complaint(on("2015-06-01", children()), on("2015-06-05", new ExtensionAgreed(1, 20, null)));

        assertThat(DUE_DATES.due(complaint, complaint.current())).isEqualTo(date("2015-06-29"));
    }

    @Test
    void stageTwoRunsFromTheStatementOrFromTheRequest() {
        Complaint complaint = stageTwo(true);
        Stage second = complaint.current();

        assertThat(DUE_DATES.clockStart(complaint, second)).isEqualTo(date("2015-06-22"));
        assertThat(DUE_DATES.due(complaint, second)).isEqualTo(date("2015-07-27"));
        assertThat(byRequest.clockStart(complaint, second)).isEqualTo(date("2015-06-15"));
        assertThat(byRequest.due(complaint, second)).isEqualTo(date("2015-07-20"));
    }

    @Test
    void stageTwoWithoutAStatementRunsFromTheRequestEitherWay() {
        Complaint complaint = stageTwo(false);

        assertThat(DUE_DATES.clockStart(complaint, complaint.current())).isEqualTo(date("2015-06-15"));
        assertThat(DUE_DATES.due(complaint, complaint.current())).isEqualTo(date("2015-07-20"));
        assertThat(byRequest.due(complaint, complaint.current())).isEqualTo(date("2015-07-20"));
    }

    @Test
    void stageTwoExtensionCountsFromTheClockStartAcrossTheBankHoliday() {
        Complaint complaint = complaint(on("2015-06-01", children()), on("2015-06-10", responded(1, Outcome.NOT_UPHELD)),
                on("2015-06-15", new EscalationRequested(2)), on("2015-06-22", new StatementAgreed()),
                on("2015-07-01", new ExtensionAgreed(2, 65, null)));

        assertThat(DUE_DATES.due(complaint, complaint.current())).isEqualTo(date("2015-09-22"));
        assertThat(byRequest.due(complaint, complaint.current())).isEqualTo(date("2015-09-15"));
    }

    @Test
    void stageThreeChainsPanelReportAndResponse() {
        Complaint requested = stageThree();
        assertThat(DUE_DATES.due(requested, requested.current())).as("panel within 30 working days")
                .isEqualTo(date("2015-09-08"));

        Complaint panelHeld = stageThree(on("2015-08-20", new PanelHeld()));
        assertThat(DUE_DATES.due(panelHeld, panelHeld.current())).as("report within 5 working days of the panel")
                .isEqualTo(date("2015-08-27"));

        Complaint reported = stageThree(on("2015-08-20", new PanelHeld()), on("2015-08-25", new PanelReportIssued()));
        assertThat(DUE_DATES.due(reported, reported.current())).as("response within 15 working days of the report")
                .isEqualTo(date("2015-09-16"));
        assertThat(DUE_DATES.clockStart(reported, reported.current())).isEqualTo(date("2015-07-27"));
    }

    @Test
    void eachDeadlineNamesItsMilestone() {
        Complaint requested = stageThree();
        assertThat(DUE_DATES.next(requested, requested.current()))
                .isEqualTo(new Deadline(3, Milestone.PANEL_MEETING, date("2015-09-08")));
        Complaint panelHeld = stageThree(on("2015-08-20", new PanelHeld()));
        assertThat(DUE_DATES.next(panelHeld, panelHeld.current()))
                .isEqualTo(new Deadline(3, Milestone.PANEL_REPORT, date("2015-08-27")));
        Complaint reported = stageThree(on("2015-08-20", new PanelHeld()), on("2015-08-25", new PanelReportIssued()));
        assertThat(DUE_DATES.next(reported, reported.current()))
                .isEqualTo(new Deadline(3, Milestone.RESPONSE, date("2015-09-16")));

        Complaint first = complaint(on("2015-06-01", children()));
        assertThat(DUE_DATES.next(first, first.current()))
                .isEqualTo(new Deadline(1, Milestone.RESPONSE, date("2015-06-15")));
        Complaint adult = complaint(on("2015-06-01", adults(date("2015-08-31"))));
        assertThat(DUE_DATES.next(adult, adult.current()))
                .isEqualTo(new Deadline(1, Milestone.RESPONSE, date("2015-08-31")));
        assertThat(DUE_DATES.acknowledgement(adult, adult.current()))
                .isEqualTo(new Deadline(1, Milestone.ACKNOWLEDGEMENT, date("2015-06-04")));
    }

    @Test
    void adultsAreDueOnTheAgreedDate() {
        Complaint complaint = complaint(on("2015-06-01", adults(date("2015-08-31"))));

        assertThat(DUE_DATES.due(complaint, complaint.current())).isEqualTo(date("2015-08-31"));
    }

    @Test
    void adultsWithoutAnAgreedDateAreDueOnTheLastDayOfTheConfiguredMonths() {
        // Six months beginning on 1 June end on 30 November, the day before 1 December (SI 2009/309 reg 14).
        Complaint complaint = complaint(on("2015-06-01", adults(null)));

        assertThat(DUE_DATES.due(complaint, complaint.current())).isEqualTo(date("2015-11-30"));
        DueDates threeMonths = new DueDates(Cases.CALENDAR, Timescales.withAdultsResponseMonths(3),
                Stage2ClockStart.STATEMENT_AGREED);
        assertThat(threeMonths.due(complaint, complaint.current())).isEqualTo(date("2015-08-31"));
    }

    @Test
    void adultsExtensionDateReplacesTheAgreedDate() {
        Complaint complaint = complaint(on("2015-06-01", adults(date("2015-08-31"))),
                on("2015-08-01", new ExtensionAgreed(1, null, date("2016-01-15"))));

        assertThat(DUE_DATES.due(complaint, complaint.current())).isEqualTo(date("2016-01-15"));
    }

    @Test
    void adultsAcknowledgementIsDueThreeWorkingDaysAfterReceipt() {
        assertThat(DUE_DATES.acknowledgementDue(complaint(on("2015-06-01", adults(null)))))
                .isEqualTo(date("2015-06-04"));
        assertThat(DUE_DATES.acknowledgementDue(complaint(on("2015-08-28", adults(null)))))
                .as("across the August bank holiday").isEqualTo(date("2015-09-03"));
    }

    @Test
    void workingDaysTakenRunFromTheClockStart() {
        Complaint first = complaint(on("2015-06-01", children()), on("2015-06-10", responded(1, Outcome.NOT_UPHELD)));
        assertThat(DUE_DATES.workingDaysTaken(first, first.current())).isEqualTo(7);

        Complaint second = complaint(on("2015-06-01", children()), on("2015-06-10", responded(1, Outcome.NOT_UPHELD)),
                on("2015-06-15", new EscalationRequested(2)), on("2015-06-22", new StatementAgreed()),
                on("2015-07-20", responded(2, Outcome.NOT_UPHELD)));
        assertThat(DUE_DATES.workingDaysTaken(second, second.current())).isEqualTo(20);
        assertThat(byRequest.workingDaysTaken(second, second.current())).isEqualTo(25);
    }

    @Test
    void workingDaysTakenOfAWithdrawalCountToTheWithdrawal() {
        Complaint withdrawn = complaint(on("2015-06-01", children()),
                on("2015-06-08", new ComplaintWithdrawn()));

        assertThat(DUE_DATES.workingDaysTaken(withdrawn, withdrawn.current())).isEqualTo(5);
    }

    private static Complaint stageTwo(boolean statement) {
        var received = on("2015-06-01", children());
        var response = on("2015-06-10", responded(1, Outcome.NOT_UPHELD));
        var escalation = on("2015-06-15", new EscalationRequested(2));
        return statement
                ? complaint(received, response, escalation, on("2015-06-22", new StatementAgreed()))
                : complaint(received, response, escalation);
    }

    private static Complaint stageThree(EventEnvelope... more) {
        var events = new ArrayList<>(List.of(on("2015-06-01", children()),
                on("2015-06-10", responded(1, Outcome.NOT_UPHELD)), on("2015-06-15", new EscalationRequested(2)),
                on("2015-07-20", responded(2, Outcome.NOT_UPHELD)), on("2015-07-27", new EscalationRequested(3))));
        events.addAll(List.of(more));
        return complaint(events.toArray(EventEnvelope[]::new));
    }
}
