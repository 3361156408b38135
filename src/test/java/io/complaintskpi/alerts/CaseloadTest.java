package io.complaintskpi.alerts;

import io.complaintskpi.events.ComplaintEvent.ComplimentReceived;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.PanelHeld;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.Cases;
import io.complaintskpi.rules.Timescale.Milestone;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.complaintskpi.lifecycle.Cases.children;
import static io.complaintskpi.lifecycle.Cases.date;
import static io.complaintskpi.lifecycle.Cases.on;
import static io.complaintskpi.lifecycle.Cases.replay;
import static io.complaintskpi.lifecycle.Cases.responded;
import static org.assertj.core.api.Assertions.assertThat;

/** The morning list as a pure function of case states, on Wednesday 17 June 2015. */
class CaseloadTest {

    private static final CaseState OVERDUE = replay(on("A", "2015-06-01", children()));
    private static final CaseState DUE_SOON = replay(on("B", "2015-06-10", children()));
    private static final CaseState ANSWERED = replay(on("C", "2015-06-01", children()),
            on("C", "2015-06-05", responded(1, Outcome.NOT_UPHELD)));
    private static final CaseState PANEL_HELD = replay(on("D", "2015-01-05", children()),
            on("D", "2015-01-12", responded(1, Outcome.NOT_UPHELD)), on("D", "2015-01-13", new EscalationRequested(2)),
            on("D", "2015-02-16", responded(2, Outcome.NOT_UPHELD)), on("D", "2015-06-01", new EscalationRequested(3)),
            on("D", "2015-06-15", new PanelHeld()));
    private static final CaseState COMPLIMENT = replay(on("E", "2015-06-01", new ComplimentReceived("Fostering")));

    private static List<Caseload.Row> rows(CaseState... states) {
        return Caseload.rows(Arrays.asList(states), Cases.DUE_DATES, date("2015-06-17")).stream()
                .sorted(Caseload.MOST_URGENT_FIRST).toList();
    }

    @Test
    void mostOverdueFirstThenTheNearestDeadlineThenClosed() {
        assertThat(rows(ANSWERED, DUE_SOON, PANEL_HELD, OVERDUE, COMPLIMENT)).extracting(Caseload.Row::complaintId)
                .containsExactly("A", "D", "B", "C");
    }

    @Test
    void eachRowStandsAgainstTheNextDeadlineOfItsCurrentStage() {
        List<Caseload.Row> rows = rows(OVERDUE, DUE_SOON, PANEL_HELD, ANSWERED);

        Caseload.Row overdue = rows.get(0);
        assertThat(overdue.due()).isEqualTo(date("2015-06-15"));
        assertThat(overdue.workingDaysOverdue()).isEqualTo(2);
        assertThat(overdue.workingDaysLeft()).isZero();
        assertThat(overdue.status()).isEqualTo("OVERDUE");

        Caseload.Row panel = rows.get(1);
        assertThat(panel.stage()).isEqualTo(3);
        assertThat(panel.milestone()).as("the report is due 5 working days after the panel")
                .isEqualTo(Milestone.PANEL_REPORT);
        assertThat(panel.due()).isEqualTo(date("2015-06-22"));
        assertThat(panel.workingDaysLeft()).isEqualTo(3);

        Caseload.Row soon = rows.get(2);
        assertThat(soon.due()).isEqualTo(date("2015-06-24"));
        assertThat(soon.workingDaysLeft()).isEqualTo(5);
        assertThat(soon.open()).isTrue();

        Caseload.Row closed = rows.get(3);
        assertThat(closed.open()).isFalse();
        assertThat(closed.workingDaysLeft()).isZero();
        assertThat(closed.status()).isEqualTo("CLOSED_ON_TIME");
    }
}
