package io.complaintskpi.ops;

import io.complaintskpi.testing.Tools;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * prometheus/alertmanager.yml: valid for amtool, routes each kind of alert to the receiver its comment says
 * (the dead-man's switch, pager, on-call, the complaints team in office hours), and lets a service-down alert
 * hold back the alerts it causes.
 */
class AlertmanagerRoutesTest {

    private static final Path CONFIG = RepoFiles.ROOT.resolve("prometheus/alertmanager.yml");
    private final JsonNode config = RepoFiles.yaml(CONFIG);

    @Test
    void configIsValid() {
        Processes.Result result = Processes.run(RepoFiles.ROOT, Map.of(),
                List.of(Tools.amtool().toString(), "check-config", CONFIG.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "alertname=Watchdog severity=none team=platform, deadmans-switch",
        "alertname=ComplaintsServiceDown severity=critical team=platform, platform-pager",
        "alertname=ComplaintsDeadLettersReceived severity=warning team=platform, platform-on-call",
        "alertname=ComplaintDeadlineBreached severity=warning team=complaints, complaints-team",
        "alertname=ComplaintAcknowledgementOverdue severity=info team=complaints, complaints-digest",
    })
    void eachAlertReachesItsReceiver(String labels, String receiver) {
        List<String> command = new ArrayList<>(List.of(Tools.amtool().toString(), "config", "routes", "test",
                "--config.file=" + CONFIG, "--verify.receivers=" + receiver));
        command.addAll(List.of(labels.split(" ")));
        Processes.Result result = Processes.run(RepoFiles.ROOT, Map.of(), command);
        assertThat(result.exitCode()).as(labels + " -> " + result.output()).isZero();
        assertThat(result.output()).contains(receiver);
    }

    @Test
    void theDeadMansSwitchRepeatsEveryMinuteAndTheComplaintsTeamIsToldInOfficeHoursOnly() {
        List<JsonNode> routes = new ArrayList<>();
        config.at("/route/routes").forEach(routes::add);
        JsonNode watchdog = routes.get(0);
        assertThat(watchdog.path("matchers").toString()).contains("alertname=\\\"Watchdog\\\"");
        assertThat(watchdog.path("repeat_interval").asText()).isEqualTo("1m");
        List<JsonNode> complaints = routes.stream().filter(r -> r.path("matchers").toString().contains("team=\\\"complaints\\\""))
                .toList();
        assertThat(complaints).isNotEmpty().allSatisfy(r -> {
            assertThat(r.path("active_time_intervals").get(0).asText()).isEqualTo("complaints-office-hours");
            assertThat(hours(r.path("repeat_interval").asText()))
                    .isGreaterThan(hours(config.at("/route/repeat_interval").asText()));
        });
        JsonNode office = config.at("/time_intervals/0");
        assertThat(office.path("name").asText()).isEqualTo("complaints-office-hours");
        assertThat(office.at("/time_intervals/0/location").asText()).isEqualTo("Europe/London");
        assertThat(office.at("/time_intervals/0/weekdays/0").asText()).isEqualTo("monday:friday");
    }

    @Test
    void serviceDownHoldsBackTheDeadlineAndPlatformAlertsButNotItselfNorTheWatchdog() {
        List<String> targets = new ArrayList<>();
        config.path("inhibit_rules").forEach(rule -> {
            if (rule.path("source_matchers").toString().contains("ComplaintsServiceDown")) {
                targets.add(rule.path("target_matchers").toString());
            }
        });
        assertThat(String.join(" ", targets)).contains("team=\\\"complaints\\\"", "team=\\\"platform\\\"",
                "alertname!~\\\"ComplaintsServiceDown|Watchdog\\\"");
    }

    private static int hours(String duration) {
        return duration.endsWith("h") ? Integer.parseInt(duration.substring(0, duration.length() - 1)) : 0;
    }
}
