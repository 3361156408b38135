package io.complaintskpi.cli;

import io.complaintskpi.config.ServiceConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the runnable jar. */
@Command(name = "complaints-kpi", mixinStandardHelpOptions = true, version = "complaints-kpi 0.1.0",
        description = "Live statutory complaints KPIs for English local-authority social care.",
        subcommands = {ServeCommand.class, DemoCommand.class, ReportCommand.class, SimulateCommand.class,
                BenchCommand.class})
public final class Main {

    /** Exit status of a start refused because of its settings (as picocli's usage errors). */
    static final int INVALID_SETTINGS = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand; a setting that is not valid is one line per problem, no trace. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ServiceConfig.InvalidSettings invalid) {
                invalid.problems().forEach(problem -> cmd.getErr().println("complaints-kpi: " + problem));
                cmd.getErr().flush();
                return INVALID_SETTINGS;
            }
            throw e;
        });
    }
}
