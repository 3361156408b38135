package io.complaintskpi.monitoring;

import io.complaintskpi.events.EventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code complaints_kpi_events_received_total{type}}: committed records arriving on complaint-events since
 * this process started, by event type (the contract's types, or "unknown"). Every type is registered at zero
 * from the start, so the first event of a type counts in {@code increase()}. Starts at the topic's end: the
 * history is not re-read. Events accepted = received - rejected ({@code complaints_kpi_events_rejected_total}).
 */
public final class EventTypeCounter implements AutoCloseable {

    private final Map<String, Counter> byType;
    private final TopicTail tail;

    public EventTypeCounter(Map<String, Object> clientProperties, String topic, MeterRegistry metrics) {
        TreeSet<String> types = new TreeSet<>(EventCodec.TYPES.keySet());
        types.add(EventTypeLabel.UNKNOWN);
        byType = types.stream().collect(Collectors.toUnmodifiableMap(Function.identity(), type ->
                Counter.builder("complaints.kpi.events.received")
                        .description("records arriving on complaint-events since start, by event type")
                        .tag("type", type).register(metrics)));
        tail = new TopicTail(clientProperties, topic, "complaints-kpi-event-counter", false, this::count);
    }

    private void count(ConsumerRecord<byte[], byte[]> record, boolean live) {
        byType.get(EventTypeLabel.of(record.value())).increment();
    }

    /** False once its reading thread has ended ({@link io.complaintskpi.query.Liveness}). */
    public boolean alive() {
        return tail.alive();
    }

    @Override
    public void close() throws InterruptedException {
        tail.close();
    }
}
