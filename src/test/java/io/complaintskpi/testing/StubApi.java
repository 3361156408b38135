package io.complaintskpi.testing;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.http.ApiServer;
import io.complaintskpi.query.QueryService;
import io.complaintskpi.query.StubQueries;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The real HTTP API on a free loopback port over stub stores (no Kafka, no topology), for tests of what the
 * routes and their guards answer.
 */
public final class StubApi {

    /** The last day of 2015/16, the seed year: the day route tests stand on unless they say otherwise. */
    public static final Instant LAST_DAY_OF_2015_16 = Instant.parse("2016-03-31T12:00:00Z");

    private StubApi() {
    }

    /** The settings as command-line flags would give them, every other one its default. */
    public static ServiceConfig config(Map<String, String> settings) {
        return ServiceConfig.load(Map.of(), new Properties(), settings);
    }

    /** Over stores that are ready and hold nothing, on {@link #LAST_DAY_OF_2015_16}. */
    public static ApiServer start(ServiceConfig config) {
        return start(config, new StubQueries(true, List.of()));
    }

    /** Over {@code stores}, on {@link #LAST_DAY_OF_2015_16}. */
    public static ApiServer start(ServiceConfig config, QueryService stores) {
        return start(config, stores, LAST_DAY_OF_2015_16);
    }

    /** Over {@code stores}, with the clock stopped at {@code now}. */
    public static ApiServer start(ServiceConfig config, QueryService stores, Instant now) {
        return start(config, stores, Clock.fixed(now, ZoneOffset.UTC));
    }

    public static ApiServer start(ServiceConfig config, QueryService stores, Clock clock) {
        return ApiServer.start("127.0.0.1", 0, new ApiServer.ApiDependencies(stores, stores, DomainWiring.rules(config),
                clock, config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
    }
}
