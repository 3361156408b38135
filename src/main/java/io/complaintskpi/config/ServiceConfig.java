package io.complaintskpi.config;

import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.rules.Stage2ClockStart;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Every setting of the service. Each is read from, in order of precedence: a command-line flag, the
 * environment variable, a properties file, the default. {@link #SETTINGS} is the documented list.
 */
public record ServiceConfig(String bootstrapServers, Path dataDir, String httpHost, int httpPort, String advertisedHost,
                            String applicationId, String defaultAuthority, Map<String, String> authorityNames,
                            Set<LocalDate> extraClosures, Set<LocalDate> extraWorkingDays,
                            Stage2ClockStart stage2ClockStart, int atRiskWorkingDays, int adultsResponseMonths,
                            Duration alertScanInterval, boolean publicByDefault, int streamThreads,
                            int standbyReplicas, int internalReplicationFactor, int rocksDbMemoryMb) {

    /** One documented setting: its property key, environment variable, default and meaning. */
    public record Setting(String key, String env, String defaultValue, String description) {
    }

    public static final List<Setting> SETTINGS = List.of(
            new Setting("kafka.bootstrap-servers", "KAFKA_BOOTSTRAP_SERVERS", "",
                    "Kafka cluster to use; empty starts the embedded single-node KRaft broker"),
            new Setting("data.dir", "COMPLAINTS_DATA_DIR", "./data",
                    "embedded broker logs (data.dir/kafka) and Kafka Streams state (data.dir/streams)"),
            new Setting("http.host", "COMPLAINTS_HTTP_HOST", "0.0.0.0", "address the HTTP API binds to"),
            new Setting("http.port", "COMPLAINTS_HTTP_PORT", "7070", "port of the HTTP API and /metrics (0: any free port)"),
            new Setting("http.advertised-host", "COMPLAINTS_ADVERTISED_HOST", "localhost",
                    "host name other instances use to reach this one (Kafka Streams application.server)"),
            new Setting("application.id", "COMPLAINTS_APPLICATION_ID", "complaints-kpi",
                    "Kafka Streams application id: consumer group and prefix of internal topics"),
            new Setting("authority.default", "COMPLAINTS_DEFAULT_AUTHORITY", "LOCAL",
                    "authority given to events that carry none"),
            new Setting("authority.names", "COMPLAINTS_AUTHORITY_NAMES", "",
                    "display names of authorities for report titles: code=name pairs separated by ';'"),
            new Setting("calendar.extra-closures", "COMPLAINTS_EXTRA_CLOSURES", "",
                    "extra non-working days, comma-separated ISO dates (council closures, new one-off holidays)"),
            new Setting("calendar.extra-working-days", "COMPLAINTS_EXTRA_WORKING_DAYS", "",
                    "working days despite the bank-holiday rules, comma-separated ISO dates (a holiday moved away)"),
            new Setting("rules.stage2-clock-start", "COMPLAINTS_STAGE2_CLOCK_START", "STATEMENT_AGREED",
                    "stage 2 clock start: STATEMENT_AGREED (falling back to the request) or REQUEST"),
            new Setting("alerts.at-risk-working-days", "COMPLAINTS_AT_RISK_WORKING_DAYS", "2",
                    "AT_RISK is raised this many working days before a deadline"),
            new Setting("rules.adults-response-months", "COMPLAINTS_ADULTS_RESPONSE_MONTHS", "6",
                    "adult social care response period while no date is agreed"),
            new Setting("alerts.scan-interval", "COMPLAINTS_ALERT_SCAN_INTERVAL", "PT1M",
                    "how often the wall-clock deadline scan runs (ISO-8601 duration)"),
            new Setting("disclosure.public-by-default", "COMPLAINTS_PUBLIC_BY_DEFAULT", "false",
                    "apply small-number suppression to every output unless ?public=false is asked"),
            new Setting("streams.threads", "COMPLAINTS_STREAM_THREADS", "1", "Kafka Streams threads"),
            new Setting("streams.standby-replicas", "COMPLAINTS_STANDBY_REPLICAS", "0",
                    "warm copies of each store on other instances, for fast fail-over"),
            new Setting("streams.replication-factor", "COMPLAINTS_INTERNAL_REPLICATION_FACTOR", "-1",
                    "replication factor of changelog and repartition topics (-1: the broker's default)"),
            new Setting("streams.rocksdb-memory-mb", "COMPLAINTS_ROCKSDB_MEMORY_MB", "64",
                    "off-heap memory all RocksDB stores of the instance share: block cache, index and filter blocks,"
                            + " and memtables (at most half)"));

    public boolean embeddedBroker() {
        return bootstrapServers.isBlank();
    }

    public WorkingDayCalendar calendar() {
        return WorkingDayCalendar.englandAndWales(extraClosures, extraWorkingDays);
    }

    public static ServiceConfig defaults() {
        return load(Map.of(), new Properties(), Map.of());
    }

    /** Resolves every setting; {@code overrides} are command-line flags keyed by property key. */
    public static ServiceConfig load(Map<String, String> env, Properties file, Map<String, String> overrides) {
        Map<String, String> v = new LinkedHashMap<>();
        for (Setting s : SETTINGS) {
            String value = overrides.get(s.key());
            if (value == null) {
                value = env.get(s.env());
            }
            if (value == null) {
                value = file.getProperty(s.key());
            }
            v.put(s.key(), value == null ? s.defaultValue() : value.trim());
        }
        try {
            ServiceConfig config = new ServiceConfig(
                    v.get("kafka.bootstrap-servers"),
                    Path.of(v.get("data.dir")),
                    v.get("http.host"),
                    positive(v, "http.port"),
                    v.get("http.advertised-host"),
                    v.get("application.id"),
                    v.get("authority.default"),
                    names(v.get("authority.names")),
                    WorkingDayCalendar.parseClosures(v.get("calendar.extra-closures")),
                    WorkingDayCalendar.parseWorkingDays(v.get("calendar.extra-working-days")),
                    Stage2ClockStart.parse(v.get("rules.stage2-clock-start")),
                    positive(v, "alerts.at-risk-working-days"),
                    positive(v, "rules.adults-response-months"),
                    Duration.parse(v.get("alerts.scan-interval")),
                    Boolean.parseBoolean(v.get("disclosure.public-by-default")),
                    positive(v, "streams.threads"),
                    positive(v, "streams.standby-replicas"),
                    Integer.parseInt(v.get("streams.replication-factor")),
                    atLeastOne(v, "streams.rocksdb-memory-mb"));
            config.calendar(); // an extra working day that is a weekend or also a closure stops startup
            return config;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid configuration: " + e.getMessage(), e);
        }
    }

    public ServiceConfig withBootstrapServers(String servers) {
        return new ServiceConfig(servers, dataDir, httpHost, httpPort, advertisedHost, applicationId,
                defaultAuthority, authorityNames, extraClosures, extraWorkingDays, stage2ClockStart, atRiskWorkingDays,
                adultsResponseMonths, alertScanInterval, publicByDefault, streamThreads, standbyReplicas,
                internalReplicationFactor, rocksDbMemoryMb);
    }

    public ServiceConfig withHttpPort(int port) {
        return new ServiceConfig(bootstrapServers, dataDir, httpHost, port, advertisedHost, applicationId,
                defaultAuthority, authorityNames, extraClosures, extraWorkingDays, stage2ClockStart, atRiskWorkingDays,
                adultsResponseMonths, alertScanInterval, publicByDefault, streamThreads, standbyReplicas,
                internalReplicationFactor, rocksDbMemoryMb);
    }

    /** The authority's display name, or its code when none is configured. */
    public String authorityName(String authority) {
        return authorityNames.getOrDefault(authority, authority);
    }

    private static Map<String, String> names(String pairs) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String pair : pairs.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("authority.names wants code=name pairs separated by ';', got '"
                        + pair.trim() + "'");
            }
            names.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return Map.copyOf(names);
    }

    private static int atLeastOne(Map<String, String> v, String key) {
        int n = positive(v, key);
        if (n < 1) {
            throw new IllegalArgumentException(key + " must be at least 1: " + n);
        }
        return n;
    }

    private static int positive(Map<String, String> v, String key) {
        int n;
        try {
            n = Integer.parseInt(v.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v.get(key) + "'");
        }
        if (n < 0) {
            throw new IllegalArgumentException(key + " must not be negative: " + n);
        }
        return n;
    }
}
