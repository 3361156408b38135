package io.complaintskpi.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(config.atRiskWorkingDays()).isEqualTo(5);
        assertThat(config.streamThreads()).isEqualTo(2);
        assertThat(config.embeddedBroker()).isTrue();
    }

    @Test
    void extraWorkingDaysReachTheCalendar() {
        ServiceConfig config = ServiceConfig.load(Map.of("COMPLAINTS_EXTRA_WORKING_DAYS", "2032-05-03"),
                new Properties(), Map.of("calendar.extra-closures", "2032-05-07"));
        assertThat(config.calendar().isWorkingDay(java.time.LocalDate.parse("2032-05-03"))).isTrue();
        assertThat(config.calendar().isWorkingDay(java.time.LocalDate.parse("2032-05-07"))).isFalse();
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
}
