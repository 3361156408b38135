package io.complaintskpi.config;

import io.complaintskpi.rules.Stage2ClockStart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
 * Where and how the service runs, with the statutory-rule settings apart in {@link #rules()}. Each setting is
 * declared once below as a typed {@link Setting} (key, environment variable, default, description, form) and
 * read with {@link #get(Setting)}. Every setting is read from, in order of precedence: a command-line flag, the
 * environment variable, a properties file, a command's own default (the demo's authority), the default;
 * {@link #SETTINGS} is the documented list (docs/configuration.md is checked against it), and every value
 * from every source is checked against its form before anything starts.
 */
public final class ServiceConfig {

    /**
     * One setting, declared once: its property key (also the CLI's {@code --set key=value}), environment
     * variable, default, meaning, the form its value must take, which reads it as a {@code T}, and whether a
     * change of it changes stored figures, deadlines or alerts ({@link #changingFigures()}): those make the
     * rules fingerprint ({@link RulesFingerprint#KEYS}) and are marked in docs/configuration.md.
     */
    public record Setting<T>(String key, String env, String defaultValue, String description, SettingForm<T> form,
                             boolean changesFigures) {

        public Setting(String key, String env, String defaultValue, String description, SettingForm<T> form) {
            this(key, env, defaultValue, description, form, false);
        }

        /** This setting, declared as one whose change changes stored figures, deadlines or alerts. */
        public Setting<T> changingFigures() {
            return new Setting<>(key, env, defaultValue, description, form, true);
        }
    }

    public static final Setting<String> BOOTSTRAP_SERVERS = new Setting<>("kafka.bootstrap-servers",
            "KAFKA_BOOTSTRAP_SERVERS", "", "Kafka cluster to use; empty starts the embedded single-node KRaft broker",
            SettingForm.text());
    public static final Setting<Boolean> EMBEDDED_SASL = new Setting<>("kafka.embedded-sasl",
            "COMPLAINTS_EMBEDDED_KAFKA_SASL", "false", "the embedded broker's listeners want a SASL/PLAIN login, kept"
            + " owner-only in data.dir/kafka/client.properties (made on first use) where every client and command"
            + " finds it; false: any local user can reach the broker", SettingForm.bool());
    public static final Setting<Path> DATA_DIR = new Setting<>("data.dir", "COMPLAINTS_DATA_DIR", "./data",
            "embedded broker logs (data.dir/kafka) and Kafka Streams state (data.dir/streams)", SettingForm.path());
    public static final Setting<String> HTTP_HOST = new Setting<>("http.host", "COMPLAINTS_HTTP_HOST", "",
            "address the HTTP API binds to; empty: every interface with http.tokens, else 127.0.0.1 only",
            SettingForm.text());
    public static final Setting<Integer> HTTP_PORT = new Setting<>("http.port", "COMPLAINTS_HTTP_PORT", "7070",
            "port of the HTTP API and /metrics (0: any free port)", SettingForm.wholeNumber(0, 65535));
    public static final Setting<Integer> INGEST_MAX_BYTES = new Setting<>("http.ingest-max-bytes",
            "COMPLAINTS_HTTP_INGEST_MAX_BYTES", "4194304", "largest body POST /api/v1/events takes, in bytes;"
            + " a larger one is refused with 413", SettingForm.wholeNumber(1024, 32 << 20));
    public static final Setting<Integer> INGEST_MAX_EVENTS = new Setting<>("http.ingest-max-events",
            "COMPLAINTS_HTTP_INGEST_MAX_EVENTS", "5000", "most events one POST /api/v1/events takes; more are"
            + " refused with 413", SettingForm.wholeNumber(1, 100_000));
    public static final Setting<String> ADVERTISED_HOST = new Setting<>("http.advertised-host",
            "COMPLAINTS_ADVERTISED_HOST", "localhost",
            "host name other instances use to reach this one (Kafka Streams application.server)",
            SettingForm.nonBlank("a host name"));
    public static final Setting<String> APPLICATION_ID = new Setting<>("application.id", "COMPLAINTS_APPLICATION_ID",
            "complaints-kpi", "Kafka Streams application id: consumer group and prefix of internal topics",
            SettingForm.nonBlank("a Kafka Streams application id"));
    public static final Setting<String> DEFAULT_AUTHORITY = new Setting<>("authority.default",
            "COMPLAINTS_DEFAULT_AUTHORITY", "LOCAL", "authority given to events that carry none",
            SettingForm.nonBlank("an authority code")).changingFigures();
    public static final Setting<Map<String, String>> AUTHORITY_NAMES = new Setting<>("authority.names",
            "COMPLAINTS_AUTHORITY_NAMES", "",
            "names of authorities the authorities reference data does not hold (report titles, lists): code=name"
                    + " pairs separated by ';'", SettingForm.names());
    public static final Setting<Set<LocalDate>> EXTRA_CLOSURES = new Setting<>("calendar.extra-closures",
            "COMPLAINTS_EXTRA_CLOSURES", "",
            "extra non-working days, comma-separated ISO dates (council closures, new one-off holidays)",
            SettingForm.dates()).changingFigures();
    public static final Setting<Set<LocalDate>> EXTRA_WORKING_DAYS = new Setting<>("calendar.extra-working-days",
            "COMPLAINTS_EXTRA_WORKING_DAYS", "",
            "working days despite the bank-holiday rules, comma-separated ISO dates (a holiday moved away)",
            SettingForm.dates()).changingFigures();
    public static final Setting<Stage2ClockStart> STAGE2_CLOCK_START = new Setting<>("rules.stage2-clock-start",
            "COMPLAINTS_STAGE2_CLOCK_START", "STATEMENT_AGREED",
            "stage 2 clock start: STATEMENT_AGREED (falling back to the request) or REQUEST",
            SettingForm.stage2ClockStart()).changingFigures();
    public static final Setting<Integer> AT_RISK_WORKING_DAYS = new Setting<>("alerts.at-risk-working-days",
            "COMPLAINTS_AT_RISK_WORKING_DAYS", "2", "AT_RISK is raised this many working days before a deadline",
            SettingForm.wholeNumber(0, 20)).changingFigures();
    public static final Setting<Integer> ADULTS_RESPONSE_MONTHS = new Setting<>("rules.adults-response-months",
            "COMPLAINTS_ADULTS_RESPONSE_MONTHS", "6", "adult social care response period while no date is agreed",
            SettingForm.wholeNumber(1, 24)).changingFigures();
    public static final Setting<String> CORPORATE_TIMESCALES = new Setting<>("rules.corporate-timescales",
            "COMPLAINTS_CORPORATE_TIMESCALES", "",
            "councils' own corporate timescales where they differ from the Complaint Handling Code's",
            SettingForm.corporateTimescales()).changingFigures();
    public static final Setting<Duration> ALERT_SCAN_INTERVAL = new Setting<>("alerts.scan-interval",
            "COMPLAINTS_ALERT_SCAN_INTERVAL", "PT1M",
            "how often the wall-clock deadline scan runs (30s, 5m, 1h or ISO-8601 like PT1M)", SettingForm.duration());
    public static final Setting<Duration> ALERT_SETTLE_TIME = new Setting<>("alerts.settle-time",
            "COMPLAINTS_ALERT_SETTLE_TIME", "PT5M", "an alert already due when an event from before today scheduled it"
            + " waits until no such event has arrived for this long (a load of history settles first)",
            SettingForm.duration());
    public static final Setting<Duration> ALERTS_RETENTION = new Setting<>("alerts.retention",
            "COMPLAINTS_ALERTS_RETENTION", "400d", "how long complaint-alerts keeps an alert (it names a complaint):"
            + " retention.ms of the topic, set at every start", SettingForm.duration());
    public static final Setting<Boolean> PUBLIC_BY_DEFAULT = new Setting<>("disclosure.public-by-default",
            "COMPLAINTS_PUBLIC_BY_DEFAULT", "false",
            "apply small-number suppression to every output unless ?public=false is asked", SettingForm.bool());
    public static final Setting<Integer> BENCHMARK_MIN_GROUP = new Setting<>("benchmark.min-group-size",
            "COMPLAINTS_BENCHMARK_MIN_GROUP_SIZE", "5", "fewest authorities with a value a council type or region"
            + " needs before its median, quartiles and mean are shown beside an authority's rate",
            SettingForm.wholeNumber(2, 1000));
    public static final Setting<Integer> STREAM_THREADS = new Setting<>("streams.threads", "COMPLAINTS_STREAM_THREADS",
            "1", "Kafka Streams threads", SettingForm.wholeNumber(1, 64));
    public static final Setting<Integer> STANDBY_REPLICAS = new Setting<>("streams.standby-replicas",
            "COMPLAINTS_STANDBY_REPLICAS", "0",
            "warm copies of each store on other instances, for fast fail-over (set 1 when running several)",
            SettingForm.wholeNumber(0, 10));
    public static final Setting<Integer> INTERNAL_REPLICATION_FACTOR = new Setting<>("streams.replication-factor",
            "COMPLAINTS_INTERNAL_REPLICATION_FACTOR", "-1",
            "replication factor of changelog and repartition topics (-1: the broker's default)",
            SettingForm.replicationFactor());
    public static final Setting<Duration> COMMIT_INTERVAL = new Setting<>("streams.commit-interval",
            "COMPLAINTS_COMMIT_INTERVAL", "100ms", "how often Kafka Streams commits (exactly-once): the least delay"
            + " before an event shows in the figures, and how many events share each commit's fixed cost in a replay",
            SettingForm.duration());
    public static final Setting<Integer> ROCKSDB_MEMORY_MB = new Setting<>("streams.rocksdb-memory-mb",
            "COMPLAINTS_ROCKSDB_MEMORY_MB", "64", "off-heap memory all RocksDB stores of the instance share: block"
            + " cache, index and filter blocks, and memtables (at most half)", SettingForm.wholeNumber(1, 1_048_576));

    /** Every setting, in the order docs/configuration.md lists them. */
    public static final List<Setting<?>> SETTINGS = Stream.concat(Stream.of(BOOTSTRAP_SERVERS, EMBEDDED_SASL, DATA_DIR,
            HTTP_HOST, HTTP_PORT, INGEST_MAX_BYTES, INGEST_MAX_EVENTS,
            ADVERTISED_HOST, APPLICATION_ID, DEFAULT_AUTHORITY, AUTHORITY_NAMES, EXTRA_CLOSURES,
            EXTRA_WORKING_DAYS, STAGE2_CLOCK_START, AT_RISK_WORKING_DAYS, ADULTS_RESPONSE_MONTHS, CORPORATE_TIMESCALES,
            ALERT_SCAN_INTERVAL, ALERT_SETTLE_TIME, ALERTS_RETENTION, PUBLIC_BY_DEFAULT, BENCHMARK_MIN_GROUP, STREAM_THREADS, STANDBY_REPLICAS,
            INTERNAL_REPLICATION_FACTOR, COMMIT_INTERVAL, ROCKSDB_MEMORY_MB), Stream.concat(Security.SETTINGS.stream(),
            Tls.SETTINGS.stream())).toList();

    private static final Map<String, Setting<?>> BY_KEY = SETTINGS.stream()
            .collect(Collectors.toMap(Setting::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));

    private final Map<Setting<?>, Object> values;
    private final RuleSettings rules;
    private final Security security;

    private ServiceConfig(Map<Setting<?>, Object> values, RuleSettings rules, Security security) {
        this.values = Map.copyOf(values);
        this.rules = rules;
        this.security = security;
    }

    /** A setting's value, of its declared type. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting); // every value was read by setting.form(), so it is a T
    }

    /** This configuration with one setting changed (the broker's address, a chosen port). */
    public <T> ServiceConfig with(Setting<T> setting, T value) {
        if (RuleSettings.SETTINGS.contains(setting) || Security.SETTINGS.contains(setting)) {
            throw new IllegalArgumentException(setting.key() + " is read into rules() or security() once, at load");
        }
        Map<Setting<?>, Object> changed = new HashMap<>(values);
        changed.put(setting, value);
        return new ServiceConfig(changed, rules, security);
    }

    /**
     * This configuration with the cluster reached: its address, and what its listeners want of every Kafka client
     * besides (the embedded broker's SASL login), on top of the configured client settings.
     */
    public ServiceConfig reaching(String bootstrapServers, Map<String, String> clientSettings) {
        ServiceConfig reached = with(BOOTSTRAP_SERVERS, bootstrapServers);
        return new ServiceConfig(reached.values, rules, security.withKafkaClient(clientSettings));
    }

    public RuleSettings rules() {
        return rules;
    }

    public Security security() {
        return security;
    }

    /** HTTPS for the API and between instances. */
    public Tls tls() {
        return Tls.load(this);
    }

    public String bootstrapServers() {
        return get(BOOTSTRAP_SERVERS);
    }

    public Path dataDir() {
        return get(DATA_DIR);
    }

    public String httpHost() {
        return get(HTTP_HOST);
    }

    public int httpPort() {
        return get(HTTP_PORT);
    }

    public String advertisedHost() {
        return get(ADVERTISED_HOST);
    }

    public String applicationId() {
        return get(APPLICATION_ID);
    }

    public String defaultAuthority() {
        return get(DEFAULT_AUTHORITY);
    }

    public Duration alertScanInterval() {
        return get(ALERT_SCAN_INTERVAL);
    }

    public Duration alertsRetention() {
        return get(ALERTS_RETENTION);
    }

    public boolean publicByDefault() {
        return get(PUBLIC_BY_DEFAULT);
    }

    public int benchmarkMinimumGroup() {
        return get(BENCHMARK_MIN_GROUP);
    }

    public int streamThreads() {
        return get(STREAM_THREADS);
    }

    public int standbyReplicas() {
        return get(STANDBY_REPLICAS);
    }

    public int internalReplicationFactor() {
        return get(INTERNAL_REPLICATION_FACTOR);
    }

    public Duration commitInterval() {
        return get(COMMIT_INTERVAL);
    }

    public int rocksDbMemoryMb() {
        return get(ROCKSDB_MEMORY_MB);
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
        return embeddedBrokerDir(dataDir());
    }

    public Path streamsStateDir() {
        return streamsStateDir(dataDir());
    }

    /** Where the annual report's commentary is kept, beside the data (report.CommentaryFolder). */
    public Path commentaryDir() {
        return dataDir().resolve("commentary");
    }

    public boolean embeddedBroker() {
        return bootstrapServers().isBlank();
    }

    /**
     * {@code <ENV>_FILE} names a file holding a setting's value (a Docker or Kubernetes secret), so a secret
     * need be neither on the command line ({@code ps}, shell history) nor in the environment.
     */
    public static final String FILE_SUFFIX = "_FILE";

    /** The file's content without its trailing line end; null (with an error) when it cannot be read. */
    private static String readSecretFile(String file, String source, List<String> errors) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException | RuntimeException e) {
            errors.add("cannot read " + source + " (" + file + "): " + e.getClass().getSimpleName());
            return "";
        }
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
        unknownVariables(env.keySet(), errors);
        Map<Setting<?>, Object> values = new HashMap<>();
        for (Setting<?> s : SETTINGS) {
            String source = "a command-line flag";
            String value = overrides.get(s.key());
            if (value == null) {
                value = env.get(s.env());
                source = "environment variable " + s.env();
            }
            if (value == null && env.containsKey(s.env() + FILE_SUFFIX)) {
                source = "the file named by " + s.env() + FILE_SUFFIX;
                value = readSecretFile(env.get(s.env() + FILE_SUFFIX), source, errors);
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
                values.put(s, s.form().parse(value.trim()));
            } catch (IllegalArgumentException e) {
                errors.add("setting " + s.key() + " = '" + value.trim() + "' (from " + source + ") must be "
                        + s.form().expected());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSettings(errors);
        }
        ServiceConfig read = new ServiceConfig(values, null, null);
        RuleSettings rules = RuleSettings.of(read);
        try {
            rules.calendar(); // an extra working day that is a weekend or also a closure stops startup
        } catch (IllegalArgumentException e) {
            throw new InvalidSettings(List.of("settings calendar.extra-working-days and calendar.extra-closures: "
                    + e.getMessage()));
        }
        return new ServiceConfig(values, rules, Security.load(read, file, overrides));
    }

    private static void unknownKeys(Set<String> keys, String source, List<String> errors) {
        keys.stream().filter(key -> !BY_KEY.containsKey(key) && !key.startsWith(Security.KAFKA_CLIENT_PREFIX)).sorted()
                .forEach(key -> errors.add("unknown setting '" + key + "' (from " + source + ")"
                        + nearest(key).map(known -> "; did you mean '" + known + "'?").orElse(".")
                        + " See docs/configuration.md"));
    }

    /**
     * Environment variables of the service's own prefix that name no setting: a misspelt one would otherwise be
     * ignored while its setting silently keeps its default. Other variables are not ours to check.
     */
    private static void unknownVariables(Set<String> names, List<String> errors) {
        // A setting's variable, or the same with _FILE naming a file that holds its value.
        Set<String> known = SETTINGS.stream().flatMap(s -> Stream.of(s.env(), s.env() + FILE_SUFFIX))
                .collect(Collectors.toSet());
        known.addAll(OTHER_VARIABLES);
        names.stream().filter(name -> name.startsWith(ENV_PREFIX) && !known.contains(name)).sorted()
                .forEach(name -> errors.add("unknown environment variable " + name + nearest(name, known)
                        .map(near -> "; did you mean " + near + settingOf(near) + "?").orElse(".")
                        + " See docs/configuration.md"));
    }

    private static String settingOf(String env) {
        return SETTINGS.stream().filter(s -> s.env().equals(env)).findFirst().map(s -> " (" + s.key() + ")")
                .orElse("");
    }

    /** The prefix of the service's own environment variables, every one of which must be known. */
    static final String ENV_PREFIX = "COMPLAINTS_";
    /** Variables of the prefix that are not settings: the report client's token, the compose file's command. */
    static final Set<String> OTHER_VARIABLES = Set.of("COMPLAINTS_API_TOKEN", "COMPLAINTS_COMMAND");

    static Optional<String> nearest(String key) {
        return nearest(key, BY_KEY.keySet());
    }

    /**
     * The known word fewest single-character edits away, if it is close enough to be a misspelling (at most a third
     * of the word's characters, and at least 2, edited): suggesting a far-off one would only mislead.
     */
    public static Optional<String> nearest(String word, Collection<String> known) {
        int tolerance = Math.max(2, word.length() / 3);
        return known.stream().min(Comparator.comparingInt((String k) -> editDistance(word, k))
                .thenComparing(Function.identity())).filter(near -> editDistance(word, near) <= tolerance);
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

    /** What every Kafka client of the service is given: the cluster and the pass-through settings. */
    public Map<String, Object> kafkaClientProperties() {
        Map<String, Object> props = new LinkedHashMap<>(security.kafkaClient());
        props.put("bootstrap.servers", bootstrapServers());
        return props;
    }

    /** The authority's display name, or its code when none is configured. */
    public String authorityName(String authority) {
        return get(AUTHORITY_NAMES).getOrDefault(authority, authority);
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
