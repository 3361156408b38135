package io.complaintskpi.streams;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.AlertKind;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import io.complaintskpi.testing.ContractEvents;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.complaintskpi.testing.ContractEvents.event;
import static io.complaintskpi.testing.ContractEvents.received;
import static io.complaintskpi.testing.ContractEvents.responded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ComplaintsTopologyTest {

    @TempDir
    Path dir;
    private TopologyHarness topology;
    private TestInputTopic<String, byte[]> events;
    private TestOutputTopic<byte[], byte[]> dlq;
    private TestOutputTopic<String, Alert> alerts;
    private TopologyTestDriver driver;

    @BeforeEach
    void start() {
        // Monday 4 January 2016, 09:00 London: the wall clock the deadline scan sees.
        topology = new TopologyHarness(dir, Instant.parse("2016-01-04T09:00:00Z"));
        driver = topology.driver;
        events = topology.events;
        dlq = topology.dlq;
        alerts = topology.alerts;
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    private long kpi(String metric, String dimension, String date) {
        return topology.kpi(metric, dimension, date);
    }

    @Test
    void countsAReceivedComplaintOnceEvenWhenRedelivered() {
        UUID id = UUID.randomUUID();
        byte[] received = event(id, "ComplaintReceived", "C-1", "2015-06-03T10:00:00+01:00",
                "{\"regime\":\"CHILDREN\",\"serviceArea\":\"First Response\",\"complainantType\":\"PARENT\"}");
        events.pipeInput("C-1", received);
        events.pipeInput("C-1", received);

        assertThat(kpi("children.stage1.received", "all", "2015-06-03")).isEqualTo(1);
        assertThat(kpi("children.stage1.service_area", "First Response", "2015-06-03")).isEqualTo(1);
        assertThat(kpi("children.stage1.complainant", "PARENT", "2015-06-03")).isEqualTo(1);
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void sendsMalformedAndImpossibleEventsToTheDeadLetterTopicWithTheReason() {
        events.pipeInput("C-2", "{not json".getBytes(StandardCharsets.UTF_8));
        events.pipeInput("C-3", responded("C-3", "2015-06-10T10:00:00+01:00", 1, "NOT_UPHELD"));
        events.pipeInput("C-4", received("C-4", "2015-06-03T10:00:00+01:00", "First Response"));

        List<TestRecord<byte[], byte[]>> rejected = dlq.readRecordsToList();
        assertThat(rejected).hasSize(2);
        assertThat(header(rejected.get(0), "__streams.errors.message")).contains("malformed JSON");
        assertThat(new String(rejected.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(header(rejected.get(1), "__streams.errors.message"))
                .contains("no complaint received under this reference");
        assertThat(header(rejected.get(1), "__streams.errors.topic")).isEqualTo(Names.EVENTS_TOPIC);
        assertThat(kpi("children.stage1.received", "all", "2015-06-03")).isEqualTo(1);
    }

    @Test
    void aWithdrawalAfterAResponseIsDeadLetteredAndTheAnswerStands() {
        events.pipeInput("C-5", received("C-5", "2016-03-01T10:00:00Z", "Fostering & Adoption"));
        // Answered (upheld) on 18 March 2016, the 13th working day: over 10, within 20.
        events.pipeInput("C-5", responded("C-5", "2016-03-18T10:00:00Z", 1, "TOTALLY_UPHELD"));
        assertThat(kpi("children.stage1.closed", "TOTALLY_UPHELD", "2016-03-18")).isEqualTo(1);
        assertThat(kpi("children.stage1.timeliness", "within20", "2016-03-18")).isEqualTo(1);

        events.pipeInput("C-5", event("ComplaintWithdrawn", "C-5", "2016-04-11T10:00:00+01:00", "{}"));
        List<TestRecord<byte[], byte[]>> rejected = dlq.readRecordsToList();
        assertThat(rejected).singleElement().satisfies(r -> assertThat(header(r, "__streams.errors.message"))
                .contains("no stage is open to withdraw: stage 1 answered on 2016-03-18"));
        assertThat(kpi("children.stage1.closed", "TOTALLY_UPHELD", "2016-03-18")).isEqualTo(1);
        assertThat(kpi("children.stage1.timeliness", "within20", "2016-03-18")).isEqualTo(1);
        assertThat(kpi("children.stage1.closed", "WITHDRAWN", "2016-04-11")).isZero();
    }

    @Test
    void aStageOneAnswerAfterTheStageTwoRequestCountsLateWhicheverArrivesFirst() {
        events.pipeInput("C-8", received("C-8", "2015-06-01T10:00:00+01:00", "First Response"));
        events.pipeInput("C-8", event("EscalationRequested", "C-8", "2015-06-25T10:00:00+01:00", "{\"toStage\":2}"));
        assertThat(kpi("children.stage1.closed", "ESCALATED_UNRESPONDED", "2015-06-25")).isEqualTo(1);
        events.pipeInput("C-8", responded("C-8", "2015-07-02T10:00:00+01:00", 1, "PARTLY_UPHELD"));

        events.pipeInput("C-9", received("C-9", "2015-06-01T10:00:00+01:00", "First Response"));
        events.pipeInput("C-9", responded("C-9", "2015-07-02T10:00:00+01:00", 1, "PARTLY_UPHELD"));
        events.pipeInput("C-9", event("EscalationRequested", "C-9", "2015-06-25T10:00:00+01:00", "{\"toStage\":2}"));

        assertThat(dlq.isEmpty()).isTrue();
        assertThat(kpi("children.stage1.closed", "ESCALATED_UNRESPONDED", "2015-06-25")).isZero();
        assertThat(kpi("children.stage1.closed", "PARTLY_UPHELD", "2015-07-02")).isEqualTo(2);
        assertThat(kpi("children.stage1.timeliness", "over20", "2015-07-02")).isEqualTo(2);
        assertThat(kpi("children.stage2.received", "all", "2015-06-25")).isEqualTo(2);
    }

    /** Rule: a stage 2 response before its request is counted as awaiting (1), then placed when it arrives (0). */
    @Test
    void anEventAwaitingItsPredecessorCountsUntilThePredecessorArrives() {
        events.pipeInput("C-10", received("C-10", "2015-06-01T10:00:00+01:00", "First Response"));
        events.pipeInput("C-10", responded("C-10", "2015-06-10T10:00:00+01:00", 1, "NOT_UPHELD"));
        events.pipeInput("C-10", responded("C-10", "2015-07-20T10:00:00+01:00", 2, "PARTLY_UPHELD"));

        assertThat(dlq.isEmpty()).isTrue();
        assertThat(kpi("events.awaiting", "StageResponded", "2015-07-20")).isEqualTo(1);
        assertThat(awaiting()).isEqualTo(1);
        assertThat(kpi("children.stage2.closed", "PARTLY_UPHELD", "2015-07-20")).isZero();

        events.pipeInput("C-10", event("EscalationRequested", "C-10", "2015-06-15T10:00:00+01:00", "{\"toStage\":2}"));

        assertThat(kpi("events.awaiting", "StageResponded", "2015-07-20")).isZero();
        assertThat(awaiting()).isZero();
        assertThat(kpi("children.stage2.closed", "PARTLY_UPHELD", "2015-07-20")).isEqualTo(1);
    }

    private long awaiting() {
        return new KpiEvaluator(topology.series())
                .snapshot(ContractEvents.AUTHORITY, Period.financialYear(new FinancialYear(2015)))
                .find("events.awaiting", null).orElseThrow().count();
    }

    @Test
    void onlyTheFirstAcknowledgementIsJudgedWhicheverArrivesFirst() {
        events.pipeInput("A-1", event("ComplaintReceived", "A-1", "2015-06-01T10:00:00+01:00",
                "{\"regime\":\"ADULTS\",\"serviceArea\":\"Home Care\",\"complainantType\":\"ADULT_SERVICE_USER\"}"));
        // The later acknowledgement (late) arrives first; the earlier one (on time) replaces it.
        events.pipeInput("A-1", event("ComplaintAcknowledged", "A-1", "2015-06-10T10:00:00+01:00", "{\"stage\":1}"));
        assertThat(kpi("adults.stage1.acknowledgement", "late", "2015-06-10")).isEqualTo(1);
        events.pipeInput("A-1", event("ComplaintAcknowledged", "A-1", "2015-06-03T10:00:00+01:00", "{\"stage\":1}"));
        events.pipeInput("A-1", event("ComplaintAcknowledged", "A-1", "2015-06-12T10:00:00+01:00", "{\"stage\":1}"));

        assertThat(dlq.isEmpty()).isTrue();
        assertThat(kpi("adults.stage1.acknowledgement", "on_time", "2015-06-03")).isEqualTo(1);
        assertThat(kpi("adults.stage1.acknowledgement", "late", "2015-06-10")).isZero();
        assertThat(kpi("adults.stage1.acknowledgement", "late", "2015-06-12")).isZero();
    }

    @Test
    void aControlCharacterInAServiceAreaIsDeadLetteredWithTheReason() {
        events.pipeInput("C-10", received("C-10", "2015-06-01T10:00:00+01:00", "First\\u0000Response"));

        assertThat(dlq.readRecordsToList()).singleElement().satisfies(r -> assertThat(
                header(r, "__streams.errors.message")).contains("control character U+0000 in $.data.serviceArea"));
        assertThat(kpi("children.stage1.received", "all", "2015-06-01")).isZero();
    }

    @Test
    void placesAnOutOfOrderEventWhereItHappened() {
        events.pipeInput("C-6", received("C-6", "2015-06-01T10:00:00+01:00", "First Response"));
        events.pipeInput("C-6", event("EscalationRequested", "C-6", "2015-07-01T10:00:00+01:00",
                "{\"toStage\":2}"));
        // The stage 1 response arrives after the escalation but happened before it.
        events.pipeInput("C-6", responded("C-6", "2015-06-10T10:00:00+01:00", 1, "PARTLY_UPHELD"));

        assertThat(dlq.isEmpty()).isTrue();
        assertThat(kpi("children.stage1.closed", "PARTLY_UPHELD", "2015-06-10")).isEqualTo(1);
        assertThat(kpi("children.stage1.closed", "ESCALATED_UNRESPONDED", "2015-07-01")).isZero();
        assertThat(kpi("children.stage2.received", "all", "2015-07-01")).isEqualTo(1);
        assertThat(kpi("children.stage1.timeliness", "within10", "2015-06-10")).isEqualTo(1);
    }

    @Test
    void raisesDeadlineAlertsOnTheWallClockOnceEachAndClearsThemOnResponse() {
        // Received Thursday 17 December 2015: 10 working days skip Christmas, Boxing Day (28th) and New Year.
        events.pipeInput("C-7", received("C-7", "2015-12-17T10:00:00Z", "First Response"));
        driver.advanceWallClockTime(Duration.ofHours(1));
        // 4 January 2016 is the 9th working day: AT_RISK (2 working days before the 5 January deadline)
        // has fired on 31 December already.
        List<Alert> first = alerts.readValuesToList();
        assertThat(first).extracting(Alert::kind).containsExactly(AlertKind.AT_RISK);
        assertThat(first.get(0).dueDate()).isEqualTo(LocalDate.parse("2016-01-05"));

        driver.advanceWallClockTime(Duration.ofDays(2));
        driver.advanceWallClockTime(Duration.ofHours(1));
        // The breach supersedes the warning of the same deadline: its CLEARED comes first.
        List<Alert> second = alerts.readValuesToList();
        assertThat(second).extracting(Alert::kind, Alert::clears).containsExactly(
                tuple(AlertKind.CLEARED, AlertKind.AT_RISK), tuple(AlertKind.BREACHED, null));
        assertThat(second.get(1).workingDaysOverdue()).isEqualTo(1);

        driver.advanceWallClockTime(Duration.ofDays(1));
        assertThat(alerts.isEmpty()).isTrue();

        events.pipeInput("C-7", responded("C-7", "2016-01-07T10:00:00Z", 1, "NOT_UPHELD"));
        List<Alert> cleared = alerts.readValuesToList();
        assertThat(cleared).extracting(Alert::kind, Alert::clears)
                .containsExactly(tuple(AlertKind.CLEARED, AlertKind.BREACHED));
        driver.advanceWallClockTime(Duration.ofDays(30));
        assertThat(alerts.isEmpty()).isTrue();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
