package io.complaintskpi.http;

import io.complaintskpi.query.DeadLetter;
import io.javalin.http.Context;

import java.util.List;

/** What operators and their tools read: liveness, readiness, Prometheus metrics and the dead-letter topic. */
final class OperatorRoutes {

    /** {@code dead}: the parts that are not alive (empty when UP). */
    record Health(String status, List<String> dead) {
    }

    record Readiness(boolean ready, String streams) {
    }

    record DeadLetters(String topic, long records, List<DeadLetter> recent) {
    }

    private final ApiServer.ApiDependencies deps;
    private final ServiceMetrics service;
    private final HeadlineMetrics headline;

    OperatorRoutes(ApiServer.ApiDependencies deps) {
        this.deps = deps;
        this.service = new ServiceMetrics(deps.metrics(), deps.localQueries(), deps.clock(),
                deps.config().streamThreads());
        this.headline = new HeadlineMetrics(deps);
    }

    void health(Context ctx, Params p) {
        List<String> dead = deps.liveness().dead();
        ctx.status(dead.isEmpty() ? 200 : 503).json(new Health(dead.isEmpty() ? "UP" : "DOWN", dead));
    }

    void ready(Context ctx, Params p) {
        String state = deps.queries().streamsState();
        boolean ready = deps.queries().ready();
        ctx.status(ready ? 200 : 503).json(new Readiness(ready, state));
    }

    void metrics(Context ctx, Params p) {
        String text;
        // One scrape at a time: two concurrent re-registrations of the same multi-gauge rows can leave a row
        // twice in the registry, and then every scrape fails on duplicate labels.
        synchronized (this) {
            service.refresh();
            headline.refresh();
            text = deps.metrics().scrape();
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(AccessControl.anonymous(ctx) ? OperationalMetrics.only(text) : text);
    }

    void deadLetters(Context ctx, Params p) {
        ctx.json(new DeadLetters("complaint-events-dlq", deps.queries().deadLetterCount(),
                deps.queries().recentRejections()));
    }
}
