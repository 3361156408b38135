package io.complaintskpi.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.publish.EventIntake;
import io.complaintskpi.query.Liveness;
import io.complaintskpi.query.QueryService;
import io.complaintskpi.config.Tls;
import io.javalin.Javalin;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.ContentType;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static io.complaintskpi.events.EventEnvelope.LONDON;

/** The HTTP API: versioned JSON routes, health, readiness and Prometheus metrics. */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String ERROR_WRITTEN = "complaints-kpi.error-written";

    private final Javalin app;

    private ApiServer(Javalin app) {
        this.app = app;
    }

    /**
     * Everything the routes read: {@code queries} answers for the whole service; {@code localQueries} only from
     * this instance's stores; {@code liveness} the parts whose death fails {@code /health}; {@code intake} takes
     * the events upstream systems send.
     */
    public record ApiDependencies(QueryService queries, QueryService localQueries, DomainRules rules, Clock clock,
                                  ServiceConfig config, PrometheusMeterRegistry metrics, Liveness liveness,
                                  EventIntake intake) {

        /** With no part watched and no Kafka to send events to (routes tested without a running topology). */
        public ApiDependencies(QueryService queries, QueryService localQueries, DomainRules rules, Clock clock,
                               ServiceConfig config, PrometheusMeterRegistry metrics) {
            this(queries, localQueries, rules, clock, config, metrics, Liveness.NONE,
                    EventIntake.withoutKafka(rules.codec(), metrics));
        }

        LocalDate today() {
            return LocalDate.now(clock.withZone(LONDON));
        }
    }

    /** The JSON of an error answer. */
    record ApiError(int status, String error) {
    }

    public static ApiServer start(String host, int port, ApiDependencies deps) {
        Javalin app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(EventCodec.MAPPER, false));
            config.startup.showJavalinBanner = false;
            HttpMetrics.register(config, deps.metrics());
            BrowserSafety.register(config, deps.config());
            ConsoleFiles.register(config);
            errors(config, AccessControl.register(config, deps.config().security(), deps.config().tls()));
            Routes.table(deps).register(config, deps);
            if (deps.config().tls().enabled()) {
                config.jetty.addConnector((server, http) -> httpsOnly(server, http, deps.config().tls(), host, port));
            }
        });
        app.start(host, port);
        LOG.info("HTTP API on {}://{}:{}", deps.config().tls().scheme(), host, app.port());
        return new ApiServer(app);
    }

    /** The one connector: HTTPS with the keystore's key and certificate (no plain HTTP beside it). */
    private static Connector httpsOnly(Server server, HttpConfiguration http, Tls tls, String host, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystore().toString());
        ssl.setKeyStorePassword(tls.keystorePassword());
        ssl.setKeyStoreType("PKCS12");
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // Peers and clients check this certificate's names; the server need not refuse a Host it does not name.
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** Every route Javalin serves (before and after handlers left out), for the tests that walk them. */
    List<Endpoint> endpoints() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod()).toList();
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void errors(JavalinConfig config, AccessControl access) {
        var routes = config.routes;
        routes.exception(BadRequest.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        routes.exception(NotFound.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
        routes.exception(Forbidden.class, (e, ctx) -> error(ctx, 403, e.getMessage()));
        routes.exception(ServiceUnavailable.class, (e, ctx) -> error(ctx, 503, e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.warn("request {} {} failed", ctx.method(), HttpMetrics.routePattern(ctx), e); // no reference from the path
            error(ctx, 500, "internal error; the service log has the details");
        });
        routes.error(404, "*", ctx -> {
            // Javalin answers an unknown route in plain text; our own 404s have their JSON already. Without a
            // valid token an unknown route is a 401 like a known one, so a caller learns nothing from it.
            boolean unknown = ctx.endpoints().matchedHttpEndpoint() == null;
            if (ctx.attribute(ERROR_WRITTEN) == null && !(unknown && access.deniesUnknownRoute(ctx))) {
                error(ctx, 404, "no such route: " + ctx.method() + " " + ctx.path() + "; see docs/http-api.md");
            }
        });
    }

    /**
     * A large JSON answer written by the API's mapper straight to UTF-8 bytes: {@code ctx.json} writes a String
     * and then encodes it, two copies that were a tenth of {@code /kpis}' CPU.
     */
    static void jsonBytes(Context ctx, Object body) {
        try {
            ctx.contentType(ContentType.APPLICATION_JSON).result(EventCodec.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }

    static QueryService ready(ApiDependencies deps) {
        if (!deps.queries().ready()) {
            throw new ServiceUnavailable("stores not ready yet (streams " + deps.queries().streamsState() + "); retry shortly");
        }
        return deps.queries();
    }

    static void error(Context ctx, int status, String message) {
        ctx.attribute(ERROR_WRITTEN, true);
        ctx.status(status).json(new ApiError(status, message));
    }

    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    /** An authority outside the token's scope. */
    static final class Forbidden extends RuntimeException {
        Forbidden(String message) {
            super(message);
        }
    }
}
