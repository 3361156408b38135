package io.complaintskpi.http;

import io.complaintskpi.config.Security;
import io.complaintskpi.config.Security.Role;
import io.complaintskpi.config.Tls;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bearer-token authentication and roles in front of every route (docs/security.md). With no token
 * configured everything is open: the API is then bound to loopback (or an operator opted out).
 */
final class AccessControl {

    private final Security security;
    private final Tls tls;

    private AccessControl(Security security, Tls tls) {
        this.security = security;
        this.tls = tls;
    }

    /** Checks every matched route against the role its declaration ({@link ApiRoute}) needs. */
    static AccessControl register(JavalinConfig config, Security security, Tls tls) {
        AccessControl access = new AccessControl(security, tls);
        config.routes.beforeMatched(access::check);
        config.routes.exception(Denied.class, (e, ctx) -> deny(ctx, e));
        return access;
    }

    private void check(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        ApiRoute route = endpoint == null ? null : endpoint.metadata(ApiRoute.class);
        Role needed = ctx.routeRoles().stream().filter(Role.class::isInstance).map(Role.class::cast).findFirst()
                .orElse(null);
        if (route == null && ConsoleFiles.isShell(ctx.path())) {
            return; // the console's static files: no data, no route of the table
        }
        if (route == null || needed == null) {
            // Fail closed: a route registered outside the route table has no role to check.
            throw new Denied(403, ctx.path() + " declares no role in the route table; it is closed");
        }
        if (needed == Role.ANYONE) {
            return;
        }
        if (needed == Role.INSTANCE) {
            checkInternal(ctx);
            return;
        }
        if (!security.authenticates()) {
            return;
        }
        List<Security.ApiToken> tokens = matching(ctx);
        Set<Role> held = tokens.stream().map(Security.ApiToken::role).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(Role.class)));
        if (security.openPaths().contains(route.path())) {
            if (held.stream().noneMatch(role -> role.grants(needed))) {
                ctx.attribute(ANONYMOUS, Boolean.TRUE);
            }
            return;
        }
        if (held.isEmpty()) {
            throw new Denied(401, "a valid bearer token is needed: Authorization: Bearer <token>");
        }
        Set<Role> granting = held.stream().filter(role -> role.grants(needed)).collect(Collectors.toSet());
        if (granting.isEmpty()) {
            throw new Denied(403, "the " + names(held) + " role may not " + (ctx.method() == HandlerType.GET
                    ? "read " : "send to ") + ctx.path() + "; it needs " + needed.name().toLowerCase(Locale.ROOT));
        }
        if (granting.equals(Set.of(Role.PUBLIC))) {
            if (!route.publishes()) {
                throw new Denied(403, "the public role reads published figures only; " + route.path()
                        + " has no public form");
            }
            ctx.attribute(PUBLIC_ONLY, Boolean.TRUE);
        }
        TokenScope scope = scope(tokens);
        if (!scope.every() && (route.scope() == ApiRoute.AuthorityScope.EVERY_AUTHORITY
                || route.scope() == ApiRoute.AuthorityScope.UNDECIDED)) {
            throw new Denied(403, "this token is scoped to authorities " + String.join(", ", scope.authorities())
                    + "; " + route.path() + " holds every authority's data");
        }
        scope.set(ctx);
    }

    /** A token listed twice with different scopes sees what either sees; one unscoped entry sees every authority. */
    private static TokenScope scope(List<Security.ApiToken> tokens) {
        if (tokens.stream().anyMatch(t -> t.authorities().isEmpty())) {
            return TokenScope.EVERY;
        }
        return TokenScope.of(tokens.stream().flatMap(t -> t.authorities().stream()).collect(Collectors.toSet()));
    }

    /** Set on a request to an open path, tokens configured, without a token that grants the route's role. */
    private static final String ANONYMOUS = "complaints-kpi.anonymous";

    /** Whether the caller reached an open path without a token while tokens are configured. */
    static boolean anonymous(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(ANONYMOUS));
    }

    /** Set on a request whose token holds the public role only: its answer is public output, whatever it asks. */
    static final String PUBLIC_ONLY = "complaints-kpi.public-only";

    static boolean publicOnly(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(PUBLIC_ONLY));
    }

    /**
     * For a path no route matches: with tokens configured and none valid, answers 401 as a known route would,
     * so a caller without a token cannot map the routes. Returns whether it answered.
     */
    boolean deniesUnknownRoute(Context ctx) {
        if (!security.authenticates() || !matching(ctx).isEmpty()) {
            return false;
        }
        deny(ctx, new Denied(401, "a valid bearer token is needed: Authorization: Bearer <token>"));
        return true;
    }

    private static void deny(Context ctx, Denied e) {
        if (e.status == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"complaints-kpi\"");
        }
        ApiServer.error(ctx, e.status, e.getMessage());
    }

    /**
     * Peers send the shared secret, over HTTPS or from an allowed address; with no tokens and no secret the
     * instance trusts its own network.
     */
    private void checkInternal(Context ctx) {
        String secret = security.internalSecret();
        if (!secret.isEmpty() && !tls.acceptsPeer(ctx.req().isSecure(), ctx.req().getRemoteAddr())) {
            throw new Denied(403, "instance-to-instance routes need HTTPS (http.tls.keystore) or a peer address"
                    + " in http.peer-allowlist");
        }
        if (secret.isEmpty()) {
            if (security.authenticates()) {
                throw new Denied(403, "instance-to-instance routes are closed: http.internal-secret is not set");
            }
            return;
        }
        if (!bearer(ctx).map(given -> equal(hash(given), hash(secret))).orElse(false)) {
            throw new Denied(401, "instance-to-instance routes need the instance secret");
        }
    }

    /** The configured tokens the request's bearer token is: none without a valid one. */
    private List<Security.ApiToken> matching(Context ctx) {
        return bearer(ctx).map(token -> {
            byte[] given = hash(token);
            List<Security.ApiToken> found = new ArrayList<>();
            for (Security.ApiToken t : security.tokens()) {
                if (equal(given, HexFormat.of().parseHex(t.sha256()))) {
                    found.add(t);
                }
            }
            return found;
        }).orElse(List.of());
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" and "));
    }

    private static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Constant time, so the answer's timing does not tell how much of a token was right. */
    private static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    static final class Denied extends RuntimeException {
        final int status;

        Denied(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
