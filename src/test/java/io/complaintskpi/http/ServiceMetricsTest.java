package io.complaintskpi.http;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.AlertKind;
import io.complaintskpi.kpi.InMemorySeriesReader;
import io.complaintskpi.kpi.SeriesReader;
import io.complaintskpi.lifecycle.CaseHistory;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The open-alert gauge: by authority, stage and kind; absent (never 0) while the stores cannot be read. */
class ServiceMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void openAlertsAreCountedPerAuthorityWithZerosForTheOthers() {
        Stores stores = new Stores(true, List.of(breached("A1", 1), breached("A1", 1), breached("B2", 2)));
        ServiceMetrics metrics = new ServiceMetrics(registry, stores, clock, 2);
        metrics.refresh();
        assertThat(registry.scrape())
                .contains("complaints_kpi_open_alerts{authority=\"A1\",kind=\"BREACHED\",stage=\"1\"} 2.0")
                .contains("complaints_kpi_open_alerts{authority=\"B2\",kind=\"BREACHED\",stage=\"2\"} 1.0")
                .contains("complaints_kpi_open_alerts{authority=\"B2\",kind=\"BREACHED\",stage=\"1\"} 0.0")
                .contains("complaints_kpi_open_alerts{authority=\"A1\",kind=\"AT_RISK\",stage=\"3\"} 0.0")
                .contains("complaints_kpi_stream_threads_configured 2.0");
    }

    @Test
    void nothingIsExportedWhileTheStoresCannotBeReadNorWhileStreamsAreNotRunning() {
        Stores failing = new Stores(true, null);
        new ServiceMetrics(registry, failing, clock, 1).refresh();
        assertThat(registry.scrape()).doesNotContain("complaints_kpi_open_alerts{");

        PrometheusMeterRegistry other = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ServiceMetrics(other, new Stores(false, List.of(breached("A1", 1))), clock, 1).refresh();
        assertThat(other.scrape()).doesNotContain("complaints_kpi_open_alerts{")
                .contains("complaints_kpi_streams_running 0.0");
    }

    @Test
    void theRowsGoWhenTheFigureBecomesUnknownAndComeBackAfter() {
        Stores stores = new Stores(true, List.of(breached("A1", 1)));
        Clock[] now = {clock};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0].instant();
            }
        };
        ServiceMetrics metrics = new ServiceMetrics(registry, stores, moving, 1);
        metrics.refresh();
        assertThat(registry.scrape()).contains("complaints_kpi_open_alerts{authority=\"A1\",kind=\"BREACHED\",stage=\"1\"} 1.0");
        stores.ready = false;
        now[0] = Clock.offset(clock, java.time.Duration.ofSeconds(10));
        metrics.refresh();
        assertThat(registry.scrape()).doesNotContain("complaints_kpi_open_alerts{");
        stores.ready = true;
        now[0] = Clock.offset(clock, java.time.Duration.ofSeconds(20));
        metrics.refresh();
        assertThat(registry.scrape()).contains("complaints_kpi_open_alerts{authority=\"A1\",kind=\"BREACHED\",stage=\"1\"} 1.0");
    }

    private static Alert breached(String authority, int stage) {
        return new Alert(AlertKind.BREACHED, "C-" + authority + stage, authority, "CHILDREN", "First Response", stage,
                LocalDate.of(2026, 11, 1), 3, Instant.parse("2026-11-20T10:00:00Z"), null);
    }

    /** Stores that answer with the given alerts, or throw (null) as during a rebalance. */
    private static final class Stores implements QueryService {
        volatile boolean ready;
        private final List<Alert> alerts;

        Stores(boolean ready, List<Alert> alerts) {
            this.ready = ready;
            this.alerts = alerts;
        }

        @Override
        public SeriesReader series() {
            return new InMemorySeriesReader(Map.of());
        }

        @Override
        public List<Alert> openAlerts() {
            if (alerts == null) {
                throw new IllegalStateException("store not queryable: rebalancing");
            }
            return alerts;
        }

        @Override
        public Optional<CaseHistory> caseHistory(String complaintId) {
            return Optional.empty();
        }

        @Override
        public List<CaseHistory> allCaseHistories() {
            return List.of();
        }

        @Override
        public long deadLetterCount() {
            return 0;
        }

        @Override
        public List<DeadLetter> recentRejections() {
            return List.of();
        }

        @Override
        public String streamsState() {
            return ready ? "RUNNING" : "REBALANCING";
        }
    }
}
