package io.complaintskpi.config;

import io.complaintskpi.rules.Stage2ClockStart;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadmeConfigurationTest {

    @Test
    void theReadmeDocumentsEverySettingWithItsDefault() throws IOException {
        String readme = Files.readString(Path.of("docs/configuration.md"));
        for (ServiceConfig.Setting s : ServiceConfig.SETTINGS) {
            assertThat(readme).contains("| `" + s.key() + "` | `" + s.env() + "` | `" + s.defaultValue() + "` |");
        }
    }

    @Test
    void theReadmeStartsWithTheRunAndTestCommands() throws IOException {
        String head = String.join("\n", Files.readAllLines(Path.of("README.md")).subList(0, 12));
        assertThat(head).contains("java -jar target/complaints-kpi.jar demo").contains("mvn -B verify");
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverTheFile() {
        Properties file = new Properties();
        file.setProperty("http.port", "1111");
        file.setProperty("alerts.at-risk-working-days", "4");
        file.setProperty("streams.threads", "2");
        ServiceConfig config = ServiceConfig.load(
                Map.of("COMPLAINTS_HTTP_PORT", "2222", "COMPLAINTS_AT_RISK_WORKING_DAYS", "5"),
                file, Map.of("http.port", "3333"));
        assertThat(config.httpPort()).isEqualTo(3333);
        assertThat(config.rules().atRiskWorkingDays()).isEqualTo(5);
        assertThat(config.streamThreads()).isEqualTo(2);
        assertThat(config.embeddedBroker()).isTrue();
    }

    @Test
    void extraWorkingDaysReachTheCalendar() {
        ServiceConfig config = ServiceConfig.load(Map.of("COMPLAINTS_EXTRA_WORKING_DAYS", "2032-05-03"),
                new Properties(), Map.of("calendar.extra-closures", "2032-05-07"));
        assertThat(config.rules().calendar().isWorkingDay(java.time.LocalDate.parse("2032-05-03"))).isTrue();
        assertThat(config.rules().calendar().isWorkingDay(java.time.LocalDate.parse("2032-05-07"))).isFalse();
        assertThatThrownBy(() -> ServiceConfig.load(Map.of(), new Properties(),
                Map.of("calendar.extra-working-days", "2032-05-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2032-05-01 is a SATURDAY");
    }

    @Test
    void aBadValueNamesTheSetting() {
        assertThatThrownBy(() -> ServiceConfig.load(Map.of("COMPLAINTS_HTTP_PORT", "seventy"), new Properties(),
                Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http.port").hasMessageContaining("seventy");
        assertThatThrownBy(() -> ServiceConfig.load(Map.of(), new Properties(),
                Map.of("rules.stage2-clock-start", "WHENEVER"))).hasMessageContaining("WHENEVER");
    }

    /** Rule: every value of every source is read in its documented form, or refused naming the form. */
    @Test
    void valuesAreReadInTheirFormsOrRefused() {
        ServiceConfig config = ServiceConfig.load(Map.of(), new Properties(), Map.of("alerts.scan-interval", "5m",
                "disclosure.public-by-default", "true", "http.port", "65535", "streams.replication-factor", "3"));
        assertThat(config.alertScanInterval()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(config.publicByDefault()).isTrue();
        assertThat(ServiceConfig.load(Map.of("COMPLAINTS_ALERT_SCAN_INTERVAL", "PT30S"), new Properties(), Map.of())
                .alertScanInterval()).isEqualTo(java.time.Duration.ofSeconds(30));
        for (var bad : List.of(Map.of("alerts.scan-interval", "0s"), Map.of("alerts.scan-interval", "5 m"),
                Map.of("disclosure.public-by-default", "TRUE"), Map.of("disclosure.public-by-default", "yes"),
                Map.of("streams.threads", "0"), Map.of("http.port", "-1"), Map.of("http.port", "65536"),
                Map.of("streams.replication-factor", "0"), Map.of("authority.names", "E1"),
                Map.of("authority.default", " "))) {
            String key = bad.keySet().iterator().next();
            assertThatThrownBy(() -> ServiceConfig.load(Map.of(), new Properties(), bad))
                    .isInstanceOf(ServiceConfig.InvalidSettings.class)
                    .hasMessageStartingWith("setting " + key + " = '" + bad.get(key).trim() + "' (from a command-line flag) must be ")
                    .hasMessageContaining(setting(key).form().expected());
        }
    }

    @Test
    void anUnknownKeyIsAnErrorSuggestingTheNearestKnownOne() {
        Properties file = new Properties();
        file.setProperty("stream.threads", "2");
        assertThatThrownBy(() -> ServiceConfig.load(Map.of(), file, Map.of()))
                .hasMessage("unknown setting 'stream.threads' (from the --config file); did you mean 'streams.threads'?"
                        + " See docs/configuration.md");
    }

    @Test
    void aMisspeltVariableOfTheServicesOwnPrefixStopsTheStartWithTheNearestSetting() {
        assertThatThrownBy(() -> ServiceConfig.load(Map.of("COMPLAINTS_STAGE2_CLOCKSTART", "REQUEST",
                "COMPLAINTS_API_TOKEN", "a client's, not a setting", "PATH", "/usr/bin", "KAFKA_HEAP_OPTS", "-Xmx1g"),
                new Properties(), Map.of()))
                .isInstanceOf(ServiceConfig.InvalidSettings.class)
                .hasMessage("unknown environment variable COMPLAINTS_STAGE2_CLOCKSTART; did you mean"
                        + " COMPLAINTS_STAGE2_CLOCK_START (rules.stage2-clock-start)? See docs/configuration.md");
        assertThatThrownBy(() -> ServiceConfig.load(Map.of("COMPLAINTS_NOTHING_LIKE_IT", "1"), new Properties(),
                Map.of())).hasMessage("unknown environment variable COMPLAINTS_NOTHING_LIKE_IT. See docs/configuration.md");
    }

    @Test
    void statutoryRuleSettingsAreApartFromInfrastructure() {
        ServiceConfig config = ServiceConfig.load(Map.of(), new Properties(), Map.of(
                "rules.stage2-clock-start", "request", "calendar.extra-closures", "2016-12-28",
                "rules.adults-response-months", "3", "alerts.at-risk-working-days", "4",
                "alerts.settle-time", "90s"));
        assertThat(config.rules()).isEqualTo(new RuleSettings(Set.of(LocalDate.parse("2016-12-28")), Set.of(),
                Stage2ClockStart.REQUEST, 3, 4, Duration.ofSeconds(90), ""));
        assertThat(config.rules().calendar().isWorkingDay(LocalDate.parse("2016-12-28"))).isFalse();
    }

    @Test
    void theSettingsTableDocumentsTheAcceptedForms() throws IOException {
        String doc = Files.readString(Path.of("docs/configuration.md"));
        for (ServiceConfig.Setting s : ServiceConfig.SETTINGS) {
            assertThat(doc).contains("| `" + s.key() + "` | `" + s.env() + "` | `" + s.defaultValue() + "` | "
                    + s.form().expected() + " | " + s.description() + " |");
        }
    }

    private static ServiceConfig.Setting setting(String key) {
        return ServiceConfig.SETTINGS.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }
}
