package io.complaintskpi.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
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

    /**
     * The matched route's pattern ({@code /api/v1/complaints/{id}/deadlines}): what the metrics and the log
     * name, never the raw path, which can carry a complaint reference.
     */
    static String routePattern(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? "unmatched" : endpoint.path;
    }

    static void register(JavalinConfig config, MeterRegistry registry) {
        config.requestLogger.http((ctx, millis) -> {
            Timer.builder("http.server.requests")
                    .description("HTTP requests by method, route pattern and status")
                    .tag("method", ctx.method().name())
                    .tag("route", routePattern(ctx))
                    .tag("status", Integer.toString(ctx.statusCode()))
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
        });
    }
}
