package io.complaintskpi.cli;

import io.complaintskpi.app.RulesChanged;
import io.complaintskpi.config.ServiceConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the runnable jar. */
@Command(name = "complaints-kpi", mixinStandardHelpOptions = true, version = "complaints-kpi 0.1.0",
        description = "Live statutory complaints KPIs for English local-authority social care.",
        subcommands = {ServeCommand.class, DemoCommand.class, ReportCommand.class, PublishCommand.class,
                SimulateCommand.class, BenchCommand.class})
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
        return new CommandLine(new Main()).setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("complaints-kpi: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName()
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
}
