package io.complaintskpi.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The values of every setting that changes a stored figure, deadline or alert ({@link #KEYS}): stored beside
 * the state they were derived under, so a restart with other values can be told apart from one with the same.
 * One fingerprint covers the whole state: the settings are the same for every authority, and the one that may
 * name authorities ({@code rules.corporate-timescales}) is recorded whole.
 */
public record RulesFingerprint(Map<String, String> settings) {

    private static final String CORPORATE_TIMESCALES = ServiceConfig.CORPORATE_TIMESCALES.key();

    /**
     * The settings whose change makes stored figures wrong: those declared {@code changingFigures()} in
     * {@link ServiceConfig}, the one place that says so (docs/configuration.md marks the same ones).
     */
    public static final List<String> KEYS = ServiceConfig.SETTINGS.stream()
            .filter(ServiceConfig.Setting::changesFigures).map(ServiceConfig.Setting::key).toList();

    public RulesFingerprint {
        settings = new TreeMap<>(settings);
        if (!settings.keySet().equals(new TreeSet<>(KEYS))) {
            throw new IllegalArgumentException("a rules fingerprint holds exactly " + KEYS + ", not " + settings.keySet());
        }
        settings = Collections.unmodifiableMap(settings);
    }

    public static RulesFingerprint of(ServiceConfig config) {
        RuleSettings rules = config.rules();
        return new RulesFingerprint(Map.of(
                "authority.default", config.defaultAuthority(),
                "calendar.extra-closures", dates(rules.extraClosures()),
                "calendar.extra-working-days", dates(rules.extraWorkingDays()),
                "rules.stage2-clock-start", rules.stage2ClockStart().name(),
                "rules.adults-response-months", Integer.toString(rules.adultsResponseMonths()),
                CORPORATE_TIMESCALES, rules.corporateTimescales(),
                "alerts.at-risk-working-days", Integer.toString(rules.atRiskWorkingDays())));
    }

    private static String dates(Collection<LocalDate> dates) {
        return dates.stream().sorted().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    /** {@code key=value} lines in key order: what is stored. */
    public String text() {
        return settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    /** @throws IllegalArgumentException when {@code text} is not what {@link #text()} writes */
    public static RulesFingerprint parse(String text) {
        Map<String, String> settings = new TreeMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("not a key=value line: '" + line + "'");
            }
            settings.put(line.substring(0, eq), line.substring(eq + 1));
        }
        // Recorded before corporate complaints existed: their figures are under the Code's timescales (empty).
        settings.putIfAbsent(CORPORATE_TIMESCALES, "");
        return new RulesFingerprint(settings);
    }

    /** A short hash of the values, for names derived from them (a new application id). */
    public String id() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** One line per setting that differs, {@code key: stored -> this}. */
    public List<String> changesSince(RulesFingerprint stored) {
        List<String> changes = new ArrayList<>();
        settings.forEach((key, value) -> {
            String before = stored.settings.get(key);
            if (!Objects.equals(before, value)) {
                changes.add(key + ": " + shown(before) + " -> " + shown(value));
            }
        });
        return changes;
    }

    private static String shown(String value) {
        return value.isEmpty() ? "(none)" : value;
    }
}
