package io.complaintskpi.streams;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.rules.Timescale.Milestone;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.complaintskpi.testing.ContractEvents.event;
import static io.complaintskpi.testing.ContractEvents.received;
import static io.complaintskpi.testing.ContractEvents.responded;
import static org.assertj.core.api.Assertions.assertThat;

/** Alerts raised by the wall clock alone, day by day across Easter 2016, exactly once each. */
class DeadlineAlertsTest {

    @TempDir
    Path dir;
    private TopologyHarness topology;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> events;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void start() {
        // Thursday 17 March 2016, 18:00 UTC: after the day's events.
        topology = new TopologyHarness(dir, START);
        driver = topology.driver;
        events = topology.events;
        alerts = topology.alerts;
        dlq = topology.dlq;
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    private static final Instant START = Instant.parse("2016-03-17T18:00:00Z");

    /**
     * Moves the wall clock on a day at a time (events of a day, if any, are piped first) and records the day
     * each alert appeared.
     */
    private List<String> alertsOverDays(int days, Map<LocalDate, byte[]> eventsByDay) {
        List<String> raised = new ArrayList<>();
        for (int day = 1; day <= days; day++) {
            LocalDate today = LocalDate.ofInstant(START.plus(Duration.ofDays(day)), ZoneOffset.UTC);
            byte[] event = eventsByDay.get(today);
            if (event != null) {
                events.pipeInput(key(event), event);
            }
            driver.advanceWallClockTime(Duration.ofDays(1));
            for (Alert alert : alerts.readValuesToList()) {
                raised.add(today + " " + alert.kind() + (alert.clears() == null ? "" : "(" + alert.clears() + ")")
                        + (alert.milestone() == Milestone.RESPONSE ? "" : " " + alert.milestone())
                        + " due " + alert.dueDate());
            }
        }
        return raised;
    }

    private static String key(byte[] event) {
        String json = new String(event, StandardCharsets.UTF_8);
        int at = json.indexOf("\"complaintId\":\"") + 15;
        return json.substring(at, json.indexOf('"', at));
    }

    @Test
    void childrensStage1AcrossEaster() {
        events.pipeInput("E-1", received("E-1", "2016-03-17T10:00:00Z", "First Response"));
        List<String> raised = alertsOverDays(40, Map.of());
        // 10 working days skip Good Friday (25 Mar) and Easter Monday (28 Mar): due Mon 4 April.
        assertThat(raised).containsExactly(
                "2016-03-31 AT_RISK due 2016-04-04",
                "2016-04-05 CLEARED(AT_RISK) due 2016-04-04",
                "2016-04-05 BREACHED due 2016-04-04",
                "2016-04-19 STAGE2_MUST_BE_OFFERED due 2016-04-18");
    }

    @Test
    void anAgreedExtensionMovesTheDeadlineAndNeedsNoStage2Offer() {
        events.pipeInput("E-2", received("E-2", "2016-03-17T10:00:00Z", "First Response"));
        events.pipeInput("E-2", event("ExtensionAgreed", "E-2", "2016-03-21T10:00:00Z",
                "{\"stage\":1,\"workingDays\":20}"));
        List<String> raised = alertsOverDays(40, Map.of());
        assertThat(raised).containsExactly(
                "2016-04-14 AT_RISK due 2016-04-18",
                "2016-04-19 CLEARED(AT_RISK) due 2016-04-18",
                "2016-04-19 BREACHED due 2016-04-18");
    }

    @Test
    void anExtensionAfterAnAlertClearsItAndTheMovedDeadlineIsWatched() {
        events.pipeInput("E-4", received("E-4", "2016-03-17T10:00:00Z", "First Response"));
        List<String> raised = alertsOverDays(40, Map.of(LocalDate.parse("2016-04-01"), event("ExtensionAgreed",
                "E-4", "2016-04-01T10:00:00Z", "{\"stage\":1,\"workingDays\":20}")));
        assertThat(raised).containsExactly(
                "2016-03-31 AT_RISK due 2016-04-04",
                "2016-04-01 CLEARED(AT_RISK) due 2016-04-04",
                "2016-04-14 AT_RISK due 2016-04-18",
                "2016-04-19 CLEARED(AT_RISK) due 2016-04-18",
                "2016-04-19 BREACHED due 2016-04-18");
    }

    @Test
    void stageThreeIsWatchedDeadlineByDeadline() {
        events.pipeInput("E-5", received("E-5", "2016-01-04T10:00:00Z", "First Response"));
        events.pipeInput("E-5", responded("E-5", "2016-01-11T10:00:00Z", 1, "NOT_UPHELD"));
        events.pipeInput("E-5", event("EscalationRequested", "E-5", "2016-01-12T10:00:00Z", "{\"toStage\":2}"));
        events.pipeInput("E-5", responded("E-5", "2016-02-15T10:00:00Z", 2, "NOT_UPHELD"));
        List<String> raised = alertsOverDays(90, Map.of(
                LocalDate.parse("2016-03-18"), event("EscalationRequested", "E-5", "2016-03-18T10:00:00Z",
                        "{\"toStage\":3}"),
                LocalDate.parse("2016-05-10"), event("PanelHeld", "E-5", "2016-05-10T10:00:00+01:00", "{}"),
                LocalDate.parse("2016-05-16"), event("PanelReportIssued", "E-5", "2016-05-16T10:00:00+01:00", "{}"),
                LocalDate.parse("2016-06-09"), responded("E-5", "2016-06-09T10:00:00+01:00", 3, "NOT_UPHELD")));
        // Panel within 30 working days of the request (Easter and 2 May skipped), its report within 5 of the
        // meeting, the authority's response within 15 of the report (30 May skipped).
        assertThat(raised).containsExactly(
                "2016-04-29 AT_RISK PANEL_MEETING due 2016-05-04",
                "2016-05-05 CLEARED(AT_RISK) PANEL_MEETING due 2016-05-04",
                "2016-05-05 BREACHED PANEL_MEETING due 2016-05-04",
                "2016-05-10 CLEARED(BREACHED) PANEL_MEETING due 2016-05-04",
                "2016-05-13 AT_RISK PANEL_REPORT due 2016-05-17",
                "2016-05-16 CLEARED(AT_RISK) PANEL_REPORT due 2016-05-17",
                "2016-06-03 AT_RISK due 2016-06-07",
                "2016-06-08 CLEARED(AT_RISK) due 2016-06-07",
                "2016-06-08 BREACHED due 2016-06-07",
                "2016-06-09 CLEARED(BREACHED) due 2016-06-07");
    }

    @Test
    void anExtensionBeyondTheStatutoryMaximumIsRejectedWithTheReason() {
        events.pipeInput("E-3", received("E-3", "2016-03-17T10:00:00Z", "First Response"));
        events.pipeInput("E-3", event("ExtensionAgreed", "E-3", "2016-03-21T10:00:00Z",
                "{\"stage\":1,\"workingDays\":30}"));
        List<TestRecord<byte[], byte[]>> rejected = dlq.readRecordsToList();
        assertThat(rejected).hasSize(1);
        assertThat(new String(rejected.get(0).headers().lastHeader("__streams.errors.message").value(),
                StandardCharsets.UTF_8)).contains("at most 20 working days");
    }

    @Test
    void anExtensionThatWouldShortenTheDeadlineIsRejectedAndTheStatutoryDateStands() {
        events.pipeInput("E-4", received("E-4", "2016-03-17T10:00:00Z", "First Response"));
        events.pipeInput("E-4", event("ExtensionAgreed", "E-4", "2016-03-18T10:00:00Z",
                "{\"stage\":1,\"workingDays\":5}"));
        List<TestRecord<byte[], byte[]>> rejected = dlq.readRecordsToList();
        assertThat(rejected).singleElement().satisfies(r -> assertThat(new String(
                r.headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8))
                .contains("an extension lengthens the limit: children's stage 1 may be extended to 11-20 working"
                        + " days in total (SI 2006/1738 reg 14); 5 requested"));
        // Still due on the 10th working day (Monday 4 April, after Easter), not on the 5th.
        assertThat(alertsOverDays(40, Map.of())).containsExactly(
                "2016-03-31 AT_RISK due 2016-04-04",
                "2016-04-05 CLEARED(AT_RISK) due 2016-04-04",
                "2016-04-05 BREACHED due 2016-04-04",
                "2016-04-19 STAGE2_MUST_BE_OFFERED due 2016-04-18");
    }

    @Test
    void adultsAreAlertedWhenTheAcknowledgementAndTheAgreedResponseDateAreMissed() {
        events.pipeInput("A-1", event("ComplaintReceived", "A-1", "2016-03-17T10:00:00Z",
                "{\"regime\":\"ADULTS\",\"serviceArea\":\"Home Care\",\"complainantType\":\"ADULT_SERVICE_USER\","
                        + "\"agreedResponseBy\":\"2016-04-15\"}"));
        List<String> raised = alertsOverDays(40, Map.of(LocalDate.parse("2016-04-08"),
                event("ComplaintAcknowledged", "A-1", "2016-04-08T10:00:00Z", "{\"stage\":1}")));
        // Acknowledge within 3 working days (due Tue 22 March); respond by the agreed 15 April.
        assertThat(raised).containsExactly(
                "2016-03-23 ACKNOWLEDGEMENT_OVERDUE ACKNOWLEDGEMENT due 2016-03-22",
                "2016-04-08 CLEARED(ACKNOWLEDGEMENT_OVERDUE) ACKNOWLEDGEMENT due 2016-03-22",
                "2016-04-13 AT_RISK due 2016-04-15",
                "2016-04-16 CLEARED(AT_RISK) due 2016-04-15",
                "2016-04-16 BREACHED due 2016-04-15");
    }
}
