package io.complaintskpi.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.alerts.AlertKind;
import io.complaintskpi.events.EventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;

/**
 * Tails complaint-alerts and counts the BREACHED alerts published since this process started, as
 * {@code complaints_kpi_deadline_breaches_total{authority,stage}}: one more per breach, so an alert on its
 * increase sees a new breach in a stage that already has some (a gauge of open breaches would not move
 * when one closes and another opens). Reads only the alert's kind, authority, stage and milestone: an Ombudsman
 * recommendation's breach counts under stage "recommendation" (its alert's stage is the recommendation's number).
 */
public final class BreachWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BreachWatcher.class);

    private final MeterRegistry metrics;
    private final TopicTail tail;

    public BreachWatcher(Map<String, Object> clientProperties, String topic, MeterRegistry metrics) {
        this.metrics = metrics;
        this.tail = new TopicTail(clientProperties, topic, "complaints-kpi-breach-watcher", true, this::count);
    }

    private void count(ConsumerRecord<byte[], byte[]> record, boolean live) {
        JsonNode alert;
        try {
            alert = record.value() == null ? null : EventCodec.MAPPER.readTree(record.value());
        } catch (IOException e) {
            LOG.warn("unreadable alert at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        if (alert == null || !AlertKind.BREACHED.name().equals(alert.path("kind").asText())) {
            return;
        }
        Counter breaches = Counter.builder("complaints.kpi.deadline.breaches")
                .description("BREACHED deadline alerts published since start, by authority and stage")
                .tag("authority", alert.path("authority").asText("unknown"))
                .tag("stage", "RECOMMENDATION".equals(alert.path("milestone").asText())
                        ? "recommendation" : alert.path("stage").asText("unknown"))
                .register(metrics);
        if (live) {
            breaches.increment();
        }
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
