package io.complaintskpi.monitoring;

import io.complaintskpi.contributions.InternalErrorException;
import io.complaintskpi.events.InvalidEventException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterWatcherTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final DeadLetterWatcher watcher = new DeadLetterWatcher(metrics);

    @Test
    void internalErrorsAreCountedOnTheirOwnBesideEveryDeadLetter() {
        assertThat(count("complaints.kpi.internal.errors")).as("registered at zero for the alert").isZero();
        watcher.remember(deadLetter(InvalidEventException.class.getName()), true);
        watcher.remember(deadLetter(InternalErrorException.class.getName()), true);
        watcher.remember(deadLetter(InternalErrorException.class.getName()), false); // read back at start

        assertThat(count("complaints.kpi.dead.letters")).isEqualTo(2);
        assertThat(count("complaints.kpi.internal.errors")).isEqualTo(1);
        assertThat(watcher.recent()).extracting(d -> d.exception()).containsExactly(
                InternalErrorException.class.getName(), InternalErrorException.class.getName(),
                InvalidEventException.class.getName());
    }

    private double count(String name) {
        return metrics.get(name).counter().count();
    }

    private static ConsumerRecord<byte[], byte[]> deadLetter(String exception) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("complaint-events-dlq", 0, 0L, null,
                "{}".getBytes(StandardCharsets.UTF_8));
        record.headers().add("__streams.errors.exception", exception.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
