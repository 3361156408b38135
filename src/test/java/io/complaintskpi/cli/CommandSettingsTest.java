package io.complaintskpi.cli;

import io.complaintskpi.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command checks every setting before it starts anything, and says what is wrong in one line. */
class CommandSettingsTest {

    @TempDir
    Path dir;

    /** Rule: a bad setting stops every command before anything starts (no broker, no files), in one line. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "serve|--http-port=70800|setting http.port = '70800' (from a command-line flag) must be a whole number from 0 to 65535",
        "demo|--http-port=70800|setting http.port = '70800' (from a command-line flag) must be a whole number from 0 to 65535",
        "serve|--set=alerts.scan-interval=5 minutes|setting alerts.scan-interval = '5 minutes' (from a command-line flag) must be a positive duration like 30s, 5m, 2h or PT1M",
        "demo|--set=streams.threads=0|setting streams.threads = '0' (from a command-line flag) must be a whole number from 1 to 64",
        "serve|--set=nosuch.key=1|unknown setting 'nosuch.key' (from a command-line flag). See docs/configuration.md",
        "serve|--set=nosuch=1|unknown setting 'nosuch' (from a command-line flag). See docs/configuration.md",
        "demo|--set=alerts.scan-intervall=PT1M|unknown setting 'alerts.scan-intervall' (from a command-line flag); did you mean 'alerts.scan-interval'?",
        "report|--set=disclosure.public-by-default=yes|setting disclosure.public-by-default = 'yes' (from a command-line flag) must be true or false",
        "report|--set=rules.stage2-clock-start=WHENEVER|setting rules.stage2-clock-start = 'WHENEVER' (from a command-line flag) must be STATEMENT_AGREED or REQUEST",
        "publish|--set=streams.threads=0|setting streams.threads = '0' (from a command-line flag) must be a whole number from 1 to 64",
        "serve|--set=calendar.extra-closures=2016-13-01|setting calendar.extra-closures = '2016-13-01' (from a command-line flag) must be comma-separated ISO dates",
        "serve|--set=kafka.client.sasl.jaas.config=PlainLoginModule required password=\"hunter2\";|--set kafka.client.sasl.jaas.config puts a secret where ps and the shell history show it",
        "demo|--set=kafka.client.ssl.keystore.password=hunter2|--set kafka.client.ssl.keystore.password puts a secret where ps and the shell history show it",
        "serve|--set=http.internal-secret=hunter2|--set http.internal-secret puts a secret where ps and the shell history show it",
    })
    void aBadSettingStopsEveryCommandWithOneLineNamingSettingValueAndForm(String command, String flag, String message) {
        List<String> args = new ArrayList<>(List.of(command, flag));
        args.addAll(command.equals("report") ? List.of("--year", "2015/16", "--out", dir.resolve("out").toString())
                : List.of("--data-dir", dir.resolve("data").toString()));
        if (command.equals("publish")) {
            args.add(dir.resolve("event.json").toString());
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).isEqualTo(Main.INVALID_SETTINGS);
        assertThat(run.err()).startsWith("complaints-kpi: " + message).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).doesNotContain("hunter2");
        assertThat(dir.resolve("data")).doesNotExist();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    /** Rule: a command line that cannot be parsed is one line naming the problem and where help is, not the usage. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "serve --set=http.port|Value for option option '--set' (<String=String>) should be in KEY=VALUE format but was http.port (see 'complaints-kpi serve --help')",
        "report|Missing required option: '--year=<year>' (see 'complaints-kpi report --help')",
        "report --year=2015/x|--year must be a financial year like 2015/16 or 2015-16, got '2015/x' (see 'complaints-kpi report --help')",
        "nosuch|unknown command 'nosuch' (see 'complaints-kpi --help')",
        "serv|unknown command 'serv'; did you mean 'serve'? (see 'complaints-kpi --help')",
        "serve --htp-port=7070|unknown option '--htp-port=7070'; did you mean '--http-port'? (see 'complaints-kpi serve --help')",
        "demo --port=7071|unknown option '--port=7071'; did you mean '--http-port'? (see 'complaints-kpi demo --help')",
        "demo --per-day=zero|Invalid value for option '--per-day': 'zero' is not a duration: give one like 0, 500ms, 30s, 5m, 2h or PT0.05S (see 'complaints-kpi demo --help')",
        "report --year=2015/16 --events=/no/such/events.jsonl|--events /no/such/events.jsonl: no such file (see 'complaints-kpi report --help')",
        "serve --data-dir|Missing required parameter for option '--data-dir' (<dataDir>) (see 'complaints-kpi serve --help')",
    })
    void aCommandLineThatCannotBeParsedIsOneLine(String commandLine, String message) {
        CliRun run = CliRun.of(commandLine.split(" "));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("complaints-kpi: " + message);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void everyProblemOfEverySourceIsListedOneLineEach() throws IOException {
        Path file = Files.writeString(dir.resolve("app.properties"), "http.prot=7070\nstreams.threads=many\n");
        CliRun run = CliRun.of("serve", "--config", file.toString(), "--set", "disclosure.public-by-default=1");
        assertThat(run.exitCode()).isEqualTo(Main.INVALID_SETTINGS);
        assertThat(run.err().lines()).containsExactlyInAnyOrder(
                "complaints-kpi: unknown setting 'http.prot' (from the --config file); did you mean 'http.port'?"
                        + " See docs/configuration.md",
                "complaints-kpi: setting disclosure.public-by-default = '1' (from a command-line flag) must be true or false",
                "complaints-kpi: setting streams.threads = 'many' (from the --config file) must be a whole number from 1 to 64");
    }

    @Test
    void theDemoTakesAuthorityNamesFromTheConfigFileOverItsOwnDefault() throws IOException {
        Path file = Files.writeString(dir.resolve("app.properties"),
                "authority.names=E10000018=Leicestershire (from the file)\n");
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).parseArgs("--config", file.toString());
        assertThat(demo.settings().authorityName("E10000018")).isEqualTo("Leicestershire (from the file)");
        assertThat(demo.settings().defaultAuthority()).isEqualTo("E10000018");

        // Without the file the name comes from the authority record the demo publishes (docs/authorities.md).
        DemoCommand plain = new DemoCommand();
        new CommandLine(plain).parseArgs();
        assertThat(plain.settings().authorityName("E10000018")).isEqualTo("E10000018");
    }
}
