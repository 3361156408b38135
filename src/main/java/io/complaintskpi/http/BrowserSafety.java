package io.complaintskpi.http;

import io.complaintskpi.config.ServiceConfig;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What keeps a browser's reading of the service safe: security headers on every answer (a Content-Security-Policy
 * that allows no inline script and no framing, nosniff, no referrer, and no caching of anything), and, when no
 * tokens are configured (the API then listens on loopback), a refusal of any request whose {@code Host} is not a
 * loopback name, this instance's advertised host or a configured public host: a page elsewhere that rebinds its
 * own name to 127.0.0.1 (DNS rebinding) cannot read the caseload through the user's browser.
 */
final class BrowserSafety {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private final boolean checksHost;
    private final Set<String> hosts;

    private BrowserSafety(ServiceConfig config) {
        this.checksHost = !config.security().authenticates();
        this.hosts = new HashSet<>(config.security().publicHosts());
        hosts.add(config.advertisedHost().toLowerCase(Locale.ROOT));
    }

    /**
     * The policy for a page that carries its own stylesheet (the annual report, a document that must also work
     * saved as a file): that exact {@code <style>} text is allowed by its SHA-256, nothing else inline, no script.
     */
    static void allowInlineStyle(Context ctx, String styleText) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY.replace("style-src 'self';",
                "style-src 'self' 'sha256-" + sha256(styleText) + "';"));
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static void register(JavalinConfig javalin, ServiceConfig config) {
        BrowserSafety safety = new BrowserSafety(config);
        javalin.routes.before(safety::check);
    }

    private void check(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        // Figures, lists of complaints and the console's files alike: nothing is kept by a browser or a proxy.
        ctx.header("Cache-Control", "no-store");
        if (checksHost && !allowed(ctx.header("Host"))) {
            throw new AccessControl.Denied(403, "this service answers only requests addressed to a loopback name"
                    + " (localhost, 127.0.0.1, [::1]) or to http.public-hosts while no http.tokens are configured");
        }
    }

    /** A {@code Host} header's name (port dropped) is loopback, the advertised host or a public host. */
    boolean allowed(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int close = name.indexOf(']');
            name = close < 0 ? name : name.substring(0, close + 1);
        } else if (name.indexOf(':') >= 0) {
            name = name.substring(0, name.indexOf(':'));
        }
        return name.equals("localhost") || name.equals("[::1]") || IPV4_LOOPBACK.matcher(name).matches()
                || hosts.contains(name);
    }
}
