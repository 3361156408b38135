package io.complaintskpi.cli;

import io.complaintskpi.app.RulesChanged;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.config.SettingForm;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Entry point of the runnable jar. */
@Command(name = "complaints-kpi", mixinStandardHelpOptions = true, version = "complaints-kpi 0.1.0",
        description = "Live statutory complaints KPIs for English local-authority social care.",
        subcommands = {ServeCommand.class, DemoCommand.class, ReportCommand.class, PublishCommand.class,
                SimulateCommand.class, BenchCommand.class, ImportCommand.class, CheckCommand.class,
                EraseCommand.class})
public final class Main {

    /** Exit status of a start refused because of its settings (as picocli's usage errors). */
    static final int INVALID_SETTINGS = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with every subcommand; a setting that is not valid is one line per problem, no trace, and
     * a command line picocli cannot parse is one line naming the problem and the command's --help.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).registerConverter(Duration.class, Main::duration)
                .setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("complaints-kpi: " + problem(e) + " (see '" + cmd.getCommandSpec().qualifiedName()
                    + " --help')");
            cmd.getErr().flush();
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        }).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ServiceConfig.InvalidSettings invalid) {
                invalid.problems().forEach(problem -> cmd.getErr().println("complaints-kpi: " + problem));
                cmd.getErr().flush();
                return INVALID_SETTINGS;
            }
            if (e instanceof RulesChanged changed) {
                changed.lines().forEach(line -> cmd.getErr().println("complaints-kpi: " + line));
                cmd.getErr().flush();
                return INVALID_SETTINGS;
            }
            throw e;
        });
    }

    /** Picocli's message, with the nearest command or option when the word was not one. */
    private static String problem(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String word = unmatched.getUnmatched().get(0);
            // Picocli's suggestions are loose (any shared letters): keep only one close enough to be a misspelling.
            String name = word.split("=", 2)[0];
            Optional<String> near = ServiceConfig.nearest(name, unmatched.getSuggestions())
                    .or(() -> optionEndingWith(name, e.getCommandLine().getCommandSpec().options().stream()
                            .flatMap(option -> Arrays.stream(option.names())).toList()));
            String what = word.startsWith("-") ? "option" : e.getCommandLine().getSubcommands().isEmpty()
                    ? "argument" : "command";
            return "unknown " + what + " '" + word + "'" + near.map(n -> "; did you mean '" + n + "'?").orElse("");
        }
        return e.getMessage();
    }

    /** An option whose last words are the given one ({@code --port}: {@code --http-port}), if only one is. */
    private static Optional<String> optionEndingWith(String option, List<String> known) {
        if (!option.startsWith("--") || option.length() < 4) {
            return Optional.empty();
        }
        String tail = "-" + option.substring(2);
        List<String> matching = known.stream().filter(k -> k.startsWith("--") && k.endsWith(tail)).toList();
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }

    /** Durations as the settings take them (30s, 5m, PT1M, 0), with what is accepted when one is not. */
    private static Duration duration(String value) {
        try {
            return SettingForm.readDuration(value.trim());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration: give one like 0, 500ms,"
                    + " 30s, 5m, 2h or PT0.05S");
        }
    }
}
