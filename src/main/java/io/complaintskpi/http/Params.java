package io.complaintskpi.http;

import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.Period;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Reads query parameters, turning every malformed value into a {@link BadRequest} that names it. */
final class Params {

    private final Context ctx;
    private final LocalDate today;
    private final String defaultAuthority;

    Params(Context ctx, LocalDate today, String defaultAuthority) {
        this.ctx = ctx;
        this.today = today;
        this.defaultAuthority = defaultAuthority;
    }

    String authority() {
        return optional("authority").orElse(defaultAuthority);
    }

    Regime regime() {
        return optional("regime").map(v -> parse("regime", v, s -> Regime.valueOf(s.toUpperCase(Locale.ROOT)),
                "children or adults")).orElse(Regime.CHILDREN);
    }

    /** {@code period=2015/16|2015/16-Q2|2015-06|last-30d}, {@code year=2015/16}, or {@code from}/{@code to}. */
    Period period() {
        Optional<String> from = optional("from");
        Optional<String> to = optional("to");
        if (from.isPresent() || to.isPresent()) {
            LocalDate start = date("from", from.orElseThrow(() -> new BadRequest("'to' needs 'from'")));
            LocalDate end = date("to", to.orElseThrow(() -> new BadRequest("'from' needs 'to'")));
            if (end.isBefore(start)) {
                throw new BadRequest("'to' (" + end + ") is before 'from' (" + start + ")");
            }
            return new Period(start, end, start + " to " + end, Period.Kind.ROLLING_DAYS);
        }
        String text = optional("period").or(() -> optional("year"))
                .orElseThrow(() -> new BadRequest("give period (e.g. 2015/16, 2015/16-Q2, 2015-06, last-30d),"
                        + " year, or from and to"));
        return parse("period", text, t -> Period.parse(t, today), "2015/16, 2015/16-Q2, 2015-06 or last-30d");
    }

    LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest("'" + name + "' must be an ISO date like 2016-03-31, got '" + value + "'");
        }
    }

    Optional<LocalDate> optionalDate(String name) {
        return optional(name).map(v -> date(name, v));
    }

    Optional<Integer> optionalInt(String name, int min, int max) {
        return optional(name).map(v -> {
            int n = parse(name, v, Integer::parseInt, "a whole number");
            if (n < min || n > max) {
                throw new BadRequest("'" + name + "' must be from " + min + " to " + max + ", got " + n);
            }
            return n;
        });
    }

    <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type) {
        return optional(name).map(v -> parse(name, v, s -> Enum.valueOf(type, s.toUpperCase(Locale.ROOT)),
                "one of " + Arrays.toString(type.getEnumConstants())));
    }

    Optional<String> optional(String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    boolean flag(String name, boolean fallback) {
        return optional(name).map(v -> parse(name, v, s -> switch (s) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(s);
        }, "true or false")).orElse(fallback);
    }

    private static <T> T parse(String name, String value, Function<String, T> parser, String expected) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            String detail = e.getMessage() == null || e.getMessage().equals(value) ? "" : " (" + e.getMessage() + ")";
            throw new BadRequest("'" + name + "' must be " + expected + ", got '" + value + "'" + detail);
        }
    }
}
