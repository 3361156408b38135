package io.complaintskpi.config;

import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.rules.Stage2ClockStart;
import io.complaintskpi.rules.Timescales;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form a setting's value must take: what a person is told ({@code expected}) and how the text is read.
 * A parser throws {@link IllegalArgumentException} for text not of the form; the caller names the setting.
 */
public record SettingForm<T>(String expected, Function<String, T> parser) {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    public T parse(String text) {
        return parser.apply(text);
    }

    public static SettingForm<String> text() {
        return new SettingForm<>("any text", s -> s);
    }

    public static SettingForm<String> nonBlank(String expected) {
        return new SettingForm<>(expected, s -> {
            if (s.isBlank()) {
                throw new IllegalArgumentException("blank");
            }
            return s;
        });
    }

    /** Entries separated by ';', each [authority:]stage1-response=20,... (see Timescales#withCorporate). */
    public static SettingForm<String> corporateTimescales() {
        return new SettingForm<>("entries separated by ';', each [authority:]key=N,... with keys stage1-ack,"
                + " stage1-response, stage1-extension, stage2-ack, stage2-response, stage2-extension (1 to 65)", s -> {
                    Timescales.statutory().withCorporate(s);
                    return s;
                });
    }

    public static SettingForm<Path> path() {
        return new SettingForm<>("a folder path", s -> {
            if (s.isBlank()) {
                throw new IllegalArgumentException("blank");
            }
            try {
                return Path.of(s);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("not a path", e);
            }
        });
    }

    /** A whole number from {@code min} to {@code max}. */
    public static SettingForm<Integer> wholeNumber(int min, int max) {
        String expected = max == Integer.MAX_VALUE ? "a whole number of at least " + min
                : "a whole number from " + min + " to " + max;
        return new SettingForm<>(expected, s -> {
            int n;
            try {
                n = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a whole number");
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException("out of range");
            }
            return n;
        });
    }

    /** {@code -1} (the broker's default) or a whole number of at least 1. */
    public static SettingForm<Integer> replicationFactor() {
        SettingForm<Integer> positive = wholeNumber(-1, Short.MAX_VALUE);
        return new SettingForm<>("-1 (the broker's default) or a whole number of at least 1", s -> {
            int n = positive.parse(s);
            if (n == 0) {
                throw new IllegalArgumentException("zero");
            }
            return n;
        });
    }

    /** Exactly {@code true} or {@code false}: "yes" or "1" would be a guess. */
    public static SettingForm<Boolean> bool() {
        return new SettingForm<>("true or false", s -> switch (s) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        });
    }

    /** A positive duration: {@code 30s}, {@code 5m}, {@code 2h}, {@code 500ms}, {@code 1d}, or ISO-8601 {@code PT1M}. */
    public static SettingForm<Duration> duration() {
        return new SettingForm<>("a positive duration like 30s, 5m, 2h or PT1M", s -> {
            Duration d = readDuration(s);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("not positive");
            }
            return d;
        });
    }

    /**
     * A duration as every setting and command option takes it: {@code 500ms}, {@code 30s}, {@code 5m},
     * {@code 2h}, {@code 1d} or ISO-8601 ({@code PT1M}); {@code 0} is zero.
     *
     * @throws IllegalArgumentException when it is none of those
     */
    public static Duration readDuration(String s) {
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SHORT_DURATION.matcher(s.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration");
        }
    }

    /** Calendar days, as extra closures and extra working days are given. */
    public static SettingForm<Set<LocalDate>> dates() {
        return new SettingForm<>("comma-separated ISO dates like 2016-12-28,2016-12-29",
                WorkingDayCalendar::parseClosures);
    }

    public static SettingForm<Stage2ClockStart> stage2ClockStart() {
        return new SettingForm<>("STATEMENT_AGREED or REQUEST", Stage2ClockStart::parse);
    }

    /** {@code code=name} pairs separated by {@code ;}. */
    public static SettingForm<Map<String, String>> names() {
        return new SettingForm<>("code=name pairs separated by ';', like E10000018=Leicestershire County Council", s -> {
            Map<String, String> names = new LinkedHashMap<>();
            for (String pair : s.split(";")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw new IllegalArgumentException("not code=name");
                }
                names.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
            return Map.copyOf(names);
        });
    }
}
