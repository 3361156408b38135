package io.complaintskpi.app;

import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.monitoring.BreachWatcher;
import io.complaintskpi.monitoring.DeadLetterWatcher;
import io.complaintskpi.monitoring.EventTypeCounter;
import io.complaintskpi.query.Liveness;
import io.complaintskpi.streams.Names;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.List;

/**
 * What operators watch: the metrics registry with the JVM's meters, and the plain consumers beside the
 * topology that count rejected records, breaches and events by type.
 */
final class Monitoring implements AutoCloseable {

    private final Resources resources = new Resources();
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DeadLetterWatcher deadLetters;
    private final List<Liveness.Part> liveness;

    private Monitoring(ServiceConfig config) {
        var clients = config.kafkaClientProperties();
        deadLetters = resources.add(new DeadLetterWatcher(clients, Names.DLQ_TOPIC, metrics));
        try {
            BreachWatcher breaches = resources.add(new BreachWatcher(clients, Names.ALERTS_TOPIC, metrics));
            EventTypeCounter eventTypes = resources.add(new EventTypeCounter(clients, Names.EVENTS_TOPIC, metrics));
            liveness = List.of(new Liveness.Part("dead-letter watcher", deadLetters::alive),
                    new Liveness.Part("breach watcher", breaches::alive),
                    new Liveness.Part("event-type counter", eventTypes::alive));
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
        new JvmMemoryMetrics().bindTo(metrics);
        resources.add(new JvmGcMetrics()).bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
    }

    /** Starts the side consumers; {@code config} names the running broker. */
    static Monitoring start(ServiceConfig config) {
        return new Monitoring(config);
    }

    PrometheusMeterRegistry metrics() {
        return metrics;
    }

    /** The three watchers' reading threads. */
    List<Liveness.Part> liveness() {
        return liveness;
    }

    DeadLetterWatcher deadLetters() {
        return deadLetters;
    }

    /** Counts stream threads that died and were replaced (replacement hides the crash from /ready). */
    Counter threadReplacements() {
        return Counter.builder("complaints.kpi.stream.thread.replacements")
                .description("stream threads that died and were replaced").register(metrics);
    }

    @Override
    public void close() {
        resources.close();
    }
}
