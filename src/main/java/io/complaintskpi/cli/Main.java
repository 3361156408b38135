package io.complaintskpi.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the runnable jar. */
@Command(name = "complaints-kpi", mixinStandardHelpOptions = true, version = "complaints-kpi 0.1.0",
        description = "Live statutory complaints KPIs for English local-authority social care.",
        subcommands = {ServeCommand.class, DemoCommand.class, ReportCommand.class, SimulateCommand.class,
                BenchCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
