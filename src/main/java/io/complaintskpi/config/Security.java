package io.complaintskpi.config;

import io.complaintskpi.config.ServiceConfig.Setting;
import io.javalin.security.RouteRole;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may read what over HTTP, and how the Kafka clients authenticate (docs/security.md).
 *
 * @param tokens               accepted API bearer tokens, as SHA-256 hashes with a role each; none: no
 *                             authentication, so the API binds to loopback unless {@code allowUnauthenticated}
 * @param internalSecret       what instances send each other on {@code /internal/v1}; empty: those routes
 *                             are closed whenever tokens are configured
 * @param openPaths            of /health, /ready and /metrics, those answered without a token
 * @param allowUnauthenticated serve without tokens on a non-loopback address (behind a proxy that authenticates)
 * @param kafkaClient          settings given to every Kafka client (Streams, producers, consumers, admin)
 * @param publicHosts          host names (lower case) browsers may address the service by, besides loopback
 *                             names, while no tokens are configured (a proxy's name)
 */
public record Security(List<ApiToken> tokens, String internalSecret, Set<String> openPaths,
                       boolean allowUnauthenticated, Map<String, String> kafkaClient, Set<String> publicHosts) {

    /**
     * What a route needs (declared beside it in {@code http.RouteTable}) and what a token or the instance secret
     * grants. A new role is a constant here plus its line in {@link #grants}, which the compiler then asks for.
     */
    public enum Role implements RouteRole {
        /** aggregate KPIs, series, tables and reports */
        VIEWER,
        /** also what lists complaint references: caseload, deadlines, alerts, rejected records */
        CASEWORKER,
        /** Prometheus: {@code /metrics} only, business figures included; viewers and caseworkers may scrape too */
        METRICS,
        /**
         * public dashboards: the viewer's routes that publish ({@code SUPPRESSES} or {@code NO_COUNTS} in the route
         * table), always as public output; {@code public=false} is refused
         */
        PUBLIC,
        /**
         * an upstream system sending events ({@code POST /api/v1/events}) and nothing else: it reads no data. No
         * reading role grants it either: writing to the system of record is a machine's credential, not a person's
         */
        PUBLISHER,
        /** another instance of this service, known by {@code http.internal-secret}; no token grants it */
        INSTANCE,
        /** every caller, with a token or without: what holds no data (the API's description) */
        ANYONE;

        /** Whether a caller holding this role may call a route declared for {@code needed}. */
        public boolean grants(Role needed) {
            return needed == ANYONE || switch (this) {
                case VIEWER -> needed == VIEWER || needed == METRICS;
                case CASEWORKER -> needed == VIEWER || needed == CASEWORKER || needed == METRICS;
                case METRICS -> needed == METRICS;
                case PUBLIC -> needed == PUBLIC || needed == VIEWER; // only where the route publishes: http.AccessControl
                case PUBLISHER -> needed == PUBLISHER;
                case INSTANCE -> needed == INSTANCE;
                case ANYONE -> false;
            };
        }

        /** Whether an {@code http.tokens} entry may grant this role. */
        public boolean byToken() {
            return this != INSTANCE && this != ANYONE;
        }
    }

    /**
     * One accepted token: the hex SHA-256 of the token, the role it grants and the authorities it is scoped to
     * (empty: every authority; see docs/security.md#tokens-scoped-to-authorities).
     */
    public record ApiToken(Role role, String sha256, Set<String> authorities) {
        public ApiToken {
            authorities = Set.copyOf(authorities);
        }

        /** A token for every authority. */
        public ApiToken(Role role, String sha256) {
            this(role, sha256, Set.of());
        }
    }

    /** Paths that may be opened to callers without a token; the API's data never is. */
    public static final Set<String> OPENABLE_PATHS = Set.of("/health", "/ready", "/metrics");
    /** Keys with this prefix (in a properties file or --set) are Kafka client settings, prefix removed. */
    public static final String KAFKA_CLIENT_PREFIX = "kafka.client.";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** As the event contract writes an authority. */
    private static final Pattern AUTHORITY_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    static final Setting<String> TOKENS = new Setting<>("http.tokens", "COMPLAINTS_HTTP_TOKENS", "",
            "API bearer tokens: role:sha256hex pairs separated by ',' (role viewer, caseworker, public, metrics or"
                    + " publisher; the hex SHA-256 of each token), each optionally :authority+authority to scope it to"
                    + " those authorities; empty: no authentication, loopback only", SettingForm.text());
    static final Setting<String> INTERNAL_SECRET = new Setting<>("http.internal-secret", "COMPLAINTS_INTERNAL_SECRET",
            "", "secret the instances send each other on /internal/v1 (the same on every instance)",
            SettingForm.text());
    static final Setting<String> OPEN_PATHS = new Setting<>("http.open-paths", "COMPLAINTS_HTTP_OPEN_PATHS",
            "/health,/ready",
            "of /health, /ready and /metrics, those answered without a token (comma-separated); an open /metrics"
                    + " leaves out the business figures for callers without a token", SettingForm.text());
    static final Setting<Boolean> ALLOW_UNAUTHENTICATED = new Setting<>("http.allow-unauthenticated",
            "COMPLAINTS_HTTP_ALLOW_UNAUTHENTICATED", "false",
            "serve with no tokens on a non-loopback http.host (only behind a proxy that authenticates)",
            SettingForm.bool());
    static final Setting<String> PUBLIC_HOSTS = new Setting<>("http.public-hosts", "COMPLAINTS_HTTP_PUBLIC_HOSTS", "",
            "host names browsers may use to reach the service with no http.tokens (a proxy's), besides localhost,"
                    + " 127.0.0.1 and [::1]; other Host headers are refused (DNS rebinding)", SettingForm.text());
    static final Setting<String> KAFKA_CLIENT_PROPERTIES = new Setting<>("kafka.client-properties",
            "KAFKA_CLIENT_PROPERTIES", "", "properties file of Kafka client settings (security.protocol, sasl.*,"
            + " ssl.*) for every client; kafka.client.<setting> keys in --config or --set add to it",
            SettingForm.text());

    static final List<Setting<?>> SETTINGS = List.of(TOKENS, INTERNAL_SECRET, OPEN_PATHS, ALLOW_UNAUTHENTICATED,
            PUBLIC_HOSTS, KAFKA_CLIENT_PROPERTIES);

    /** Reads the settings above, and the prefixed keys from the file and flags. */
    static Security load(ServiceConfig v, Properties file, Map<String, String> overrides) {
        Map<String, String> kafka = new LinkedHashMap<>();
        String clientFile = v.get(KAFKA_CLIENT_PROPERTIES);
        if (!clientFile.isBlank()) {
            Properties client = new Properties();
            try (InputStream in = Files.newInputStream(Path.of(clientFile))) {
                client.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("kafka.client-properties: cannot read " + clientFile, e);
            }
            client.stringPropertyNames().forEach(key -> kafka.put(key, client.getProperty(key).trim()));
        }
        file.stringPropertyNames().stream().filter(key -> key.startsWith(KAFKA_CLIENT_PREFIX))
                .forEach(key -> kafka.put(key.substring(KAFKA_CLIENT_PREFIX.length()), file.getProperty(key).trim()));
        overrides.forEach((key, value) -> {
            if (key.startsWith(KAFKA_CLIENT_PREFIX)) {
                kafka.put(key.substring(KAFKA_CLIENT_PREFIX.length()), value.trim());
            }
        });
        return new Security(tokens(v.get(TOKENS)), v.get(INTERNAL_SECRET), openPaths(v.get(OPEN_PATHS)),
                v.get(ALLOW_UNAUTHENTICATED), Map.copyOf(kafka), hosts(v.get(PUBLIC_HOSTS)));
    }

    /** The same, with {@code more} Kafka client settings, which win over those configured. */
    Security withKafkaClient(Map<String, String> more) {
        Map<String, String> kafka = new LinkedHashMap<>(kafkaClient);
        kafka.putAll(more);
        return new Security(tokens, internalSecret, openPaths, allowUnauthenticated, Map.copyOf(kafka), publicHosts);
    }

    public boolean authenticates() {
        return !tokens.isEmpty();
    }

    /**
     * The address the API binds to: {@code httpHost} when given, else every interface with tokens and the
     * loopback address without them. Without tokens another address needs {@code allowUnauthenticated}.
     */
    public String bindHost(String httpHost) {
        if (authenticates() || allowUnauthenticated) {
            return httpHost.isBlank() ? "0.0.0.0" : httpHost;
        }
        if (httpHost.isBlank()) {
            return "127.0.0.1";
        }
        if (!isLoopback(httpHost)) {
            throw new IllegalArgumentException("invalid configuration: http.host=" + httpHost + " but no http.tokens"
                    + " are configured: anyone who can reach that address would read complaint references. Configure"
                    + " http.tokens, bind to 127.0.0.1, or set http.allow-unauthenticated=true (behind a proxy that"
                    + " authenticates)");
        }
        return httpHost;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static List<ApiToken> tokens(String list) {
        List<ApiToken> tokens = new ArrayList<>();
        for (String entry : list.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split(":", -1);
            String hash = parts.length < 2 ? "" : parts[1].trim().toLowerCase(Locale.ROOT);
            Role role = parts.length < 2 ? null : role(parts[0].trim());
            Set<String> scope = parts.length == 3 ? authorities(parts[2]) : Set.of();
            if (role == null || !SHA256_HEX.matcher(hash).matches() || parts.length > 3
                    || parts.length == 3 && scope.isEmpty()) {
                // The entry is not echoed: it may be a token pasted by mistake instead of its hash.
                throw new IllegalArgumentException("http.tokens wants role:sha256hex pairs separated by ','"
                        + " (role viewer, caseworker, public, metrics or publisher, the hash 64 hex digits of"
                        + " printf %s TOKEN | sha256sum), each optionally :A+B scoped to authorities A and B; entry "
                        + (tokens.size() + 1) + " is not one");
            }
            tokens.add(new ApiToken(role, hash, scope));
        }
        return List.copyOf(tokens);
    }

    /** Authority codes separated by '+'; empty when any is not a code. */
    private static Set<String> authorities(String list) {
        Set<String> codes = new LinkedHashSet<>();
        for (String code : list.split("\\+", -1)) {
            if (!AUTHORITY_CODE.matcher(code.trim()).matches()) {
                return Set.of();
            }
            codes.add(code.trim());
        }
        return codes;
    }

    private static Role role(String name) {
        for (Role role : Role.values()) {
            if (role.byToken() && role.name().equalsIgnoreCase(name)) {
                return role;
            }
        }
        return null;
    }

    private static Set<String> hosts(String list) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String host : list.split(",")) {
            if (!host.isBlank()) {
                hosts.add(host.trim().toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(hosts);
    }

    private static Set<String> openPaths(String list) {
        Set<String> paths = new LinkedHashSet<>();
        for (String path : list.split(",")) {
            if (path.isBlank()) {
                continue;
            }
            if (!OPENABLE_PATHS.contains(path.trim())) {
                throw new IllegalArgumentException("http.open-paths may only list /health, /ready and /metrics, got '"
                        + path.trim() + "'");
            }
            paths.add(path.trim());
        }
        return Set.copyOf(paths);
    }
}
