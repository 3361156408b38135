package io.complaintskpi.alerts;

import io.complaintskpi.alerts.ComplaintDeadlines.StageClock;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.StatementAgreed;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.lifecycle.Cases;
import org.junit.jupiter.api.Test;

import static io.complaintskpi.lifecycle.Cases.adults;
import static io.complaintskpi.lifecycle.Cases.children;
import static io.complaintskpi.lifecycle.Cases.date;
import static io.complaintskpi.lifecycle.Cases.on;
import static io.complaintskpi.lifecycle.Cases.replay;
import static io.complaintskpi.lifecycle.Cases.responded;
import static org.assertj.core.api.Assertions.assertThat;

class ComplaintDeadlinesTest {

    private static final EventEnvelope RECEIVED = on("2015-06-01", children());
    private static final EventEnvelope ON_TIME = on("2015-06-10", responded(1, Outcome.NOT_UPHELD));
    private static final EventEnvelope TO_STAGE2 = on("2015-06-15", new EscalationRequested(2));

    private static ComplaintDeadlines deadlines(String today, EventEnvelope... events) {
        return ComplaintDeadlines.of(replay(events), Cases.DUE_DATES, date(today));
    }

    @Test
    void describesTheComplaint() {
        ComplaintDeadlines view = deadlines("2015-06-05", RECEIVED);

        assertThat(view.complaintId()).isEqualTo(Cases.KEY);
        assertThat(view.authority()).isEqualTo(Cases.AUTHORITY);
        assertThat(view.regime()).isEqualTo("CHILDREN");
        assertThat(view.serviceArea()).isEqualTo("Children in care");
        assertThat(view.asOf()).isEqualTo(date("2015-06-05"));
    }

    /** Rule: an event held aside for its predecessor is listed with why until the predecessor arrives. */
    @Test
    void listsTheEventsHeldForAPredecessorWithTheReason() {
        EventEnvelope stage2Response = on("2015-07-20", responded(2, Outcome.NOT_UPHELD));
        ComplaintDeadlines held = deadlines("2015-07-21", RECEIVED, ON_TIME, stage2Response);

        assertThat(held.awaiting()).singleElement().satisfies(h -> {
            assertThat(h.eventId()).isEqualTo(stage2Response.eventId());
            assertThat(h.eventType()).isEqualTo("StageResponded");
            assertThat(h.on()).isEqualTo(date("2015-07-20"));
            assertThat(h.reason()).isEqualTo(replay(RECEIVED, ON_TIME, stage2Response).awaiting().get(0).reason())
                    .contains("stage 2");
        });
        assertThat(deadlines("2015-07-21", RECEIVED, ON_TIME, stage2Response, TO_STAGE2).awaiting()).isEmpty();
    }

    @Test
    void openUntilTheDueDateThenOverdueByWorkingDays() {
        StageClock open = deadlines("2015-06-15", RECEIVED).stages().get(0);
        assertThat(open.status()).isEqualTo("OPEN");
        assertThat(open.workingDaysOverdue()).isZero();
        assertThat(open.due()).isEqualTo(date("2015-06-15"));
        assertThat(open.clockStart()).isEqualTo(date("2015-06-01"));
        assertThat(open.closure()).isNull();
        assertThat(open.workingDaysTaken()).isNull();
        assertThat(open.band()).isNull();

        StageClock overdue = deadlines("2015-06-17", RECEIVED).stages().get(0);
        assertThat(overdue.status()).isEqualTo("OVERDUE");
        assertThat(overdue.workingDaysOverdue()).isEqualTo(2);
    }

    @Test
    void closedOnTimeWithItsBand() {
        StageClock clock = deadlines("2015-07-01", RECEIVED, ON_TIME).stages().get(0);

        assertThat(clock.status()).isEqualTo("CLOSED_ON_TIME");
        assertThat(clock.closure()).isEqualTo("RESPONDED");
        assertThat(clock.closedOn()).isEqualTo(date("2015-06-10"));
        assertThat(clock.workingDaysTaken()).isEqualTo(7);
        assertThat(clock.band()).isEqualTo("within10");
        assertThat(clock.workingDaysOverdue()).isZero();
        assertThat(clock.dueIfCountedFromRequest()).isNull();
        assertThat(clock.dueIfCountedFromStatement()).isNull();
    }

    @Test
    void closedLateWithItsBand() {
        StageClock clock = deadlines("2015-07-10", RECEIVED, on("2015-07-01", responded(1, Outcome.NOT_UPHELD)))
                .stages().get(0);

        assertThat(clock.status()).isEqualTo("CLOSED_LATE");
        assertThat(clock.workingDaysTaken()).isEqualTo(22);
        assertThat(clock.band()).isEqualTo("over20");
    }

    @Test
    void escalatedUnrespondedHasNoBand() {
        StageClock clock = deadlines("2015-07-10", RECEIVED, on("2015-07-01", new EscalationRequested(2)))
                .stages().get(0);

        assertThat(clock.closure()).isEqualTo("ESCALATED_UNRESPONDED");
        assertThat(clock.status()).isEqualTo("CLOSED_LATE");
        assertThat(clock.band()).isNull();
        assertThat(clock.workingDaysTaken()).isEqualTo(22);
    }

    @Test
    void stageTwoShowsTheDueDateBothWays() {
        ComplaintDeadlines view = deadlines("2015-07-01", RECEIVED, ON_TIME, TO_STAGE2,
                on("2015-06-22", new StatementAgreed()));

        assertThat(view.stages()).extracting(StageClock::stage).containsExactly(1, 2);
        StageClock second = view.stages().get(1);
        assertThat(second.clockStart()).isEqualTo(date("2015-06-22"));
        assertThat(second.statementAgreedOn()).isEqualTo(date("2015-06-22"));
        assertThat(second.due()).isEqualTo(date("2015-07-27"));
        assertThat(second.dueIfCountedFromRequest()).isEqualTo(date("2015-07-20"));
        assertThat(second.dueIfCountedFromStatement()).isEqualTo(date("2015-07-27"));
        assertThat(second.status()).isEqualTo("OPEN");
    }

    @Test
    void stageTwoWithoutAStatementHasOnlyTheRequestDate() {
        StageClock second = deadlines("2015-07-01", RECEIVED, ON_TIME, TO_STAGE2).stages().get(1);

        assertThat(second.due()).isEqualTo(date("2015-07-20"));
        assertThat(second.dueIfCountedFromRequest()).isEqualTo(date("2015-07-20"));
        assertThat(second.dueIfCountedFromStatement()).isNull();
    }

    @Test
    void stageTwoRespondedGetsAStageTwoBand() {
        StageClock second = deadlines("2015-08-01", RECEIVED, ON_TIME, TO_STAGE2,
                on("2015-06-22", new StatementAgreed()), on("2015-07-20", responded(2, Outcome.NOT_UPHELD)))
                .stages().get(1);

        assertThat(second.workingDaysTaken()).isEqualTo(20);
        assertThat(second.band()).isEqualTo("within25");
        assertThat(second.status()).isEqualTo("CLOSED_ON_TIME");
    }

    @Test
    void adultsHaveNoBand() {
        ComplaintDeadlines view = deadlines("2015-10-01", on("2015-06-01", adults(date("2015-08-31"))),
                on("2015-09-01", responded(1, Outcome.NOT_UPHELD)));

        StageClock only = view.stages().get(0);
        assertThat(view.regime()).isEqualTo("ADULTS");
        assertThat(only.due()).isEqualTo(date("2015-08-31"));
        assertThat(only.status()).isEqualTo("CLOSED_LATE");
        assertThat(only.band()).isNull();
    }
}
