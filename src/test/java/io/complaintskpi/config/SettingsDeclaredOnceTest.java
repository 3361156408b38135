package io.complaintskpi.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each setting is declared once, typed; the configuration page is its declarations, row for row. */
class SettingsDeclaredOnceTest {

    @Test
    void theConfigurationTableIsTheDeclarationsInOrder() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs/configuration.md"));
        int header = lines.indexOf("| property | environment | default | accepted | meaning | changes figures |");
        assertThat(header).as("the settings table's header").isNotNegative();
        List<String> documented = lines.subList(header + 2, lines.size()).stream()
                .takeWhile(line -> line.startsWith("|")).toList();
        List<String> declared = ServiceConfig.SETTINGS.stream().map(s -> "| `" + s.key() + "` | `" + s.env() + "` | `"
                + s.defaultValue() + "` | " + s.form().expected() + " | " + s.description() + " |"
                + (s.changesFigures() ? " **yes** |" : " |")).toList();
        assertThat(documented).containsExactlyElementsOf(declared);
    }

    @Test
    void keysAndEnvironmentVariablesAreUniqueAndEveryDefaultIsOfItsForm() {
        assertThat(ServiceConfig.SETTINGS).extracting(ServiceConfig.Setting::key).doesNotHaveDuplicates();
        assertThat(ServiceConfig.SETTINGS).extracting(ServiceConfig.Setting::env).doesNotHaveDuplicates();
        ServiceConfig defaults = ServiceConfig.defaults();
        for (ServiceConfig.Setting<?> setting : ServiceConfig.SETTINGS) {
            assertThat(defaults.get(setting)).as(setting.key()).isEqualTo(setting.form().parse(setting.defaultValue()));
        }
    }

    @Test
    void aSettingIsReadTypedFromItsKeyOrItsEnvironmentVariable() {
        ServiceConfig config = ServiceConfig.load(Map.of("COMPLAINTS_ALERT_SCAN_INTERVAL", "30s"), new Properties(),
                Map.of("http.port", "7171", "calendar.extra-closures", "2016-12-28"));
        int port = config.get(ServiceConfig.HTTP_PORT);
        Duration scan = config.get(ServiceConfig.ALERT_SCAN_INTERVAL);
        assertThat(port).isEqualTo(7171).isEqualTo(config.httpPort());
        assertThat(scan).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.get(ServiceConfig.EXTRA_CLOSURES)).containsExactly(LocalDate.parse("2016-12-28"));
        assertThat(config.rules().extraClosures()).containsExactly(LocalDate.parse("2016-12-28"));
    }

    @Test
    void withChangesOneSettingAndRefusesTheOnesReadIntoRulesOrSecurity() {
        ServiceConfig config = ServiceConfig.defaults();
        ServiceConfig moved = config.with(ServiceConfig.HTTP_PORT, 7272).with(ServiceConfig.BOOTSTRAP_SERVERS, "k:9092");
        assertThat(moved.httpPort()).isEqualTo(7272);
        assertThat(moved.bootstrapServers()).isEqualTo("k:9092");
        assertThat(moved.embeddedBroker()).isFalse();
        assertThat(moved.applicationId()).isEqualTo(config.applicationId());
        assertThat(config.httpPort()).isEqualTo(7070);
        assertThatThrownBy(() -> config.with(ServiceConfig.STAGE2_CLOCK_START, null))
                .hasMessageContaining("rules.stage2-clock-start");
        assertThatThrownBy(() -> config.with(Security.TOKENS, "")).hasMessageContaining("http.tokens");
    }
}
