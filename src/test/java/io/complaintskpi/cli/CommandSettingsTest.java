package io.complaintskpi.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command checks every setting before it starts anything, and says what is wrong in one line. */
class CommandSettingsTest {

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Rule: a bad setting stops every command before anything starts (no broker, no files), in one line. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "serve|--http-port=70800|setting http.port = '70800' (from a command-line flag) must be a whole number from 0 to 65535",
        "demo|--http-port=70800|setting http.port = '70800' (from a command-line flag) must be a whole number from 0 to 65535",
        "serve|--set=alerts.scan-interval=5 minutes|setting alerts.scan-interval = '5 minutes' (from a command-line flag) must be a positive duration like 30s, 5m, 2h or PT1M",
        "demo|--set=streams.threads=0|setting streams.threads = '0' (from a command-line flag) must be a whole number from 1 to 64",
        "serve|--set=nosuch.key=1|unknown setting 'nosuch.key' (from a command-line flag); did you mean",
        "demo|--set=alerts.scan-intervall=PT1M|unknown setting 'alerts.scan-intervall' (from a command-line flag); did you mean 'alerts.scan-interval'?",
        "report|--set=disclosure.public-by-default=yes|setting disclosure.public-by-default = 'yes' (from a command-line flag) must be true or false",
        "report|--set=rules.stage2-clock-start=WHENEVER|setting rules.stage2-clock-start = 'WHENEVER' (from a command-line flag) must be STATEMENT_AGREED or REQUEST",
        "serve|--set=calendar.extra-closures=2016-13-01|setting calendar.extra-closures = '2016-13-01' (from a command-line flag) must be comma-separated ISO dates",
    })
    void aBadSettingStopsEveryCommandWithOneLineNamingSettingValueAndForm(String command, String flag, String message) {
        List<String> args = new ArrayList<>(List.of(command, flag));
        args.addAll(command.equals("report") ? List.of("--year", "2015/16", "--out", dir.resolve("out").toString())
                : List.of("--data-dir", dir.resolve("data").toString()));
        Run run = run(args.toArray(String[]::new));
        assertThat(run.exitCode()).isEqualTo(Main.INVALID_SETTINGS);
        assertThat(run.err()).startsWith("complaints-kpi: " + message).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(dir.resolve("data")).doesNotExist();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void everyProblemOfEverySourceIsListedOneLineEach() throws IOException {
        Path file = Files.writeString(dir.resolve("app.properties"), "http.prot=7070\nstreams.threads=many\n");
        Run run = run("serve", "--config", file.toString(), "--set", "disclosure.public-by-default=1");
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

        DemoCommand plain = new DemoCommand();
        new CommandLine(plain).parseArgs();
        assertThat(plain.settings().authorityName("E10000018")).isEqualTo("Leicestershire County Council");
    }
}
