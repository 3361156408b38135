package io.complaintskpi.config;

import io.complaintskpi.rules.Stage2ClockStart;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where and how the service runs, with the statutory-rule settings apart in {@link #rules()}. Every setting
 * is read from, in order of precedence: a command-line flag, the environment variable, a properties file, a
 * command's own default (the demo's authority), the default; {@link #SETTINGS} is the documented list, and
 * every value from every source is checked against its form before anything starts.
 */
public record ServiceConfig(String bootstrapServers, Path dataDir, String httpHost, int httpPort, String advertisedHost,
                            String applicationId, String defaultAuthority, Map<String, String> authorityNames,
                            Duration alertScanInterval, boolean publicByDefault, int streamThreads,
                            int standbyReplicas, int internalReplicationFactor, int rocksDbMemoryMb,
                            RuleSettings rules, Security security) {

    /** One documented setting: its property key, environment variable, default, meaning and accepted form. */
    public record Setting(String key, String env, String defaultValue, String description, SettingForm form) {
    }

    /** Where the embedded broker keeps its logs and saved address, inside a data folder. */
    public static Path embeddedBrokerDir(Path dataDir) {
        return dataDir.resolve("kafka");
    }

    /** Where Kafka Streams keeps its state stores, inside a data folder. */
    public static Path streamsStateDir(Path dataDir) {
        return dataDir.resolve("streams");
    }

    public Path embeddedBrokerDir() {
        return embeddedBrokerDir(dataDir);
    }

    public Path streamsStateDir() {
        return streamsStateDir(dataDir);
    }

    public static final List<Setting> SETTINGS = Stream.concat(Stream.of(
            new Setting("kafka.bootstrap-servers", "KAFKA_BOOTSTRAP_SERVERS", "",
                    "Kafka cluster to use; empty starts the embedded single-node KRaft broker", SettingForm.text()),
            new Setting("data.dir", "COMPLAINTS_DATA_DIR", "./data",
                    "embedded broker logs (data.dir/kafka) and Kafka Streams state (data.dir/streams)",
                    SettingForm.path()),
            new Setting("http.host", "COMPLAINTS_HTTP_HOST", "",
                    "address the HTTP API binds to; empty: every interface with http.tokens, else 127.0.0.1 only",
                    SettingForm.text()),
            new Setting("http.port", "COMPLAINTS_HTTP_PORT", "7070",
                    "port of the HTTP API and /metrics (0: any free port)", SettingForm.wholeNumber(0, 65535)),
            new Setting("http.advertised-host", "COMPLAINTS_ADVERTISED_HOST", "localhost",
                    "host name other instances use to reach this one (Kafka Streams application.server)",
                    SettingForm.nonBlank("a host name")),
            new Setting("application.id", "COMPLAINTS_APPLICATION_ID", "complaints-kpi",
                    "Kafka Streams application id: consumer group and prefix of internal topics",
                    SettingForm.nonBlank("a Kafka Streams application id")),
            new Setting("authority.default", "COMPLAINTS_DEFAULT_AUTHORITY", "LOCAL",
                    "authority given to events that carry none", SettingForm.nonBlank("an authority code")),
            new Setting("authority.names", "COMPLAINTS_AUTHORITY_NAMES", "",
                    "display names of authorities for report titles: code=name pairs separated by ';'",
                    SettingForm.names()),
            new Setting("calendar.extra-closures", "COMPLAINTS_EXTRA_CLOSURES", "",
                    "extra non-working days, comma-separated ISO dates (council closures, new one-off holidays)",
                    SettingForm.dates()),
            new Setting("calendar.extra-working-days", "COMPLAINTS_EXTRA_WORKING_DAYS", "",
                    "working days despite the bank-holiday rules, comma-separated ISO dates (a holiday moved away)",
                    SettingForm.dates()),
            new Setting("rules.stage2-clock-start", "COMPLAINTS_STAGE2_CLOCK_START", "STATEMENT_AGREED",
                    "stage 2 clock start: STATEMENT_AGREED (falling back to the request) or REQUEST",
                    SettingForm.stage2ClockStart()),
            new Setting("alerts.at-risk-working-days", "COMPLAINTS_AT_RISK_WORKING_DAYS", "2",
                    "AT_RISK is raised this many working days before a deadline", SettingForm.wholeNumber(0, 20)),
            new Setting("rules.adults-response-months", "COMPLAINTS_ADULTS_RESPONSE_MONTHS", "6",
                    "adult social care response period while no date is agreed", SettingForm.wholeNumber(1, 24)),
            new Setting("rules.corporate-timescales", "COMPLAINTS_CORPORATE_TIMESCALES", "",
                    "councils' own corporate timescales where they differ from the Complaint Handling Code's",
                    SettingForm.corporateTimescales()),
            new Setting("alerts.scan-interval", "COMPLAINTS_ALERT_SCAN_INTERVAL", "PT1M",
                    "how often the wall-clock deadline scan runs (30s, 5m, 1h or ISO-8601 like PT1M)",
                    SettingForm.duration()),
            new Setting("disclosure.public-by-default", "COMPLAINTS_PUBLIC_BY_DEFAULT", "false",
                    "apply small-number suppression to every output unless ?public=false is asked",
                    SettingForm.bool()),
            new Setting("streams.threads", "COMPLAINTS_STREAM_THREADS", "1", "Kafka Streams threads",
                    SettingForm.wholeNumber(1, 64)),
            new Setting("streams.standby-replicas", "COMPLAINTS_STANDBY_REPLICAS", "0",
                    "warm copies of each store on other instances, for fast fail-over (set 1 when running several)",
                    SettingForm.wholeNumber(0, 10)),
            new Setting("streams.replication-factor", "COMPLAINTS_INTERNAL_REPLICATION_FACTOR", "-1",
                    "replication factor of changelog and repartition topics (-1: the broker's default)",
                    SettingForm.replicationFactor()),
            new Setting("streams.rocksdb-memory-mb", "COMPLAINTS_ROCKSDB_MEMORY_MB", "64",
                    "off-heap memory all RocksDB stores of the instance share: block cache, index and filter blocks,"
                            + " and memtables (at most half)", SettingForm.wholeNumber(1, 1_048_576))),
            Security.SETTINGS.stream()).toList();

    private static final Map<String, Setting> BY_KEY = SETTINGS.stream()
            .collect(Collectors.toMap(Setting::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));

    public ServiceConfig {
        authorityNames = Map.copyOf(authorityNames);
    }

    public boolean embeddedBroker() {
        return bootstrapServers.isBlank();
    }

    public static ServiceConfig defaults() {
        return load(Map.of(), new Properties(), Map.of());
    }

    /** Resolves every setting; {@code overrides} are command-line flags keyed by property key. */
    public static ServiceConfig load(Map<String, String> env, Properties file, Map<String, String> overrides) {
        return load(env, file, overrides, Map.of());
    }

    /**
     * Resolves and checks every setting. {@code commandDefaults} replace the built-in defaults for one
     * command (the demo's authority) but yield to every other source.
     *
     * @throws InvalidSettings listing, one line each, every unknown key and every value not of its form
     */
    public static ServiceConfig load(Map<String, String> env, Properties file, Map<String, String> overrides,
                                     Map<String, String> commandDefaults) {
        List<String> errors = new ArrayList<>();
        unknownKeys(overrides.keySet(), "a command-line flag", errors);
        unknownKeys(file.stringPropertyNames(), "the --config file", errors);
        unknownKeys(commandDefaults.keySet(), "the command's defaults", errors);
        Map<String, Object> v = new LinkedHashMap<>();
        for (Setting s : SETTINGS) {
            String source = "a command-line flag";
            String value = overrides.get(s.key());
            if (value == null) {
                value = env.get(s.env());
                source = "environment variable " + s.env();
            }
            if (value == null) {
                value = file.getProperty(s.key());
                source = "the --config file";
            }
            if (value == null) {
                value = commandDefaults.getOrDefault(s.key(), s.defaultValue());
                source = "the default";
            }
            try {
                v.put(s.key(), s.form().parse(value.trim()));
            } catch (IllegalArgumentException e) {
                errors.add("setting " + s.key() + " = '" + value.trim() + "' (from " + source + ") must be "
                        + s.form().expected());
            }
        }
        RuleSettings rules = null;
        if (errors.isEmpty()) {
            rules = new RuleSettings(cast(v.get("calendar.extra-closures")), cast(v.get("calendar.extra-working-days")),
                    (Stage2ClockStart) v.get("rules.stage2-clock-start"), (Integer) v.get("rules.adults-response-months"),
                    (Integer) v.get("alerts.at-risk-working-days"), (String) v.get("rules.corporate-timescales"));
            try {
                rules.calendar(); // an extra working day that is a weekend or also a closure stops startup
            } catch (IllegalArgumentException e) {
                errors.add("settings calendar.extra-working-days and calendar.extra-closures: " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSettings(errors);
        }
        return new ServiceConfig(
                (String) v.get("kafka.bootstrap-servers"),
                (Path) v.get("data.dir"),
                (String) v.get("http.host"),
                (Integer) v.get("http.port"),
                (String) v.get("http.advertised-host"),
                (String) v.get("application.id"),
                (String) v.get("authority.default"),
                cast(v.get("authority.names")),
                (Duration) v.get("alerts.scan-interval"),
                (Boolean) v.get("disclosure.public-by-default"),
                (Integer) v.get("streams.threads"),
                (Integer) v.get("streams.standby-replicas"),
                (Integer) v.get("streams.replication-factor"),
                (Integer) v.get("streams.rocksdb-memory-mb"),
                rules,
                Security.load(v, file, overrides));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private static void unknownKeys(Set<String> keys, String source, List<String> errors) {
        keys.stream().filter(key -> !BY_KEY.containsKey(key) && !key.startsWith(Security.KAFKA_CLIENT_PREFIX)).sorted()
                .forEach(key -> errors.add("unknown setting '" + key + "' (from " + source + ")"
                        + nearest(key).map(known -> "; did you mean '" + known + "'?").orElse(".")
                        + " See docs/configuration.md"));
    }

    /**
     * The known key fewest single-character edits away, if it is close enough to be a misspelling (at most a third
     * of the key's characters, and at least 2, edited): suggesting a far-off key would only mislead.
     */
    static Optional<String> nearest(String key) {
        int tolerance = Math.max(2, key.length() / 3);
        return BY_KEY.keySet().stream().min(Comparator.comparingInt((String k) -> editDistance(key, k))
                .thenComparing(Function.identity())).filter(known -> editDistance(key, known) <= tolerance);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    public ServiceConfig withBootstrapServers(String servers) {
        return new ServiceConfig(servers, dataDir, httpHost, httpPort, advertisedHost, applicationId,
                defaultAuthority, authorityNames, alertScanInterval, publicByDefault, streamThreads, standbyReplicas,
                internalReplicationFactor, rocksDbMemoryMb, rules, security);
    }

    public ServiceConfig withHttpPort(int port) {
        return new ServiceConfig(bootstrapServers, dataDir, httpHost, port, advertisedHost, applicationId,
                defaultAuthority, authorityNames, alertScanInterval, publicByDefault, streamThreads, standbyReplicas,
                internalReplicationFactor, rocksDbMemoryMb, rules, security);
    }

    /** What every Kafka client of the service is given: the cluster and the pass-through settings. */
    public Map<String, Object> kafkaClientProperties() {
        Map<String, Object> props = new LinkedHashMap<>(security.kafkaClient());
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }

    /** The authority's display name, or its code when none is configured. */
    public String authorityName(String authority) {
        return authorityNames.getOrDefault(authority, authority);
    }

    /** Settings that are not valid, one line each, so a start fails before anything runs. */
    public static final class InvalidSettings extends IllegalArgumentException {
        private final List<String> problems;

        public InvalidSettings(List<String> problems) {
            super(String.join(System.lineSeparator(), problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
