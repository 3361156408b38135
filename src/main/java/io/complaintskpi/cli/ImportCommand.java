package io.complaintskpi.cli;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.SchemaValidator;
import io.complaintskpi.importing.AuthorityReader;
import io.complaintskpi.importing.Delivery;
import io.complaintskpi.importing.EventReader;
import io.complaintskpi.importing.ImportFormatException;
import io.complaintskpi.importing.ImportRun;
import io.complaintskpi.publish.HttpDelivery;
import io.complaintskpi.publish.KafkaDelivery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a file of events: NDJSON, or a case system's CSV export (one row per event or one row"
                + " per complaint, docs/import.md). Every event is validated as the service validates it; the valid"
                + " ones are sent, those that break the contract are not. Events without an eventId get one derived"
                + " from their content, so importing the same file again adds nothing.",
                "Sends to a running service's POST /api/v1/events with --url (a publisher's token in"
                        + " COMPLAINTS_API_TOKEN or --token-file), else to Kafka: --bootstrap-servers (or"
                        + " KAFKA_BOOTSTRAP_SERVERS), else the embedded broker of the service running on --data-dir"
                        + " (default ./data).",
                "A progress bar with the rate goes to stderr on a terminal; the summary (accepted, rejected with"
                        + " their rows and reasons) to stdout. Exit 0 when every event was accepted, 1 when any was"
                        + " not or the destination failed, 2 for a usage error."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ImportSource source;

    @Option(names = "--url", description = "base URL of a running service, e.g. http://localhost:7070: send to its"
            + " POST /api/v1/events instead of Kafka")
    URI url;

    @Option(names = "--token-file", description = "file holding a publisher's API token for --url (default: the"
            + " COMPLAINTS_API_TOKEN environment variable)")
    Path tokenFile;

    @Option(names = "--batch-size", defaultValue = "500", description = "events per send (default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Option(names = "--authorities", description = "FILE holds authority records (reference data, docs/authorities.md):"
            + " NDJSON, one record a line, or CSV, one row per authority and financial year; each valid one goes to"
            + " the authorities topic keyed by its code (Kafka only)")
    boolean authorities;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    SettingsOptions settings;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        Path file = source.file(commandLine);
        EventReader.Format format = source.format(commandLine);
        if (batchSize < 1) {
            throw new CommandLine.ParameterException(commandLine, "--batch-size " + batchSize
                    + " is not a batch size: give a whole number from 1");
        }
        if (url != null && (kafka.bootstrapServers != null || kafka.dataDir != null)) {
            throw new CommandLine.ParameterException(commandLine, "--url sends over HTTP: give it or"
                    + " --bootstrap-servers/--data-dir (Kafka), not both");
        }
        if (url != null && (url.getScheme() == null || !url.getScheme().matches("https?") || url.getHost() == null)) {
            throw new CommandLine.ParameterException(commandLine, "--url '" + url + "' is not a service address:"
                    + " give one like http://localhost:7070");
        }
        if (authorities && url != null) {
            throw new CommandLine.ParameterException(commandLine, "--authorities sends to the authorities topic on"
                    + " Kafka (POST /api/v1/events takes events only): leave out --url");
        }
        if (authorities) {
            return importAuthorities(file, format, settings.load(kafka.shortcuts()));
        }
        String token = token(commandLine);
        ServiceConfig config = settings.load(kafka.shortcuts());
        DomainRules rules = DomainWiring.rules(config);
        Optional<Delivery> delivery = delivery(config, token, rules);
        if (delivery.isEmpty()) {
            return fail(KafkaOptions.noCluster(config));
        }
        ProgressBar bar = ProgressBar.of(size(file), quiet);
        ImportRun.Summary summary;
        try (Delivery destination = delivery.get()) {
            summary = new ImportRun(new EventReader(rules.codec(), new SchemaValidator()), destination, batchSize)
                    .run(file, format, bar::update);
        } catch (ImportFormatException e) {
            bar.finish();
            return fail(file + ": " + e.getMessage());
        }
        bar.finish();
        print(file, summary);
        if (summary.failure() != null) {
            return fail(summary.failure());
        }
        return summary.rejected().isEmpty() ? 0 : 1;
    }

    private Optional<Delivery> delivery(ServiceConfig config, String token, DomainRules rules) {
        if (url != null) {
            return Optional.of(new HttpDelivery(url, token));
        }
        return kafkaDelivery(config, rules).map(Delivery.class::cast);
    }

    private static Optional<KafkaDelivery> kafkaDelivery(ServiceConfig config, DomainRules rules) {
        return KafkaOptions.client(config).map(client -> new KafkaDelivery(client, PublishCommand.BROKER_WAIT_MS,
                rules.codec()));
    }

    /** Reference data: every valid record to the authorities topic; one that breaks the contract is not sent. */
    private int importAuthorities(Path file, EventReader.Format format, ServiceConfig config) {
        AuthorityReader.Result read;
        try {
            read = new AuthorityReader().read(file, format);
        } catch (ImportFormatException e) {
            return fail(file + ": " + e.getMessage());
        }
        Optional<KafkaDelivery> delivery = kafkaDelivery(config, DomainWiring.rules(config));
        if (delivery.isEmpty()) {
            return fail(KafkaOptions.noCluster(config));
        }
        List<AuthorityReader.ReadAuthority> valid = read.records().stream().filter(AuthorityReader.ReadAuthority::valid)
                .toList();
        String destination;
        try (KafkaDelivery kafkaDelivery = delivery.get()) {
            destination = kafkaDelivery.authoritiesDestination();
            kafkaDelivery.deliverAuthorities(valid);
        } catch (Delivery.Failed e) {
            return fail(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("read %s (%s, %s)%n", file, read.shape().format(), read.shape().layout());
        out.printf("sent to %s: accepted %,d, rejected %,d%n", destination, valid.size(),
                read.records().size() - valid.size());
        read.records().stream().filter(r -> !r.valid())
                .forEach(r -> out.printf("  %s: %s%n", r.origin(), r.problem()));
        out.println("the service reads them within seconds (GET /api/v1/authorities names them)");
        out.flush();
        return valid.size() == read.records().size() ? 0 : 1;
    }

    private void print(Path file, ImportRun.Summary summary) {
        PrintWriter out = spec.commandLine().getOut();
        if (summary.shape() != null) {
            out.printf("read %s (%s, %s)%n", file, summary.shape().format(), summary.shape().layout());
        }
        out.printf("sent to %s: accepted %,d, rejected %,d%n", summary.destination(), summary.accepted(),
                summary.rejected().size());
        summary.rejected().forEach(rejected -> out.printf("  %s: %s%n", rejected.origin(), rejected.reason()));
        out.println(summary.laterChecks());
        out.flush();
    }

    /** The token for --url: the --token-file's first line, else COMPLAINTS_API_TOKEN (never a flag: ps shows flags). */
    private String token(CommandLine commandLine) {
        if (tokenFile == null) {
            String token = System.getenv("COMPLAINTS_API_TOKEN");
            return token == null ? "" : token.trim();
        }
        InputFiles.readable(commandLine, "--token-file", tokenFile);
        try {
            return Files.readString(tokenFile).lines().findFirst().orElse("").trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private int fail(String problem) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("complaints-kpi import: " + problem);
        err.flush();
        return 1;
    }
}
