package io.complaintskpi.ops;

import io.complaintskpi.testing.Tools;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert rules are valid for Prometheus and behave as their unit tests (prometheus/tests) say. */
class PromtoolRulesTest {

    @Test
    void rulesAreValid() {
        Path promtool = Tools.promtool();
        Processes.Result result = Processes.run(RepoFiles.ROOT, Map.of(),
                List.of(promtool.toString(), "check", "rules", RepoFiles.RULES.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void ruleUnitTestsPass() {
        Path promtool = Tools.promtool();
        List<Path> tests = RepoFiles.list(RepoFiles.RULE_TESTS, ".test.yml");
        assertThat(tests).as("promtool unit tests in prometheus/tests").isNotEmpty();
        List<String> command = new ArrayList<>(List.of(promtool.toString(), "test", "rules"));
        tests.forEach(t -> command.add(t.toString()));
        Processes.Result result = Processes.run(RepoFiles.ROOT, Map.of(), command);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void composePrometheusConfigIsValid() {
        Path promtool = Tools.promtool();
        Processes.Result result = Processes.run(RepoFiles.ROOT, Map.of(), List.of(promtool.toString(), "check",
                "config", "--syntax-only", RepoFiles.ROOT.resolve("prometheus/prometheus.yml").toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void everyAlertTellsAPersonWhatHappenedWhereToLookAndWhatToDo() {
        Set<String> anchors = RepoFiles.read(RepoFiles.ROOT.resolve("docs/operations.md")).lines()
                .filter(l -> l.startsWith("#")).map(PromtoolRulesTest::anchor).collect(Collectors.toSet());
        Set<String> dashboards = Dashboards.all().stream().map(d -> d.json().path("uid").asText())
                .collect(Collectors.toSet());
        List<JsonNode> alerts = RepoFiles.yaml(RepoFiles.RULES).findValues("rules").stream()
                .flatMap(group -> StreamSupport.stream(group.spliterator(), false))
                .filter(rule -> rule.has("alert")).toList();
        assertThat(alerts).hasSizeGreaterThan(10).allSatisfy(rule -> {
            String name = rule.path("alert").asText();
            JsonNode a = rule.path("annotations");
            assertThat(a.path("summary").asText()).as(name + " summary").isNotBlank()
                    .doesNotContain("{{ $value }}");
            assertThat(a.path("description").asText()).as(name + " description").hasSizeGreaterThan(40)
                    .doesNotContain("{{ $value }}");
            assertThat(a.path("runbook_url").asText()).as(name + " runbook_url")
                    .isEqualTo("docs/operations.md#" + name.toLowerCase(Locale.ROOT));
            assertThat(anchors).as(name + ": a runbook section in docs/operations.md")
                    .contains(name.toLowerCase(Locale.ROOT));
            Matcher uid = Pattern.compile("^http://localhost:3000/d/([\\w-]+)").matcher(a.path("dashboard").asText());
            assertThat(uid.find()).as(name + " dashboard link " + a.path("dashboard")).isTrue();
            assertThat(dashboards).as(name + " dashboard").contains(uid.group(1));
            assertThat(rule.path("labels").path("severity").asText()).isIn("critical", "warning", "info", "none");
            assertThat(rule.path("labels").path("team").asText()).isIn("complaints", "platform");
        });
    }

    /** GitHub's anchor of a markdown heading. */
    private static String anchor(String heading) {
        return heading.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "")
                .replace(' ', '-');
    }

    @Test
    void everyAlertRuleHasAUnitTest() {
        List<String> alerts = RepoFiles.yaml(RepoFiles.RULES).findValuesAsText("alert");
        String tests = String.join("\n", RepoFiles.list(RepoFiles.RULE_TESTS, ".test.yml").stream()
                .map(RepoFiles::read).toList());
        assertThat(alerts).isNotEmpty().allSatisfy(alert ->
                assertThat(tests).as("a promtool test of " + alert).contains("alertname: " + alert));
    }
}
