package io.complaintskpi.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the running service exports on /metrics for the dashboards and rules: RED metrics per route, the
 * JVM and process, counters of rejected events and deadline breaches, the headline split by unit.
 */
@ExtendWith(LiveStack.Extension.class)
class ServiceMetricsLiveTest {

    @Test
    void redMetricsPerRouteWithThePatternNotThePath(LiveStack stack) {
        stack.get("/api/v1/kpis/received?period=2015/16");
        stack.get("/api/v1/kpis/received?period=2015/x");
        stack.get("/no/such/route/OPS-H1");
        String metrics = stack.get("/metrics").body();
        assertThat(metrics)
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/kpis/received\",status=\"200\"}")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/kpis/received\",status=\"400\"}")
                .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/v1/kpis/received\",status=\"200\",le=\"0.1\"}")
                .contains("route=\"unmatched\",status=\"404\"")
                .doesNotContain("OPS-H1");
    }

    @Test
    void jvmAndProcessMetricsBesideMemory(LiveStack stack) {
        assertThat(stack.get("/metrics").body()).contains("jvm_memory_used_bytes", "jvm_gc_pause_seconds",
                "jvm_threads_live_threads", "process_cpu_usage", "system_cpu_count", "process_uptime_seconds",
                "complaints_kpi_stream_threads_configured 1.0", "complaints_kpi_stream_thread_replacements_total 0.0");
    }

    @Test
    void receivedAndRejectedEventsAndBreachesAreCountersWithBoundedLabels(LiveStack stack) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(stack.get("/metrics").body())
                .containsPattern("complaints_kpi_events_rejected_total\\{reason=\"\\w+\",type=\"unknown\"} [1-9]")
                .containsPattern("complaints_kpi_dead_letters_total [1-9]")
                .containsPattern("complaints_kpi_events_received_total\\{type=\"ComplaintReceived\"} [1-9]")
                .containsPattern("complaints_kpi_events_received_total\\{type=\"unknown\"} [1-9]")
                .contains("complaints_kpi_events_received_total{type=\"OmbudsmanDecision\"}")
                .containsPattern("complaints_kpi_deadline_breaches_total\\{authority=\"E10000018\",stage=\"1\"} [1-9]"));
    }

    @Test
    void theHeadlineIsSplitByUnit(LiveStack stack) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(stack.get("/metrics").body())
                .contains("complaints_kpi_headline_count{authority=\"E10000018\",kpi=\"stage1.received\"}")
                .contains("complaints_kpi_headline_percent{authority=\"E10000018\",kpi=\"escalation.rate\"}")
                .contains("complaints_kpi_headline_pence{authority=\"E10000018\",kpi=\"costs.total\"}")
                .doesNotContain("complaints_kpi_headline{"));
    }
}
