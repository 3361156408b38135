package io.complaintskpi.http;

import io.javalin.config.JavalinConfig;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * RED metrics of the HTTP API: {@code http_server_requests_seconds{method,route,status}} (a histogram:
 * rate, errors by status, latency quantiles per route). The route is the matched path pattern
 * ({@code /api/v1/complaints/{id}}), never the raw path, so the label stays bounded; unknown paths are
 * "unmatched".
 */
final class HttpMetrics {

    private static final Duration[] BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private HttpMetrics() {
    }

    static void register(JavalinConfig config, MeterRegistry registry) {
        config.requestLogger.http((ctx, millis) -> {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            Timer.builder("http.server.requests")
                    .description("HTTP requests by method, route pattern and status")
                    .tag("method", ctx.method().name())
                    .tag("route", endpoint == null ? "unmatched" : endpoint.path)
                    .tag("status", Integer.toString(ctx.statusCode()))
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
        });
    }
}
