package io.complaintskpi.simulate;

import io.complaintskpi.demo.FixtureWriter;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.publish.EventPublisher;
import org.apache.kafka.clients.producer.Producer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where simulated events go: the input topic or a JSON Lines file (the fixture format). */
public interface EventSink extends AutoCloseable {

    void accept(List<EventEnvelope> events);

    @Override
    void close();

    /** One line per event, exactly as {@link FixtureWriter} writes the seed fixture. */
    static EventSink jsonLines(Path file, EventCodec codec) {
        BufferedWriter writer;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new EventSink() {
            @Override
            public void accept(List<EventEnvelope> events) {
                try {
                    for (String line : FixtureWriter.lines(events, codec)) {
                        writer.write(line);
                        writer.newLine();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file, e);
                }
            }

            @Override
            public void close() {
                try {
                    writer.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file, e);
                }
            }
        };
    }

    /** Published as the demo publishes (key = complaintId, timestamp = occurredAt), acknowledged in batches. */
    static EventSink topic(Producer<String, byte[]> producer, EventCodec codec) {
        int batch = 20_000;
        List<EventEnvelope> pending = new ArrayList<>();
        return new EventSink() {
            @Override
            public void accept(List<EventEnvelope> events) {
                pending.addAll(events);
                if (pending.size() >= batch) {
                    flush();
                }
            }

            @Override
            public void close() {
                flush();
            }

            private void flush() {
                EventPublisher.publishAll(pending, producer, codec::encode);
                pending.clear();
            }
        };
    }
}
