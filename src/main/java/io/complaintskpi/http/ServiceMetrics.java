package io.complaintskpi.http;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.AlertKind;
import io.complaintskpi.contributions.Metric;
import io.complaintskpi.events.Regime;
import io.complaintskpi.query.QueryService;
import io.complaintskpi.rules.Timescale.Milestone;
import io.complaintskpi.rules.Timescales;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Service gauges on /metrics. Labels are bounded (authority, regime, stage, kind): never a complaint reference.
 * Store reads are cached for a few seconds so a scrape costs one scan whatever the number of gauges.
 * A figure that cannot be read (stores rebalancing or restoring) is not exported at all: a 0 would resolve
 * the deadline alerts and raise them again a minute later.
 */
final class ServiceMetrics {

    static final List<AlertKind> OPEN_KINDS = List.of(AlertKind.AT_RISK, AlertKind.BREACHED,
            AlertKind.STAGE2_MUST_BE_OFFERED, AlertKind.ACKNOWLEDGEMENT_OVERDUE);
    /** The stage label of an Ombudsman recommendation's alerts (whose {@code stage} is the recommendation's number). */
    static final String RECOMMENDATION = "recommendation";

    static String stageLabel(Alert alert) {
        return alert.milestone() == Milestone.RECOMMENDATION ? RECOMMENDATION : Integer.toString(alert.stage());
    }

    /** The regime label: a recommendation's Ombudsman case may not say which procedure it arose from. */
    static String regimeLabel(Regime regime) {
        return regime == null ? UNSPECIFIED : Metric.regime(regime);
    }

    static final String UNSPECIFIED = "unspecified";

    private final MultiGauge openAlerts;
    private final Supplier<Optional<List<MultiGauge.Row<?>>>> rows;

    ServiceMetrics(MeterRegistry registry, QueryService queries, Clock clock, int configuredStreamThreads) {
        Gauge.builder("complaints_kpi_streams_running", () -> queries.ready() ? 1 : 0)
                .description("1 when Kafka Streams is RUNNING and the stores answer queries")
                .register(registry);
        Gauge.builder("complaints_kpi_stream_threads_configured", () -> configuredStreamThreads)
                .description("stream threads this instance is configured to run (num.stream.threads)")
                .register(registry);
        openAlerts = MultiGauge.builder("complaints_kpi_open_alerts")
                .description("open deadline alerts by authority, regime, stage and kind; absent while the stores cannot"
                        + " be read")
                .register(registry);
        rows = new Cached<>(() -> read(queries), Duration.ofSeconds(5), clock);
    }

    /** Called on each scrape: replaces the open-alert rows, or removes them while the figure is unknown. */
    void refresh() {
        openAlerts.register(rows.get().orElse(List.of()), true);
    }

    private static Optional<List<MultiGauge.Row<?>>> read(QueryService queries) {
        if (!queries.ready()) {
            return Optional.empty();
        }
        return Optional.ofNullable(safely(() -> {
            List<Alert> open = queries.openAlerts();
            Map<Group, Long> counts = open.stream()
                    .collect(Collectors.groupingBy(ServiceMetrics::key, Collectors.counting()));
            // Every authority the service holds gets its zeros, so "none open" is a 0 and not a gap.
            TreeSet<String> authorities = new TreeSet<>(queries.series().authorities());
            open.forEach(a -> authorities.add(a.authority()));
            List<MultiGauge.Row<?>> out = new ArrayList<>();
            for (String authority : authorities) {
                for (Regime regime : Regime.values()) {
                    for (int stage = 1; stage <= Timescales.stages(regime); stage++) {
                        for (AlertKind kind : OPEN_KINDS) {
                            row(out, counts, new Group(authority, regimeLabel(regime), Integer.toString(stage), kind));
                        }
                    }
                }
                for (String regime : recommendationRegimes()) {
                    for (AlertKind kind : List.of(AlertKind.AT_RISK, AlertKind.BREACHED)) {
                        row(out, counts, new Group(authority, regime, RECOMMENDATION, kind));
                    }
                }
            }
            return out;
        }, null));
    }

    private static void row(List<MultiGauge.Row<?>> out, Map<Group, Long> counts, Group group) {
        out.add(MultiGauge.Row.of(Tags.of("authority", group.authority(), "regime", group.regime(), "stage",
                group.stage(), "kind", group.kind().name()), counts.getOrDefault(group, 0L)));
    }

    /** The regimes a recommendation's alerts may carry: each procedure, or none said. */
    private static List<String> recommendationRegimes() {
        List<String> regimes = new ArrayList<>();
        for (Regime regime : Regime.values()) {
            regimes.add(regimeLabel(regime));
        }
        regimes.add(UNSPECIFIED);
        return regimes;
    }

    /** The alerts one gauge row counts; {@code stage} is 1 to 3, or {@value #RECOMMENDATION}. */
    private record Group(String authority, String regime, String stage, AlertKind kind) {
    }

    private static Group key(Alert alert) {
        return new Group(alert.authority(), regimeLabel(alert.regime()), stageLabel(alert), alert.kind());
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
