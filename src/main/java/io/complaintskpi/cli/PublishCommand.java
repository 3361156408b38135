package io.complaintskpi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.broker.EmbeddedKafkaBroker;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.publish.EventPublisher;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Sends records to the events topic exactly as an upstream system would: the bytes unchanged, keyed by their
 * complaintId. It checks nothing about the contract on purpose: the service does, and sends what breaks it to
 * the dead-letter topic, so this is also how to see a rejection.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish events to complaint-events as an upstream system would: each FILE one record.",
                "Each FILE holds one JSON event as in docs/event-contract.md (on one line or pretty-printed; '-'"
                        + " reads standard input), sent unchanged with its complaintId as the key. The running"
                        + " service validates it; a record that breaks the contract goes to the dead-letter topic"
                        + " (/api/v1/dlq).",
                "Kafka: --bootstrap-servers (or KAFKA_BOOTSTRAP_SERVERS), else the embedded broker of the service"
                        + " running on --data-dir (default ./data)."})
final class PublishCommand implements Callable<Integer> {

    /** How long to wait for a broker that does not answer (its topic's metadata) before saying so. */
    static final int BROKER_WAIT_MS = 15_000;

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--key", description = "record key for a FILE whose complaintId cannot be read (e.g. malformed"
            + " JSON sent on purpose)")
    String key;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "a file holding one event; '-' for standard input")
    List<String> files;

    @Mixin
    SettingsOptions settings;

    /** One record to send: where it came from, its key and its bytes as read. */
    private record Outgoing(String source, String key, byte[] value) {
    }

    @Override
    public Integer call() throws InterruptedException {
        ServiceConfig config = settings.load(kafka.shortcuts()); // every setting checked before anything is sent
        PrintWriter err = spec.commandLine().getErr();
        List<Outgoing> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String file : files) {
            try {
                byte[] value = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
                Optional<String> recordKey = complaintId(value).or(() -> Optional.ofNullable(key));
                recordKey.ifPresentOrElse(k -> records.add(new Outgoing(file, k, value)), () -> problems.add(file
                        + ": no complaintId to use as the record key (not a JSON object with a complaintId); give --key"));
            } catch (IOException e) {
                problems.add(file + ": cannot read it: " + e.getMessage());
            }
        }
        Optional<String> servers = config.bootstrapServers().isBlank()
                ? EmbeddedKafkaBroker.savedBootstrapServers(config.embeddedBrokerDir())
                : Optional.of(config.bootstrapServers());
        if (servers.isEmpty()) {
            problems.add("no embedded broker has run in " + config.embeddedBrokerDir() + ": start the service"
                    + " (serve or demo) with the same --data-dir first, or give --bootstrap-servers");
        }
        if (!problems.isEmpty()) { // nothing is sent unless every record can be
            problems.forEach(problem -> err.println("complaints-kpi publish: " + problem));
            err.flush();
            return 1;
        }
        return send(servers.orElseThrow(), records);
    }

    private int send(String servers, List<Outgoing> records) throws InterruptedException {
        Properties producerConfig = EventPublisher.producerConfig(servers);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "complaints-kpi-publish");
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, BROKER_WAIT_MS);
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig)) {
            EventPublisher publisher = EventPublisher.raw(producer);
            for (Outgoing record : records) {
                RecordMetadata sent = publisher.sendRaw(record.key(), record.value()).get();
                out.printf("published %s to %s (partition %d, offset %d, key %s)%n", record.source(),
                        sent.topic(), sent.partition(), sent.offset(), record.key());
            }
        } catch (ExecutionException | KafkaException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("complaints-kpi publish: could not publish to " + servers + " (is the service running?): "
                    + rootCause(e).getMessage());
            err.flush();
            return 1;
        } finally {
            out.flush();
        }
        out.println("the figures follow within seconds; a record that breaks the contract is on /api/v1/dlq"
                + " with its reason");
        out.flush();
        return 0;
    }

    private static Throwable rootCause(Throwable e) {
        return e.getCause() == null ? e : rootCause(e.getCause());
    }

    /** The record's complaintId, if it is a JSON object that has one as text. */
    private static Optional<String> complaintId(byte[] value) {
        try {
            JsonNode id = EventCodec.MAPPER.readTree(value).path("complaintId");
            return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
