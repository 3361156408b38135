package io.complaintskpi.lifecycle;

import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.ComplaintEvent.StatementAgreed;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Outcome;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static io.complaintskpi.lifecycle.Cases.at;
import static io.complaintskpi.lifecycle.Cases.children;
import static io.complaintskpi.lifecycle.Cases.history;
import static io.complaintskpi.lifecycle.Cases.on;
import static io.complaintskpi.lifecycle.Cases.responded;
import static org.assertj.core.api.Assertions.assertThat;

class CaseHistoryTest {

    private final EventEnvelope received = on("2015-06-01", children());
    private final EventEnvelope extension = on("2015-06-05", new ExtensionAgreed(1, 20, null));
    private final EventEnvelope response = on("2015-06-20", responded(1, Outcome.NOT_UPHELD));
    private final EventEnvelope escalation = on("2015-06-25", new EscalationRequested(2));
    private final EventEnvelope statement = on("2015-07-01", new StatementAgreed());

    @Test
    void placesEachEventByOccurredAt() {
        CaseHistory history = history(escalation, received, statement, response, extension);

        assertThat(history.events()).containsExactly(received, extension, response, escalation, statement);
    }

    @Test
    void eventsAtTheSameInstantGoInOneOrderWhateverTheArrival() {
        // The same instant written with two offsets: ties go by eventId, never by arrival.
        EventEnvelope first = new EventEnvelope(new UUID(0, 1), OffsetDateTime.parse("2015-06-05T10:00:00+01:00"),
                Cases.KEY, Cases.AUTHORITY, 1, new ExtensionAgreed(1, 15, null));
        EventEnvelope second = new EventEnvelope(new UUID(0, 2), OffsetDateTime.parse("2015-06-05T09:00:00Z"),
                Cases.KEY, Cases.AUTHORITY, 1, new ExtensionAgreed(1, 20, null));

        assertThat(history(received, response, first, second).events())
                .containsExactly(received, first, second, response);
        assertThat(history(received, response, second, first).events())
                .containsExactly(received, first, second, response);
    }

    @Test
    void eventsAtTheSameInstantGoInLifecycleOrder() {
        String noon = "2015-06-10T12:00:00+01:00";
        EventEnvelope receipt = at(Cases.KEY, noon, Cases.children());
        EventEnvelope answer = at(Cases.KEY, noon, Cases.responded(1, Outcome.NOT_UPHELD));
        EventEnvelope request = at(Cases.KEY, noon, new EscalationRequested(2));
        EventEnvelope statementAgreed = at(Cases.KEY, noon, new StatementAgreed());

        assertThat(history(statementAgreed, request, answer, receipt).events())
                .containsExactly(receipt, answer, request, statementAgreed);
    }

    @Test
    void withLeavesTheOriginalUnchanged() {
        CaseHistory before = history(received);

        CaseHistory after = before.with(response);

        assertThat(before.events()).containsExactly(received);
        assertThat(after.events()).containsExactly(received, response);
        assertThat(CaseHistory.empty().events()).isEmpty();
    }

    @Test
    void containsFindsEventIds() {
        CaseHistory history = history(received, response);

        assertThat(history.contains(received.eventId())).isTrue();
        assertThat(history.contains(response.eventId())).isTrue();
        assertThat(history.contains(extension.eventId())).isFalse();
        assertThat(history.contains(UUID.randomUUID())).isFalse();
    }

    @Test
    void replayOfAnOutOfOrderHistoryEqualsTheInOrderOne() {
        CaseState inOrder = Cases.MACHINE.replay(Cases.KEY,
                history(received, extension, response, escalation, statement));
        CaseState outOfOrder = Cases.MACHINE.replay(Cases.KEY,
                history(statement, response, escalation, extension, received));

        assertThat(outOfOrder).isEqualTo(inOrder);
        assertThat(outOfOrder.complaint().stages()).hasSize(2);
        assertThat(outOfOrder.complaint().stage(1).orElseThrow().extendedToWorkingDays()).isEqualTo(20);
        assertThat(outOfOrder.complaint().current().statementAgreedOn()).isEqualTo(Cases.date("2015-07-01"));
    }
}
