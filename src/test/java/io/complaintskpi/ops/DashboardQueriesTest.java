package io.complaintskpi.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.testing.ContractEvents;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every PromQL expression of the dashboards and the alert rules, run on a real Prometheus that scrapes the
 * running service: the metric names, labels and functions are the ones the service and Prometheus have.
 */
@ExtendWith(LiveStack.Extension.class)
class DashboardQueriesTest {

    /** The series the rules and dashboards read; each selector found in a rule must match something. */
    private static final Pattern SELECTOR =
            Pattern.compile("\\b((?:complaints_kpi|kafka|jvm)_\\w+|up)\\b(\\{[^}]*})?");

    /** What the events of {@link LiveStack} must make fire (or at least pend, for rules with a {@code for}). */
    private static final Set<String> FIRING = Set.of("ComplaintDeadlineBreached", "ComplaintStage2MustBeOffered",
            "ComplaintAcknowledgementOverdue", "Watchdog");

    @TestFactory
    Stream<DynamicTest> everyDashboardExpressionReturnsData(LiveStack stack) {
        List<Dashboards.Query> queries = Dashboards.queries(Dashboards.PROMETHEUS_UID);
        assertThat(queries).hasSizeGreaterThan(10);
        return queries.stream().flatMap(q -> q.choices(q.expr()).stream().map(choice -> dynamicTest(choice.name(), () -> {
            String expr = q.fill(q.expr(), choice);
            JsonNode response = stack.promQuery(expr);
            assertThat(response.path("status").asText()).as(expr + " -> " + response).isEqualTo("success");
            assertThat(response.at("/data/result")).as("no data for " + expr).isNotEmpty();
        })));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleEvaluatesOnSeriesTheServiceExports(LiveStack stack) {
        List<JsonNode> rules = RepoFiles.yaml(RepoFiles.RULES).findValues("rules").stream()
                .flatMap(group -> { List<JsonNode> r = new ArrayList<>(); group.forEach(r::add); return r.stream(); })
                .toList();
        assertThat(rules).isNotEmpty();
        return rules.stream().map(rule -> dynamicTest(rule.path("alert").asText(rule.path("record").asText()), () -> {
            String expr = rule.path("expr").asText();
            JsonNode response = stack.promQuery(expr);
            assertThat(response.path("status").asText()).as(expr + " -> " + response).isEqualTo("success");
            Matcher m = SELECTOR.matcher(expr);
            int selectors = 0;
            while (m.find()) {
                String selector = m.group(0);
                selectors++;
                assertThat(stack.promQuery("count(" + selector + ")").at("/data/result"))
                        .as("no series for " + selector + " (in the expression of " + rule.path("alert").asText() + ")")
                        .isNotEmpty();
            }
            if (!expr.startsWith("vector(")) {
                assertThat(selectors).as("series read by " + expr).isPositive();
            }
            assertThat(expr).as("gauges with sentinels and delta() are gone: counters are read with increase()")
                    .doesNotContain("delta(", "complaints_kpi_dlq_records");
            if (FIRING.contains(rule.path("alert").asText())) {
                assertThat(response.at("/data/result")).as(expr + " should hold for the test's events").isNotEmpty();
            }
        }));
    }

    /** The open-alert gauge carries the procedure, so the live dashboard's regime variable selects each one's. */
    @Test
    void theOpenAlertGaugeCountsEachProceduresAlerts(LiveStack stack) {
        for (String regime : List.of("children", "adults", "corporate")) {
            String expr = "sum(complaints_kpi_open_alerts{authority=\"" + LiveStack.VARIABLES.get("authority")
                    + "\", regime=\"" + regime + "\"})";
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    stack.promQuery(expr).at("/data/result/0/value/1").asDouble()).as(expr).isPositive());
        }
    }

    @Test
    void prometheusLoadsTheRulesAndRaisesTheDeadlineAlerts(LiveStack stack) {
        JsonNode groups = stack.promApi("/api/v1/rules").at("/data/groups");
        assertThat(groups.findValuesAsText("health")).isNotEmpty().containsOnly("ok");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode alerts = stack.promApi("/api/v1/alerts").at("/data/alerts");
            List<String> active = new ArrayList<>();
            alerts.forEach(a -> active.add(a.at("/labels/alertname").asText()
                    + (a.at("/labels/stage").isMissingNode() ? "" : "/" + a.at("/labels/stage").asText())));
            assertThat(active).contains("ComplaintDeadlineBreached/1", "ComplaintDeadlineBreached/2",
                    "ComplaintStage2MustBeOffered", "ComplaintAcknowledgementOverdue")
                    .doesNotContain("ComplaintsStreamsNotRunning", "ComplaintsServiceDown");
        });
    }

    @Test
    void aNewBreachRaisesTheBreachCounterAlertForItsAuthorityAndStage(LiveStack stack) {
        stack.promApi("/api/v1/rules");
        String received = LocalDate.now(ZoneId.of("Europe/London")).minusDays(60) + "T10:00:00Z";
        stack.publish("OPS-NEW-BREACH", ContractEvents.received("OPS-NEW-BREACH", received, "First Response"));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            List<String> active = new ArrayList<>();
            stack.promApi("/api/v1/alerts").at("/data/alerts").forEach(a -> active.add(a.at("/labels/alertname").asText()
                    + "/" + a.at("/labels/authority").asText() + "/" + a.at("/labels/stage").asText()));
            assertThat(active).contains("ComplaintDeadlineBreachesIncreased/" + ContractEvents.AUTHORITY + "/1");
        });
    }

    @Test
    void aNewDeadLetterRaisesTheDeadLetterAlert(LiveStack stack) {
        stack.publish("OPS-BAD-2", "not json at all".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(stack.promApi("/api/v1/alerts").at("/data/alerts").findValuesAsText("alertname"))
                        .contains("ComplaintsDeadLettersReceived"));
    }
}
