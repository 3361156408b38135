package io.complaintskpi.streams;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.drilldown.DrillDownPlan;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.figures.KpiSnapshot;
import io.complaintskpi.rules.Period;
import io.complaintskpi.rules.Timescale.Milestone;
import io.complaintskpi.testing.ContractEvents;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.complaintskpi.testing.ContractEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ombudsman recommendations' due dates go through the statutory deadlines' alert machinery, moved by the wall clock
 * alone, around Easter 2016 (Good Friday 25 and Easter Monday 28 March are bank holidays). The rule: a due date is a
 * date the Ombudsman set, so it is breached the calendar day after it whatever the calendar says (a bank holiday
 * moves no breach, not even when the due date is one); AT_RISK comes 2 working days before it (the default
 * {@code alerts.at-risk-working-days}), the one date counted in working days, so bank holidays move it earlier.
 */
class RecommendationAlertsTest {

    private static final String CASE = "LGSCO-15-009-001";

    @TempDir
    Path dir;

    private static byte[] recommended(int number, String kind, long pence, String due) {
        return event("OmbudsmanRecommendationMade", CASE, "2016-03-01T15:00:00Z", "{\"recommendation\":" + number
                + ",\"kind\":\"" + kind + "\"" + (pence > 0 ? ",\"amountPence\":" + pence : "") + ",\"dueDate\":\""
                + due + "\"}");
    }

    private static byte[] completed(int number, String on, boolean evidence) {
        return event("OmbudsmanRecommendationCompleted", CASE, on + "T10:00:00+01:00",
                "{\"recommendation\":" + number + ",\"evidenceSent\":" + evidence + "}");
    }

    private static List<byte[]> caseWithThreeRecommendations() {
        return List.of(
                event("OmbudsmanEnquiryReceived", CASE, "2015-10-01T10:00:00+01:00",
                        "{\"serviceArea\":\"Fostering\",\"regime\":\"CHILDREN\"}"),
                event("OmbudsmanDecision", CASE, "2016-03-01T14:00:00Z",
                        "{\"outcome\":\"UPHELD_MALADMINISTRATION_INJUSTICE\",\"remedyPence\":25000}"),
                recommended(1, "APOLOGY", 0, "2016-03-29"),           // Tuesday after Easter
                recommended(2, "PAYMENT", 25000, "2016-03-31"),       // Thursday, no holiday in its warning
                recommended(3, "PROCEDURE_REVIEW", 0, "2016-03-28")); // Easter Monday itself
    }

    /** Alerts day by day as the wall clock moves from {@code start}, with {@code byDay} piped on their day. */
    private List<String> alertsOverDays(TopologyHarness topology, Instant start, int days, Map<LocalDate, List<byte[]>> byDay) {
        List<String> raised = new ArrayList<>();
        for (int day = 1; day <= days; day++) {
            LocalDate today = LocalDate.ofInstant(start.plus(Duration.ofDays(day)), ZoneOffset.UTC);
            byDay.getOrDefault(today, List.of()).forEach(e -> topology.events.pipeInput(CASE, e));
            topology.driver.advanceWallClockTime(Duration.ofDays(1));
            for (Alert alert : topology.alerts.readValuesToList()) {
                assertThat(alert.milestone()).isEqualTo(Milestone.RECOMMENDATION);
                assertThat(alert.serviceArea()).isEqualTo("Fostering");
                raised.add(today + " " + alert.kind() + (alert.clears() == null ? "" : "(" + alert.clears() + ")")
                        + " recommendation " + alert.stage() + " due " + alert.dueDate());
            }
        }
        return raised;
    }

    @Test
    void eachRecommendationIsWarnedAndBreachedOnceAndClearedWhenMetWithEvidence() {
        Instant start = Instant.parse("2016-03-01T18:00:00Z");
        try (TopologyHarness topology = new TopologyHarness(dir, start)) {
            caseWithThreeRecommendations().forEach(e -> topology.events.pipeInput(CASE, e));
            List<String> raised = alertsOverDays(topology, start, 60, Map.of(
                    LocalDate.parse("2016-03-30"), List.of(completed(2, "2016-03-30", true)),
                    // Done without evidence: the Ombudsman does not count it, so nothing clears ...
                    LocalDate.parse("2016-04-01"), List.of(completed(1, "2016-04-01", false)),
                    // ... until the evidence is sent.
                    LocalDate.parse("2016-04-05"), List.of(completed(1, "2016-04-05", true))));

            assertThat(raised).containsExactly(
                    // 2 working days before Tue 29 and Mon 28 March, skipping both bank holidays: Wed 23 March.
                    "2016-03-23 AT_RISK recommendation 1 due 2016-03-29",
                    "2016-03-23 AT_RISK recommendation 3 due 2016-03-28",
                    "2016-03-29 AT_RISK recommendation 2 due 2016-03-31",
                    // Due on Easter Monday: breached on Tuesday 29, the holiday moves nothing.
                    "2016-03-29 CLEARED(AT_RISK) recommendation 3 due 2016-03-28",
                    "2016-03-29 BREACHED recommendation 3 due 2016-03-28",
                    // Recommendation 2 met in time (piped before the day's scan); 1 breached the day after it was due.
                    "2016-03-30 CLEARED(AT_RISK) recommendation 2 due 2016-03-31",
                    "2016-03-30 CLEARED(AT_RISK) recommendation 1 due 2016-03-29",
                    "2016-03-30 BREACHED recommendation 1 due 2016-03-29",
                    "2016-04-05 CLEARED(BREACHED) recommendation 1 due 2016-03-29");
            assertThat(topology.dlq.readRecordsToList()).isEmpty();

            // Due in March 2016: 3; on time: recommendation 2; late: 1; outstanding: 3. Paid: 2's £250.00.
            KpiSnapshot march = new KpiEvaluator(topology.series())
                    .snapshot(ContractEvents.AUTHORITY, Period.month(YearMonth.of(2016, 3)));
            assertThat(march.figure("ombudsman.recommendations.due").count()).isEqualTo(3);
            assertThat(march.figure("ombudsman.recommendations.on_time").count()).isEqualTo(1);
            assertThat(march.find("ombudsman.recommendations.due.by_status", "late").orElseThrow().count()).isEqualTo(1);
            assertThat(march.find("ombudsman.recommendations.due.by_status", "outstanding").orElseThrow().count())
                    .isEqualTo(1);
            assertThat(march.figure("ombudsman.recommendations.compliance.rate").rate().percent())
                    .isEqualByComparingTo("33.3");
            assertThat(march.figure("ombudsman.recommendations.paid").count()).isEqualTo(25000);
            assertThat(march.find("ombudsman.recommendations.by_kind", "PAYMENT").orElseThrow().count()).isEqualTo(1);

            // The counts open to the case behind them: one row per recommendation due, on its due date.
            StoreContributors contributors = new StoreContributors(() -> List.of(new StoreContributors.Partition(
                    topology.driver.getKeyValueStore(Names.KPI_CONTRIBUTORS_STORE), topology.cases())));
            Period period = Period.month(YearMonth.of(2016, 3));
            DrillDownPlan due = DrillDownPlan.of(topology.series(), ContractEvents.AUTHORITY,
                    "ombudsman.recommendations.due", null, period, null, 10);
            assertThat(contributors.read(due.query()).rows()).extracting(r -> r.reference() + " " + r.dimension() + " "
                    + r.date()).containsExactlyInAnyOrder(CASE + " late 2016-03-29", CASE + " on_time 2016-03-31",
                    CASE + " outstanding 2016-03-28");
            DrillDownPlan onTime = DrillDownPlan.of(topology.series(), ContractEvents.AUTHORITY,
                    "ombudsman.recommendations.on_time", null, period, null, 10);
            assertThat(onTime.figure()).isEqualTo(1);
            assertThat(contributors.read(onTime.query()).rows()).singleElement()
                    .satisfies(r -> assertThat(r.date()).isEqualTo(LocalDate.parse("2016-03-31")));
        }
    }

    @Test
    void withoutTheBankHolidaysTheWarningComesLaterAndTheBreachOnTheSameDay() {
        // The same case a year on, with no holiday in the way: due Tue 29 March 2017, warned Fri 24 (2 working days
        // before), breached Wed 30, the day after, as at Easter 2016.
        Instant start = Instant.parse("2017-03-01T18:00:00Z");
        try (TopologyHarness topology = new TopologyHarness(dir, start)) {
            List.of(event("OmbudsmanEnquiryReceived", CASE, "2016-10-01T10:00:00+01:00", "{\"serviceArea\":\"Fostering\"}"),
                    event("OmbudsmanDecision", CASE, "2017-03-01T14:00:00Z", "{\"outcome\":\"UPHELD\"}"),
                    event("OmbudsmanRecommendationMade", CASE, "2017-03-01T15:00:00Z",
                            "{\"recommendation\":1,\"kind\":\"STAFF_TRAINING\",\"dueDate\":\"2017-03-29\"}"))
                    .forEach(e -> topology.events.pipeInput(CASE, e));
            List<String> raised = alertsOverDays(topology, start, 45, Map.of());

            assertThat(raised).containsExactly(
                    "2017-03-27 AT_RISK recommendation 1 due 2017-03-29",
                    "2017-03-30 CLEARED(AT_RISK) recommendation 1 due 2017-03-29",
                    "2017-03-30 BREACHED recommendation 1 due 2017-03-29");
        }
    }

    @Test
    void aRecommendationBeforeItsDecisionWaitsAndOneThatBreaksTheRulesIsDeadLettered() {
        Instant start = Instant.parse("2016-03-01T18:00:00Z");
        try (TopologyHarness topology = new TopologyHarness(dir, start)) {
            List<byte[]> events = caseWithThreeRecommendations();
            topology.events.pipeInput(CASE, events.get(0));
            topology.events.pipeInput(CASE, events.get(2)); // before the decision arrived: held aside
            topology.events.pipeInput(CASE, events.get(1));
            topology.events.pipeInput(CASE, recommended(1, "OTHER", 0, "2016-04-29")); // number 1 again
            topology.events.pipeInput(CASE, recommended(4, "OTHER", 0, "2016-02-29")); // due before it was made
            topology.events.pipeInput(CASE, completed(9, "2016-03-10", true)); // held: no recommendation 9
            topology.events.pipeInput(CASE, event("OmbudsmanRecommendationMade", CASE, "2016-03-01T15:00:00Z",
                    "{\"recommendation\":5,\"kind\":\"PAYMENT\",\"dueDate\":\"2016-04-29\"}")); // a payment of nothing

            assertThat(topology.dlq.readRecordsToList()).extracting(RecommendationAlertsTest::reason).satisfiesExactly(
                    r -> assertThat(r).contains("recommendation 1 already made on 2016-03-01"),
                    r -> assertThat(r).contains("due date 2016-02-29 is before the recommendation (2016-03-01)"),
                    r -> assertThat(r).contains("$.data: required property 'amountPence' not found"));
            KpiSnapshot year = new KpiEvaluator(topology.series()).snapshot(ContractEvents.AUTHORITY,
                    Period.month(YearMonth.of(2016, 3)));
            assertThat(year.figure("ombudsman.recommendations").count()).isEqualTo(1);
            assertThat(year.figure("events.awaiting").count()).isEqualTo(1);
        }
    }

    private static String reason(TestRecord<byte[], byte[]> record) {
        return new String(record.headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8);
    }
}
