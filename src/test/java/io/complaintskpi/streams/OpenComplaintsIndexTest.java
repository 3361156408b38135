package io.complaintskpi.streams;

import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.rules.Timescale.Milestone;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import static io.complaintskpi.testing.ContractEvents.event;
import static io.complaintskpi.testing.ContractEvents.received;
import static io.complaintskpi.testing.ContractEvents.responded;
import static org.assertj.core.api.Assertions.assertThat;

/** The open-complaints index follows each complaint's current stage through the production topology. */
class OpenComplaintsIndexTest {

    @TempDir
    Path dir;
    private TopologyHarness topology;
    private KeyValueStore<String, Caseload.Entry> open;

    @BeforeEach
    void start() {
        topology = new TopologyHarness(dir, Instant.parse("2016-03-17T18:00:00Z"));
        open = topology.driver.getKeyValueStore(Names.OPEN_COMPLAINTS_STORE);
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    private void send(String key, byte[] event) {
        topology.events.pipeInput(key, event);
    }

    @Test
    void inWhileAStageIsOpenOutWhenAnsweredBackOnEscalationOutOnWithdrawal() {
        send("A", received("A", "2015-06-01T10:00:00+01:00", "Fostering"));
        Caseload.Entry atStage1 = open.get("A");
        assertThat(atStage1).isEqualTo(new Caseload.Entry("A", "E10000018", "CHILDREN", "Fostering", 1,
                LocalDate.parse("2015-06-01"), Milestone.RESPONSE, LocalDate.parse("2015-06-15")));

        send("A", responded("A", "2015-06-10T10:00:00+01:00", 1, "NOT_UPHELD"));
        assertThat(open.get("A")).as("answered: nothing open").isNull();

        send("A", event("EscalationRequested", "A", "2015-06-20T10:00:00+01:00", "{\"toStage\":2}"));
        assertThat(open.get("A")).as("stage 2 re-opens it").extracting(Caseload.Entry::stage, Caseload.Entry::openedOn)
                .containsExactly(2, LocalDate.parse("2015-06-20"));

        send("A", event("ComplaintWithdrawn", "A", "2015-06-25T10:00:00+01:00", "{}"));
        assertThat(open.get("A")).as("withdrawn").isNull();
        assertThat(dlqCount()).isZero();
    }

    @Test
    void aStage2AnswerHeldForItsRequestKeepsStage2ClosedWhenTheRequestArrives() {
        send("B", received("B", "2015-06-01T10:00:00+01:00", "Fostering"));
        send("B", responded("B", "2015-06-10T10:00:00+01:00", 1, "NOT_UPHELD"));
        send("B", responded("B", "2015-07-20T10:00:00+01:00", 2, "TOTALLY_UPHELD"));
        assertThat(open.get("B")).as("the stage 2 answer waits for its request: nothing open").isNull();

        send("B", event("EscalationRequested", "B", "2015-06-20T10:00:00+01:00", "{\"toStage\":2}"));
        assertThat(open.get("B")).as("the request takes the held answer: stage 2 opened and answered").isNull();

        send("B", event("EscalationRequested", "B", "2015-07-25T10:00:00+01:00", "{\"toStage\":3}"));
        assertThat(open.get("B")).extracting(Caseload.Entry::stage, Caseload.Entry::milestone)
                .containsExactly(3, Milestone.PANEL_MEETING);
        assertThat(dlqCount()).isZero();
    }

    @Test
    void anExtensionMovesTheEntrysDueDateAndALateStage1AnswerLeavesStage2Open() {
        send("C", received("C", "2015-06-01T10:00:00+01:00", "Fostering"));
        send("C", event("ExtensionAgreed", "C", "2015-06-05T10:00:00+01:00", "{\"stage\":1,\"workingDays\":20}"));
        assertThat(open.get("C").due()).isEqualTo(LocalDate.parse("2015-06-29"));

        send("C", event("EscalationRequested", "C", "2015-07-01T10:00:00+01:00", "{\"toStage\":2}"));
        send("C", responded("C", "2015-07-02T10:00:00+01:00", 1, "NOT_UPHELD"));
        assertThat(open.get("C")).extracting(Caseload.Entry::stage).isEqualTo(2);
        assertThat(dlqCount()).isZero();
    }

    @Test
    void keysWithoutAComplaintAndDuplicatesLeaveItAlone() {
        send("K", event("ComplimentReceived", "K", "2015-06-01T10:00:00+01:00", "{\"serviceArea\":\"Fostering\"}"));
        byte[] receipt = received("D", "2015-06-01T10:00:00+01:00", "Fostering");
        send("D", receipt);
        send("D", receipt);
        assertThat(open.get("K")).isNull();
        assertThat(TopologyHarness.entries(open)).isEqualTo(1);
        assertThat(open.get("D").stage()).isEqualTo(1);
    }

    private long dlqCount() {
        return topology.dlq.getQueueSize();
    }

}
