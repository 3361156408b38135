package io.complaintskpi.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.authorities.Authority;
import io.complaintskpi.authorities.AuthorityCodec;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.simulate.SyntheticAuthorities;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.publish.EventPublisher;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.simulate.EventSink;
import io.complaintskpi.simulate.Simulation;
import org.apache.kafka.clients.producer.Producer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Generate realistic, deterministic lifecycle events (children's complaints shaped like the"
                + " seed report) for many authorities and years, to the input topic or a JSON Lines file, with synthetic"
                + " reference data for the authorities (council types, regions, populations; docs/authorities.md).",
                "Progress (rate, time left) goes to stderr; the same options and seed give the same events.",
                "Kafka: --bootstrap-servers (or KAFKA_BOOTSTRAP_SERVERS), else the embedded broker of the service"
                        + " running on --data-dir (default ./data)."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SimulationOptions simulation;

    @Option(names = "--out", description = "JSON Lines file to write (the fixture format) instead of publishing")
    Path out;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    SettingsOptions settings;

    @Option(names = "--limit", defaultValue = "" + Long.MAX_VALUE, showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "stop after this many events")
    long limit;

    @Override
    public Integer call() {
        Simulation run = simulation.simulation(spec);
        ServiceConfig config = settings.load(kafka.shortcuts());
        DomainRules rules = DomainWiring.rules(config);
        ServiceConfig cluster = null;
        if (out == null) {
            cluster = KafkaOptions.cluster(config).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), KafkaOptions.noCluster(config) + ", or --out to write a file"));
        }
        Producer<String, byte[]> producer = cluster == null ? null
                : EventPublisher.createProducer(cluster.kafkaClientProperties());
        String servers = cluster == null ? null : cluster.bootstrapServers();
        List<Authority> authorities = SyntheticAuthorities.of(run.plan());
        Path authoritiesFile = out == null ? null : authoritiesFile(out);
        if (producer != null) {
            EventPublisher.publishAuthorities(authorities, producer);
        } else {
            writeAuthorities(authorities, authoritiesFile);
        }
        long sent;
        try (EventSink sink = producer == null ? EventSink.jsonLines(out, rules.codec())
                : EventSink.topic(producer, rules.codec())) {
            sent = run.writeTo(sink, System.err, limit);
        } finally {
            if (producer != null) {
                producer.close();
            }
        }
        spec.commandLine().getOut().printf("simulated %,d events: %d authorities x %d years from %s, seed %d, to %s%n",
                sent, run.plan().authorities(), run.plan().years(), run.plan().firstYear(), run.plan().seed(),
                out != null ? out : "complaint-events on " + servers);
        spec.commandLine().getOut().printf("and %d synthetic authority records (types, regions, populations) to %s%n",
                authorities.size(), out != null ? authoritiesFile + " (publish --authorities reads it)"
                        : "authorities on " + servers);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Beside the events file: events.jsonl -> events-authorities.json. */
    static Path authoritiesFile(Path events) {
        String name = events.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return events.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-authorities.json");
    }

    /** A JSON array of the records, as the topic carries them. */
    private static void writeAuthorities(List<Authority> authorities, Path file) {
        AuthorityCodec codec = new AuthorityCodec();
        try {
            ArrayNode array = EventCodec.MAPPER.createArrayNode();
            for (Authority authority : authorities) {
                array.add(EventCodec.MAPPER.readTree(codec.encode(authority)));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            EventCodec.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), array);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
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
