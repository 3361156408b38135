package io.complaintskpi.streams;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.rules.Timescale.Milestone;
import org.apache.kafka.streams.test.TestRecord;
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
import static io.complaintskpi.testing.ContractEvents.responded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corporate complaints under the Complaint Handling Code, alerted by the wall clock alone: acknowledged within
 * 5 working days, answered within 10 (stage 2: 20) of the acknowledgement, counted from the day the
 * acknowledgement was due while it is missing or late. Around Easter 2016 and Christmas 2015.
 */
class CorporateDeadlineAlertsTest {

    @TempDir
    Path dir;

    private static byte[] corporate(String id, String at) {
        return event("ComplaintReceived", id, at,
                "{\"regime\":\"CORPORATE\",\"serviceArea\":\"Highways\",\"complainantType\":\"OTHER_SUFFICIENT_INTEREST\"}");
    }

    private static byte[] acknowledged(String id, String at, int stage) {
        return event("ComplaintAcknowledged", id, at, "{\"stage\":" + stage + "}");
    }

    /** Starts the topology at {@code start}, pipes {@code first}, then moves the wall clock a day at a time. */
    private List<String> alertsOverDays(Instant start, List<byte[]> first, int days, Map<LocalDate, byte[]> byDay) {
        try (TopologyHarness topology = new TopologyHarness(dir, start)) {
            first.forEach(e -> topology.events.pipeInput(key(e), e));
            List<String> raised = new ArrayList<>();
            for (int day = 1; day <= days; day++) {
                LocalDate today = LocalDate.ofInstant(start.plus(Duration.ofDays(day)), ZoneOffset.UTC);
                byte[] event = byDay.get(today);
                if (event != null) {
                    topology.events.pipeInput(key(event), event);
                }
                topology.driver.advanceWallClockTime(Duration.ofDays(1));
                for (Alert alert : topology.alerts.readValuesToList()) {
                    raised.add(today + " " + alert.kind() + (alert.clears() == null ? "" : "(" + alert.clears() + ")")
                            + (alert.milestone() == Milestone.RESPONSE ? "" : " " + alert.milestone())
                            + " stage " + alert.stage() + " due " + alert.dueDate());
                }
            }
            assertThat(topology.dlq.readRecordsToList()).isEmpty();
            return raised;
        }
    }

    private static String key(byte[] event) {
        String json = new String(event, StandardCharsets.UTF_8);
        int at = json.indexOf("\"complaintId\":\"") + 15;
        return json.substring(at, json.indexOf('"', at));
    }

    @Test
    void aLateAcknowledgementAcrossEasterBuysNoTime() {
        // Received Thu 17 March 2016: acknowledgement due Thu 24 March (5 working days). It comes late, on Tue 29
        // March (after Good Friday and Easter Monday), so the response is still due 10 working days after 24 March:
        // Mon 11 April, as if it had not been acknowledged at all.
        List<String> raised = alertsOverDays(Instant.parse("2016-03-17T18:00:00Z"),
                List.of(corporate("K-1", "2016-03-17T10:00:00Z")), 30,
                Map.of(LocalDate.parse("2016-03-29"), acknowledged("K-1", "2016-03-29T10:00:00+01:00", 1)));
        assertThat(raised).containsExactly(
                "2016-03-22 AT_RISK ACKNOWLEDGEMENT stage 1 due 2016-03-24",
                "2016-03-25 CLEARED(AT_RISK) ACKNOWLEDGEMENT stage 1 due 2016-03-24",
                "2016-03-25 BREACHED ACKNOWLEDGEMENT stage 1 due 2016-03-24",
                "2016-03-29 CLEARED(BREACHED) ACKNOWLEDGEMENT stage 1 due 2016-03-24",
                "2016-04-07 AT_RISK stage 1 due 2016-04-11",
                "2016-04-12 CLEARED(AT_RISK) stage 1 due 2016-04-11",
                "2016-04-12 BREACHED stage 1 due 2016-04-11");
    }

    @Test
    void anAcknowledgementInTimeStartsTheResponseClockOnItsDay() {
        // Acknowledged Mon 21 March: the 10 working days run from then, skipping Easter: due Wed 6 April.
        List<String> raised = alertsOverDays(Instant.parse("2016-03-17T18:00:00Z"),
                List.of(corporate("K-2", "2016-03-17T10:00:00Z")), 30,
                Map.of(LocalDate.parse("2016-03-21"), acknowledged("K-2", "2016-03-21T10:00:00Z", 1)));
        assertThat(raised).containsExactly(
                "2016-04-04 AT_RISK stage 1 due 2016-04-06",
                "2016-04-07 CLEARED(AT_RISK) stage 1 due 2016-04-06",
                "2016-04-07 BREACHED stage 1 due 2016-04-06");
    }

    @Test
    void stageTwoRequestedOnChristmasEve() {
        // Stage 2 asked for on Thu 24 December 2015: acknowledgement due Tue 5 January (25, 28 December and 1 January
        // are not working days); acknowledged Mon 4 January, so 20 working days run from then: due Mon 1 February.
        List<String> raised = alertsOverDays(Instant.parse("2015-12-24T18:00:00Z"), List.of(
                        corporate("K-3", "2015-12-01T10:00:00Z"),
                        acknowledged("K-3", "2015-12-02T10:00:00Z", 1),
                        responded("K-3", "2015-12-10T10:00:00Z", 1, "NOT_UPHELD"),
                        event("EscalationRequested", "K-3", "2015-12-24T10:00:00Z", "{\"toStage\":2}")), 45,
                Map.of(LocalDate.parse("2016-01-04"), acknowledged("K-3", "2016-01-04T10:00:00Z", 2)));
        assertThat(raised).containsExactly(
                "2015-12-31 AT_RISK ACKNOWLEDGEMENT stage 2 due 2016-01-05",
                "2016-01-04 CLEARED(AT_RISK) ACKNOWLEDGEMENT stage 2 due 2016-01-05",
                "2016-01-28 AT_RISK stage 2 due 2016-02-01",
                "2016-02-02 CLEARED(AT_RISK) stage 2 due 2016-02-01",
                "2016-02-02 BREACHED stage 2 due 2016-02-01");
    }

    @Test
    void anExtensionWithoutAReasonBeyondTheCodeIsAcceptedAndMovesTheDeadline() {
        // Received and acknowledged Mon 4 January 2016; the council tells the complainant 25 working days (15 more
        // than the Code's 10, no reason recorded): accepted (counted as beyond the Code), due Mon 8 February.
        List<String> raised = alertsOverDays(Instant.parse("2016-01-04T18:00:00Z"), List.of(
                corporate("K-4", "2016-01-04T09:00:00Z"),
                acknowledged("K-4", "2016-01-04T10:00:00Z", 1),
                event("ExtensionAgreed", "K-4", "2016-01-05T10:00:00Z", "{\"stage\":1,\"workingDays\":25}")), 40,
                Map.of());
        assertThat(raised).containsExactly(
                "2016-02-04 AT_RISK stage 1 due 2016-02-08",
                "2016-02-09 CLEARED(AT_RISK) stage 1 due 2016-02-08",
                "2016-02-09 BREACHED stage 1 due 2016-02-08");
    }

    @Test
    void aCorporateComplaintHasNoThirdStage() {
        try (TopologyHarness topology = new TopologyHarness(dir, Instant.parse("2016-03-17T18:00:00Z"))) {
            for (byte[] e : List.of(corporate("K-5", "2016-01-04T10:00:00Z"),
                    responded("K-5", "2016-01-11T10:00:00Z", 1, "NOT_UPHELD"),
                    event("EscalationRequested", "K-5", "2016-01-12T10:00:00Z", "{\"toStage\":2}"),
                    responded("K-5", "2016-02-01T10:00:00Z", 2, "NOT_UPHELD"),
                    event("EscalationRequested", "K-5", "2016-02-05T10:00:00Z", "{\"toStage\":3}"))) {
                topology.events.pipeInput("K-5", e);
            }
            List<TestRecord<byte[], byte[]>> rejected = topology.dlq.readRecordsToList();
            assertThat(rejected).singleElement().satisfies(r -> assertThat(new String(
                    r.headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8))
                    .contains("corporate complaints have two stages; after stage 2 comes the Ombudsman"));
        }
    }
}
