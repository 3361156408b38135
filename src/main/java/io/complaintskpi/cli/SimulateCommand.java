package io.complaintskpi.cli;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.publish.EventPublisher;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.simulate.EventSink;
import io.complaintskpi.simulate.Simulation;
import org.apache.kafka.clients.producer.Producer;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Generate realistic, deterministic lifecycle events (children's complaints shaped like the"
                + " seed report) for many authorities and years, to the input topic or a JSON Lines file.",
                "Progress (rate, time left) goes to stderr; the same options and seed give the same events."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SimulationOptions simulation;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--out", description = "JSON Lines file to write (the fixture format)")
        Path out;

        @Option(names = "--bootstrap-servers", description = "Kafka cluster to publish to complaint-events")
        String bootstrapServers;
    }

    @Mixin
    SettingsOptions settings;

    @Option(names = "--limit", defaultValue = "" + Long.MAX_VALUE, showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "stop after this many events")
    long limit;

    @Override
    public Integer call() {
        Simulation run = simulation.simulation(spec);
        DomainRules rules = DomainWiring.rules(settings.load(Map.of()));
        Producer<String, byte[]> producer = target.bootstrapServers == null ? null
                : EventPublisher.createProducer(target.bootstrapServers);
        long sent;
        try (EventSink sink = producer == null ? EventSink.jsonLines(target.out, rules.codec())
                : EventSink.topic(producer, rules.codec())) {
            sent = run.writeTo(sink, System.err, limit);
        } finally {
            if (producer != null) {
                producer.close();
            }
        }
        spec.commandLine().getOut().printf("simulated %,d events: %d authorities x %d years from %s, seed %d, to %s%n",
                sent, run.plan().authorities(), run.plan().years(), run.plan().firstYear(), run.plan().seed(),
                target.out != null ? target.out : "complaint-events on " + target.bootstrapServers);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The simulation's shape; {@code bench} uses it too. */
    static final class SimulationOptions {
        @Option(names = "--authorities", defaultValue = "150", description = "authorities (default ${DEFAULT-VALUE})")
        int authorities;

        @Option(names = "--years", defaultValue = "10", description = "financial years (default ${DEFAULT-VALUE})")
        int years;

        @Option(names = "--first-year", defaultValue = "2016/17",
                description = "first financial year (default ${DEFAULT-VALUE})")
        String firstYear;

        @Option(names = "--complaints-per-year", defaultValue = "100",
                description = "stage 1 complaints per authority and year (default ${DEFAULT-VALUE})")
        int complaintsPerYear;

        @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
        long seed;

        Simulation simulation(CommandSpec spec) {
            try {
                return new Simulation(new Simulation.Plan(authorities, FinancialYear.parse(firstYear), years,
                        complaintsPerYear, seed));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
    }
}
