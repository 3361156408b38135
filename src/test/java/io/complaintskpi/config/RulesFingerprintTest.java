package io.complaintskpi.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

class RulesFingerprintTest {

    private static ServiceConfig config(Map<String, String> settings) {
        return ServiceConfig.load(Map.of(), new Properties(), settings);
    }

    @Test
    void everyFigureSettingIsInTheFingerprintAndNoInfrastructureSettingIs() {
        RulesFingerprint base = RulesFingerprint.of(config(Map.of()));
        Map<String, String> changes = Map.of("authority.default", "E1", "calendar.extra-closures", "2016-12-28",
                "calendar.extra-working-days", "2016-12-27", "rules.stage2-clock-start", "REQUEST",
                "rules.adults-response-months", "3", "alerts.at-risk-working-days", "5",
                "rules.corporate-timescales", "E1:stage1-response=20");
        assertThat(changes.keySet()).as("a change of every setting declared changingFigures() is tried here")
                .containsExactlyInAnyOrderElementsOf(RulesFingerprint.KEYS);
        for (var change : changes.entrySet()) {
            RulesFingerprint changed = RulesFingerprint.of(config(Map.of(change.getKey(), change.getValue())));
            assertThat(changed.changesSince(base)).as(change.getKey()).singleElement(STRING)
                    .startsWith(change.getKey() + ": ");
            assertThat(changed.id()).isNotEqualTo(base.id());
        }
        RulesFingerprint infrastructure = RulesFingerprint.of(config(Map.of("streams.threads", "4",
                "http.port", "7099", "application.id", "other", "authority.names", "LOCAL=Somewhere")));
        assertThat(infrastructure.changesSince(base)).isEmpty();
        assertThat(infrastructure.id()).isEqualTo(base.id());
    }

    @Test
    void theConfigurationPageMarksExactlyTheSettingsThatChangeFiguresAndTheFingerprintHoldsThem() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("docs/configuration.md"));
        for (ServiceConfig.Setting<?> setting : ServiceConfig.SETTINGS) {
            String row = rows.stream().filter(line -> line.startsWith("| `" + setting.key() + "` |")).findFirst()
                    .orElseThrow();
            assertThat(row.endsWith("| **yes** |")).as("docs mark " + setting.key())
                    .isEqualTo(setting.changesFigures());
            assertThat(RulesFingerprint.KEYS.contains(setting.key())).as("fingerprint holds " + setting.key())
                    .isEqualTo(setting.changesFigures());
        }
        assertThat(RulesFingerprint.of(config(Map.of())).settings()).containsOnlyKeys(RulesFingerprint.KEYS);
        assertThat(ServiceConfig.SETTINGS).extracting(ServiceConfig.Setting::key)
                .containsAll(RulesFingerprint.KEYS);
    }

    @Test
    void changesNameTheStoredAndTheNewValue() {
        RulesFingerprint before = RulesFingerprint.of(config(Map.of()));
        RulesFingerprint after = RulesFingerprint.of(config(Map.of("rules.stage2-clock-start", "REQUEST",
                "calendar.extra-closures", "2016-12-29,2016-12-28")));
        assertThat(after.changesSince(before)).containsExactly(
                "calendar.extra-closures: (none) -> 2016-12-28,2016-12-29",
                "rules.stage2-clock-start: STATEMENT_AGREED -> REQUEST");
    }

    @Test
    void aFingerprintStoredBeforeCorporateTimescalesExistedMeansTheCodesOwn() {
        RulesFingerprint now = RulesFingerprint.of(config(Map.of()));
        String stored = now.text().replace("rules.corporate-timescales=\n", "");
        assertThat(stored).doesNotContain("corporate");
        assertThat(now.changesSince(RulesFingerprint.parse(stored))).isEmpty();
        assertThat(RulesFingerprint.of(config(Map.of("rules.corporate-timescales", "stage1-response=20")))
                .changesSince(RulesFingerprint.parse(stored)))
                .containsExactly("rules.corporate-timescales: (none) -> stage1-response=20");
    }

    @Test
    void theStoredTextReadsBackAsTheSameFingerprint() {
        RulesFingerprint rules = RulesFingerprint.of(config(Map.of("calendar.extra-closures", "2016-12-28")));
        assertThat(RulesFingerprint.parse(rules.text())).isEqualTo(rules);
        assertThat(rules.text()).contains("calendar.extra-closures=2016-12-28\n")
                .contains("rules.stage2-clock-start=STATEMENT_AGREED");
    }
}
