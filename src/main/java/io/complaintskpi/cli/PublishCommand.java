package io.complaintskpi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.publish.EventPublisher;
import io.complaintskpi.publish.KafkaDelivery;
import org.apache.kafka.clients.producer.Producer;
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
import java.util.Map;
import java.util.Optional;
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
                "With --authorities each FILE holds authority records (reference data, docs/authorities.md): one JSON"
                        + " object, a JSON array of them or one a line, each sent to the authorities topic keyed by"
                        + " its code; an invalid one goes to the dead-letter topic too.",
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

    @Option(names = "--authorities", description = "the FILEs hold authority records for the authorities topic,"
            + " not events")
    boolean authorities;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "a file holding one event; '-' for standard input")
    List<String> files;

    @Mixin
    SettingsOptions settings;

    /** One record to send: where it came from, its topic, key and bytes as read. */
    private record Outgoing(String source, boolean authority, String key, byte[] value) {
    }

    @Override
    public Integer call() throws InterruptedException {
        ServiceConfig config = settings.load(kafka.shortcuts()); // every setting checked before anything is sent
        PrintWriter err = spec.commandLine().getErr();
        List<Outgoing> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String file : files) {
            Optional<String> unreadable = file.equals("-") ? Optional.empty() : InputFiles.problem(Path.of(file));
            if (unreadable.isPresent()) {
                problems.add(file + ": " + unreadable.get());
                continue;
            }
            try {
                byte[] value = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
                if (authorities) {
                    authorityRecords(file, value, records, problems);
                    continue;
                }
                Optional<String> recordKey = complaintId(value).or(() -> Optional.ofNullable(key));
                recordKey.ifPresentOrElse(k -> records.add(new Outgoing(file, false, k, value)), () -> problems.add(
                        file + ": no complaintId to use as the record key (not a JSON object with a complaintId);"
                                + " give --key"));
            } catch (IOException e) {
                problems.add(file + ": cannot read it: " + e.getMessage());
            }
        }
        Optional<Map<String, Object>> client = KafkaOptions.client(config);
        if (client.isEmpty()) {
            problems.add(KafkaOptions.noCluster(config));
        }
        if (!problems.isEmpty()) { // nothing is sent unless every record can be
            problems.forEach(problem -> err.println("complaints-kpi publish: " + problem));
            err.flush();
            return 1;
        }
        return send(client.orElseThrow(), records);
    }

    private int send(Map<String, Object> client, List<Outgoing> records) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (Producer<String, byte[]> producer = KafkaDelivery.producer(client, "complaints-kpi-publish", BROKER_WAIT_MS)) {
            EventPublisher publisher = EventPublisher.raw(producer);
            for (Outgoing record : records) {
                RecordMetadata sent = (record.authority() ? publisher.sendAuthority(record.key(), record.value())
                        : publisher.sendRaw(record.key(), record.value())).get();
                out.printf("published %s to %s (partition %d, offset %d, key %s)%n", record.source(),
                        sent.topic(), sent.partition(), sent.offset(), record.key());
            }
        } catch (ExecutionException | KafkaException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("complaints-kpi publish: " + KafkaDelivery.failure(KafkaDelivery.servers(client), e));
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

    /**
     * The authority records of a file: one object, an array of them, or one a line; each keyed by its code. The
     * service validates them; here only a record without a code (no key to send it under) is refused.
     */
    private void authorityRecords(String file, byte[] content, List<Outgoing> records, List<String> problems) {
        List<JsonNode> found = new ArrayList<>();
        try (MappingIterator<JsonNode> values = EventCodec.MAPPER.readerFor(JsonNode.class).readValues(content)) {
            while (values.hasNextValue()) {
                JsonNode value = values.nextValue();
                if (value.isArray()) {
                    value.forEach(found::add);
                } else {
                    found.add(value);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(file + ": not JSON (an authority record, an array of them or one a line): " + e.getMessage());
            return;
        }
        for (int i = 0; i < found.size(); i++) {
            JsonNode code = found.get(i).path("code");
            if (!code.isTextual()) {
                problems.add(file + ": record " + (i + 1) + " has no code to use as the record key");
                continue;
            }
            try {
                records.add(new Outgoing(file + " #" + (i + 1), true, code.asText(),
                        EventCodec.MAPPER.writeValueAsBytes(found.get(i))));
            } catch (IOException e) {
                problems.add(file + ": record " + (i + 1) + ": " + e.getMessage());
            }
        }
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
