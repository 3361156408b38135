package io.complaintskpi.ops;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert rules are valid for Prometheus and behave as their unit tests (prometheus/tests) say. */
class PromtoolRulesTest {

    @Test
    void rulesAreValid() {
        Path promtool = Tools.require("promtool");
        Processes.Result result = Processes.run(RepoFiles.ROOT, Map.of(),
                List.of(promtool.toString(), "check", "rules", RepoFiles.RULES.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void ruleUnitTestsPass() {
        Path promtool = Tools.require("promtool");
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
        Path promtool = Tools.require("promtool");
        Processes.Result result = Processes.run(RepoFiles.ROOT, Map.of(), List.of(promtool.toString(), "check",
                "config", "--syntax-only", RepoFiles.ROOT.resolve("prometheus/prometheus.yml").toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
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
