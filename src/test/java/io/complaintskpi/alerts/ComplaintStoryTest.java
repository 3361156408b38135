package io.complaintskpi.alerts;

import io.complaintskpi.events.ComplaintEvent.ComplimentReceived;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.lifecycle.Cases;
import io.complaintskpi.lifecycle.CaseHistory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.complaintskpi.lifecycle.Cases.KEY;
import static io.complaintskpi.lifecycle.Cases.children;
import static io.complaintskpi.lifecycle.Cases.date;
import static io.complaintskpi.lifecycle.Cases.history;
import static io.complaintskpi.lifecycle.Cases.on;
import static io.complaintskpi.lifecycle.Cases.responded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ComplaintStoryTest {

    private final DeadlineWatch watch = new DeadlineWatch(Cases.DUE_DATES, 2);

    private ComplaintStory story(CaseHistory history, String today) {
        return ComplaintStory.of(KEY, history, Cases.MACHINE, Cases.DUE_DATES, watch, date(today)).orElseThrow();
    }

    @Test
    void aLateStage1AnswerTellsItsEventsInBusinessOrderItsMissedDueDateAndTheAlertsRaisedAndCleared() {
        // Arrived out of order: the answer first. Due 15 June 2015 (10 working days from Monday 1 June).
        CaseHistory history = history(on("2015-07-06", responded(1, Outcome.NOT_UPHELD)), on("2015-06-01", children()));

        ComplaintStory story = story(history, "2015-09-01");

        assertThat(story.events()).extracting(ComplaintStory.Event::type, ComplaintStory.Event::on).containsExactly(
                tuple("ComplaintReceived", date("2015-06-01")), tuple("StageResponded", date("2015-07-06")));
        assertThat(story.stages()).singleElement().satisfies(stage -> {
            assertThat(stage.due()).isEqualTo(date("2015-06-15"));
            assertThat(stage.status()).isEqualTo("CLOSED_LATE");
        });
        assertThat(story.alerts()).extracting(ComplaintStory.RaisedAlert::kind, ComplaintStory.RaisedAlert::raisedOn,
                ComplaintStory.RaisedAlert::clearedOn).containsExactly(
                tuple(AlertKind.AT_RISK, date("2015-06-11"), date("2015-06-16")),
                tuple(AlertKind.BREACHED, date("2015-06-16"), date("2015-07-06")),
                tuple(AlertKind.STAGE2_MUST_BE_OFFERED, date("2015-06-30"), date("2015-07-06")));
    }

    @Test
    void anExtensionMovesTheDueDateSoOnlyTheWarningsOfTheNewDateAreRaisedAndOpenOnesStayOpen() {
        CaseHistory history = history(on("2015-06-01", children()),
                on("2015-06-05", new ExtensionAgreed(1, 20, null)));

        ComplaintStory story = story(history, "2015-06-29");

        assertThat(story.stages()).singleElement().satisfies(stage -> {
            assertThat(stage.extendedToWorkingDays()).isEqualTo(20);
            assertThat(stage.due()).isEqualTo(date("2015-06-29"));
            assertThat(stage.status()).isEqualTo("OPEN");
        });
        assertThat(story.alerts()).extracting(ComplaintStory.RaisedAlert::kind, ComplaintStory.RaisedAlert::dueDate,
                ComplaintStory.RaisedAlert::clearedOn).containsExactly(
                tuple(AlertKind.AT_RISK, date("2015-06-29"), (LocalDate) null));
    }

    @Test
    void aKeyWithoutAComplaintHasNoStory() {
        assertThat(ComplaintStory.of(KEY, history(on("2015-06-01", new ComplimentReceived("Fostering"))), Cases.MACHINE,
                Cases.DUE_DATES, watch, date("2015-07-01"))).isEmpty();
    }
}
