package io.complaintskpi.http;

import io.complaintskpi.config.Security;
import io.complaintskpi.config.Security.Role;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Bearer-token authentication and roles in front of every route (docs/security.md). With no token
 * configured everything is open: the API is then bound to loopback (or an operator opted out).
 */
final class AccessControl {

    static final String INTERNAL_PREFIX = "/internal/";
    /** Routes a viewer reads: aggregate figures only. Every other /api route lists complaint references. */
    private static final List<String> VIEWER_PREFIXES = List.of("/api/v1/kpis", "/api/v1/tables/",
            "/api/v1/reports/", "/api/v1/authorities", "/api/v1/periods");

    private final Security security;

    private AccessControl(Security security) {
        this.security = security;
    }

    static void register(JavalinConfig config, Security security) {
        AccessControl access = new AccessControl(security);
        config.routes.before(access::check);
        config.routes.exception(Denied.class, (e, ctx) -> {
            if (e.status == 401) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"complaints-kpi\"");
            }
            ApiServer.error(ctx, e.status, e.getMessage());
        });
    }

    private void check(Context ctx) {
        String path = ctx.path();
        if (path.startsWith(INTERNAL_PREFIX)) {
            checkInternal(ctx);
            return;
        }
        if (!security.authenticates() || security.openPaths().contains(path) || ConsoleFiles.isShell(path)) {
            return;
        }
        Role role = bearer(ctx).flatMap(this::roleOf)
                .orElseThrow(() -> new Denied(401, "a valid bearer token is needed: Authorization: Bearer <token>"));
        Role needed = needs(path);
        if (role.compareTo(needed) < 0) {
            throw new Denied(403, "the " + role.name().toLowerCase() + " role may not read " + path + "; it needs "
                    + needed.name().toLowerCase());
        }
    }

    /** Peers send the shared secret; with no tokens and no secret the instance trusts its own network. */
    private void checkInternal(Context ctx) {
        String secret = security.internalSecret();
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

    static Role needs(String path) {
        if (DrillDownRoutes.listsComplaints(path)) {
            return Role.CASEWORKER;
        }
        return VIEWER_PREFIXES.stream().anyMatch(path::startsWith) || Security.OPENABLE_PATHS.contains(path)
                ? Role.VIEWER : Role.CASEWORKER;
    }

    private Optional<Role> roleOf(String token) {
        byte[] given = hash(token);
        Role best = null;
        for (Security.ApiToken t : security.tokens()) {
            if (equal(given, HexFormat.of().parseHex(t.sha256())) && (best == null || t.role().compareTo(best) > 0)) {
                best = t.role();
            }
        }
        return Optional.ofNullable(best);
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
