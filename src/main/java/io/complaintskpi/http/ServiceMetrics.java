package io.complaintskpi.http;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.AlertKind;
import io.complaintskpi.query.QueryService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Service gauges on /metrics. Labels are bounded (stage, kind, state): never a complaint reference.
 * Store reads are cached for a few seconds so a scrape costs one scan whatever the number of gauges.
 */
public final class ServiceMetrics {

    static final List<AlertKind> OPEN_KINDS = List.of(AlertKind.AT_RISK, AlertKind.BREACHED,
            AlertKind.STAGE2_MUST_BE_OFFERED, AlertKind.ACKNOWLEDGEMENT_OVERDUE);

    private ServiceMetrics() {
    }

    public static void bind(MeterRegistry registry, QueryService queries, Clock clock) {
        Duration ttl = Duration.ofSeconds(5);
        Gauge.builder("complaints_kpi_streams_running", () -> queries.ready() ? 1 : 0)
                .description("1 when Kafka Streams is RUNNING and the stores answer queries")
                .register(registry);
        Supplier<Long> dlq = new Cached<>(() -> safely(queries::deadLetterCount, -1L), ttl, clock);
        Gauge.builder("complaints_kpi_dlq_records", dlq::get)
                .description("records on the dead-letter topic (-1 when it cannot be read)")
                .register(registry);
        Supplier<Map<String, Long>> openAlerts = new Cached<>(() -> safely(() -> queries.openAlerts().stream()
                .collect(Collectors.groupingBy(ServiceMetrics::alertLabel, Collectors.counting())), Map.of()),
                ttl, clock);
        for (int stage = 1; stage <= 3; stage++) {
            for (AlertKind kind : OPEN_KINDS) {
                String label = stage + "|" + kind;
                Gauge.builder("complaints_kpi_open_alerts", () -> openAlerts.get().getOrDefault(label, 0L))
                        .description("open deadline alerts by stage and kind")
                        .tag("stage", Integer.toString(stage)).tag("kind", kind.name())
                        .register(registry);
            }
        }
    }

    private static String alertLabel(Alert alert) {
        return alert.stage() + "|" + alert.kind();
    }

    /** A gauge must never fail a scrape: while the stores are not ready, it reports the fallback. */
    static <T> T safely(Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
