package io.complaintskpi.http;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.AlertKind;
import io.complaintskpi.events.Regime;
import io.complaintskpi.query.StubQueries;
import io.complaintskpi.rules.Timescale.Milestone;
import io.complaintskpi.testing.MutableClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open-alert gauge: by authority, regime, stage (those the regime has) and kind; absent (never 0) while the
 * stores cannot be read.
 */
class ServiceMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void openAlertsAreCountedPerAuthorityWithZerosForTheOthers() {
        StubQueries stores = new StubQueries(true, List.of(breached("A1", 1), breached("A1", 1), breached("B2", 2),
                breached("A1", 2, Regime.CORPORATE)));
        ServiceMetrics metrics = new ServiceMetrics(registry, stores, clock, 2);
        metrics.refresh();
        assertThat(registry.scrape())
                .contains("complaints_kpi_open_alerts{authority=\"A1\",kind=\"BREACHED\",regime=\"children\",stage=\"1\"} 2.0")
                .contains("complaints_kpi_open_alerts{authority=\"B2\",kind=\"BREACHED\",regime=\"children\",stage=\"2\"} 1.0")
                .contains("complaints_kpi_open_alerts{authority=\"B2\",kind=\"BREACHED\",regime=\"children\",stage=\"1\"} 0.0")
                .contains("complaints_kpi_open_alerts{authority=\"A1\",kind=\"AT_RISK\",regime=\"children\",stage=\"3\"} 0.0")
                .contains("complaints_kpi_open_alerts{authority=\"A1\",kind=\"BREACHED\",regime=\"corporate\",stage=\"2\"} 1.0")
                .contains("complaints_kpi_open_alerts{authority=\"A1\",kind=\"BREACHED\",regime=\"adults\",stage=\"1\"} 0.0")
                .doesNotContain("regime=\"adults\",stage=\"2\"") // the procedure has one stage
                .contains("complaints_kpi_stream_threads_configured 2.0");
    }

    @Test
    void nothingIsExportedWhileTheStoresCannotBeReadNorWhileStreamsAreNotRunning() {
        StubQueries failing = new StubQueries(true, null);
        new ServiceMetrics(registry, failing, clock, 1).refresh();
        assertThat(registry.scrape()).doesNotContain("complaints_kpi_open_alerts{");

        PrometheusMeterRegistry other = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ServiceMetrics(other, new StubQueries(false, List.of(breached("A1", 1))), clock, 1).refresh();
        assertThat(other.scrape()).doesNotContain("complaints_kpi_open_alerts{")
                .contains("complaints_kpi_streams_running 0.0");
    }

    @Test
    void theRowsGoWhenTheFigureBecomesUnknownAndComeBackAfter() {
        StubQueries stores = new StubQueries(true, List.of(breached("A1", 1)));
        MutableClock moving = new MutableClock(clock.instant());
        ServiceMetrics metrics = new ServiceMetrics(registry, stores, moving, 1);
        metrics.refresh();
        assertThat(registry.scrape()).contains("complaints_kpi_open_alerts{authority=\"A1\",kind=\"BREACHED\",regime=\"children\",stage=\"1\"} 1.0");
        stores.ready = false;
        moving.advance(Duration.ofSeconds(10));
        metrics.refresh();
        assertThat(registry.scrape()).doesNotContain("complaints_kpi_open_alerts{");
        stores.ready = true;
        moving.advance(Duration.ofSeconds(10));
        metrics.refresh();
        assertThat(registry.scrape()).contains("complaints_kpi_open_alerts{authority=\"A1\",kind=\"BREACHED\",regime=\"children\",stage=\"1\"} 1.0");
    }

    private static Alert breached(String authority, int stage) {
        return breached(authority, stage, Regime.CHILDREN);
    }

    private static Alert breached(String authority, int stage, Regime regime) {
        return new Alert(AlertKind.BREACHED, "C-" + authority + stage + regime, authority, regime, "First Response", stage,
                Milestone.RESPONSE, LocalDate.of(2026, 11, 1), 3, Instant.parse("2026-11-20T10:00:00Z"), null);
    }
}
