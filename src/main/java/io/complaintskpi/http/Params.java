package io.complaintskpi.http;

import io.complaintskpi.disclosure.PublicSnapshot;
import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The query parameters of one request to one {@link ApiRoute}. A parameter the route does not declare, two
 * that contradict each other, or a value that names nothing is a {@link BadRequest} naming the parameter as
 * the caller gave it and what the route accepts (so is a parameter given twice); an authority the service has never
 * seen is a 404.
 */
final class Params {

    private static final String AUTHORITY = Param.AUTHORITY.name();
    private static final String REGIME = Param.REGIME.name();
    private static final String SERVICE_AREA = Param.SERVICE_AREA.name();
    private static final String PUBLIC = Param.PUBLIC.name();
    /** The ways to give a period: exactly one of them. */
    private static final List<String> PERIOD = Param.PERIOD.stream().map(Param::name).toList();

    private final Context ctx;
    private final ApiRoute route;
    private final ApiServer.ApiDependencies deps;

    Params(Context ctx, ApiRoute route, ApiServer.ApiDependencies deps) {
        this.ctx = ctx;
        this.route = route;
        this.deps = deps;
        Set<String> unknown = new TreeSet<>(ctx.queryParamMap().keySet());
        unknown.removeAll(route.queryParams());
        unknown.remove(""); // "?&year=..." names no parameter
        if (!unknown.isEmpty()) {
            throw new BadRequest(unknown.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "))
                    + (unknown.size() == 1 ? " is not a parameter" : " are not parameters") + " of " + route.path()
                    + "; it takes " + (route.queryParams().isEmpty() ? "none" : String.join(", ", route.queryParams())));
        }
        // A repeated parameter is two answers to one question: refused rather than quietly taking the first.
        Set<String> repeated = ctx.queryParamMap().entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> "'" + e.getKey() + "'").collect(Collectors.toCollection(TreeSet::new));
        if (!repeated.isEmpty()) {
            throw new BadRequest(String.join(", ", repeated) + (repeated.size() == 1 ? " is" : " are")
                    + " given more than once; give each parameter once");
        }
        if (route.publication().kind() == ApiRoute.Publication.Kind.REFUSES && publicOutput()) {
            throw new BadRequest(route.path() + " has no public form: " + route.publication().refusal()
                    + (optional(PUBLIC).isPresent() ? "" : " (disclosure.public-by-default is true)")
                    + "; ask with public=false");
        }
    }

    LocalDate today() {
        return deps.today();
    }

    /**
     * The authority asked for, which the service must hold data for and the token must be scoped to (else 403,
     * before anything tells whether it exists). Default: the configured one, or for a token scoped elsewhere the
     * first of its authorities.
     */
    String authority() {
        TokenScope scope = TokenScope.of(ctx);
        String configured = deps.config().defaultAuthority();
        return known(inScope(optional(AUTHORITY).orElse(scope.allows(configured) ? configured
                : scope.authorities().first())));
    }

    /**
     * An authority to filter a list by: the one asked for (held and in the token's scope), else for a token
     * scoped to one authority that one; a token scoped to several must name one (400).
     */
    Optional<String> authorityFilter() {
        Optional<String> asked = optional(AUTHORITY).map(a -> known(inScope(a)));
        TokenScope scope = TokenScope.of(ctx);
        if (asked.isPresent() || scope.every()) {
            return asked;
        }
        if (scope.authorities().size() > 1) {
            throw new BadRequest("this token is scoped to authorities " + String.join(", ", scope.authorities())
                    + "; name one with '" + AUTHORITY + "'");
        }
        return Optional.of(scope.authorities().first());
    }

    /** Whether the request's token may see {@code authority}'s data. */
    boolean visible(String authority) {
        return TokenScope.of(ctx).allows(authority);
    }

    /**
     * One complaint's view, read by {@code read} for the path's {@code id}; 404 when there is none or when the token
     * may not see the complaint's authority (as if it did not exist, so a reference reveals nothing).
     */
    <T> T complaintOr404(Function<String, Optional<T>> read, Function<T, String> authority) {
        String id = ctx.pathParam("id");
        String missing = "no complaint with reference '" + id + "'";
        T found = read.apply(id).orElseThrow(() -> new ApiServer.NotFound(missing));
        if (!visible(authority.apply(found))) {
            throw new ApiServer.NotFound(missing);
        }
        return found;
    }

    private String inScope(String authority) {
        TokenScope scope = TokenScope.of(ctx);
        if (!scope.allows(authority)) {
            throw new ApiServer.Forbidden("this token is scoped to authorities "
                    + String.join(", ", scope.authorities()) + ", not '" + authority + "'");
        }
        return authority;
    }

    /**
     * The service area asked for, which must be one the service holds complaints for (the service areas of
     * the complaints received, all authorities and regimes): a filter naming none would answer an empty list.
     */
    Optional<String> serviceAreaFilter() {
        return optional(SERVICE_AREA).map(area -> {
            var catalogue = KpiRoutes.catalogue(deps);
            Set<String> known = new TreeSet<>();
            for (String authority : ApiServer.ready(deps).series().authorities()) {
                if (visible(authority)) {
                    known.addAll(catalogue.serviceAreas(authority, deps.today()));
                }
            }
            if (!known.contains(area)) {
                throw new BadRequest("'" + SERVICE_AREA + "' " + area + " names no service area; "
                        + (known.isEmpty() ? "the service holds no complaints yet" : "service areas with complaints: "
                        + String.join(", ", known)));
            }
            return area;
        });
    }

    private String known(String authority) {
        if (!ApiServer.ready(deps).series().holds(authority)) {
            Set<String> known = ApiServer.ready(deps).series().authorities().stream().filter(this::visible)
                    .collect(Collectors.toCollection(TreeSet::new));
            throw new ApiServer.NotFound("no data for authority '" + authority + "'; "
                    + (known.isEmpty() ? "the service holds no data yet" : "authorities with data: "
                    + String.join(", ", known)));
        }
        return authority;
    }

    Regime regime() {
        return optional(REGIME).map(v -> regimeNamed(v, "children, adults or corporate")).orElse(Regime.CHILDREN);
    }

    /**
     * The procedures asked for, if any: one, several comma-separated (as Grafana sends a multi-value variable)
     * or {@code all}.
     */
    Optional<Set<Regime>> regimes() {
        return optional(REGIME).map(v -> {
            if (v.equalsIgnoreCase(Param.ALL_REGIMES)) {
                return EnumSet.allOf(Regime.class);
            }
            EnumSet<Regime> asked = EnumSet.noneOf(Regime.class);
            for (String one : v.split(",", -1)) {
                asked.add(regimeNamed(one, "children, adults or corporate, several comma-separated, or all"));
            }
            return asked;
        });
    }

    private Regime regimeNamed(String value, String accepted) {
        return Arrays.stream(Regime.values()).filter(r -> r.name().equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> invalid(REGIME, optional(REGIME).orElse(value), accepted));
    }

    /**
     * {@code period=2015/16|2015-16|2015/16-Q2|2015-06|last-30d}, {@code year=2015/16|2015-16}, or
     * {@code from}/{@code to}: exactly one way.
     */
    Period period() {
        List<String> given = PERIOD.stream().filter(p -> optional(p).isPresent()).toList();
        boolean range = given.contains("from") || given.contains("to");
        if (given.size() > (range ? 2 : 1) || range && given.size() > 1 && !given.containsAll(List.of("from", "to"))) {
            throw new BadRequest(given.stream().map(p -> "'" + p + "'").collect(Collectors.joining(" and "))
                    + " each give a period; give one: period=2015/16 (or a quarter, month, last-30d), year=2015/16,"
                    + " or from and to");
        }
        if (range) {
            LocalDate start = date("from", optional("from").orElseThrow(() -> new BadRequest("'to' needs 'from'")));
            LocalDate end = date("to", optional("to").orElseThrow(() -> new BadRequest("'from' needs 'to'")));
            if (end.isBefore(start)) {
                throw new BadRequest("'to' (" + end + ") is before 'from' (" + start + ")");
            }
            // Every request's work is bounded: a span of centuries in days once ran the heap out. Figures read
            // whole years and months from the roll-ups, so a century is cheap; series bound their buckets too.
            long days = java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1;
            if (days > Param.MAX_SPAN_DAYS) {
                throw new BadRequest("'from' to 'to' spans " + days + " days; a request covers at most "
                        + Param.MAX_SPAN_DAYS + " days (a century): ask for less");
            }
            return new Period(start, end, start + " to " + end, Period.Kind.ROLLING_DAYS);
        }
        if (given.isEmpty()) {
            throw new BadRequest("give period (e.g. 2015/16, 2015/16-Q2, 2015-06, last-30d), year, or from and to");
        }
        if (given.get(0).equals("year")) {
            return Period.financialYear(year().orElseThrow());
        }
        String text = optional("period").orElseThrow();
        try {
            return Period.parse(text, today());
        } catch (IllegalArgumentException e) {
            throw new BadRequest("'period': " + e.getMessage());
        }
    }

    /** {@code year=2015/16} or {@code 2015-16}, if given. */
    Optional<FinancialYear> year() {
        return optional("year").map(v -> {
            try {
                return FinancialYear.parse(v);
            } catch (IllegalArgumentException e) {
                throw new BadRequest("'year' " + e.getMessage());
            }
        });
    }

    /**
     * Public figures are whole financial years: with any other period a reader could subtract one answer
     * from an overlapping one and recover a suppressed count.
     */
    Period publishable(Period period) {
        if (!publicOutput()) {
            return period;
        }
        if (period.kind() != Period.Kind.FINANCIAL_YEAR) {
            throw new BadRequest("public figures are given for whole financial years only (year=2015/16): "
                    + "overlapping periods would let a reader subtract one from another and recover a suppressed"
                    + " count; got " + period.label());
        }
        publishable(FinancialYear.of(period.from()));
        return period;
    }

    /** A year public output may show: a closed one ({@link PublicSnapshot}). */
    FinancialYear publishable(FinancialYear year) {
        String refusal = publicOutput() ? PublicSnapshot.refusal(year, today()) : null;
        if (refusal != null) {
            throw new BadRequest(refusal);
        }
        return year;
    }

    /** The year asked for; else this year, or for public output the newest closed one. */
    FinancialYear yearOrDefault() {
        return publishable(year().orElseGet(() -> publicOutput() ? PublicSnapshot.latestClosed(today())
                : FinancialYear.of(today())));
    }

    /**
     * Public output asked for by {@code public=}, else the {@code disclosure.public-by-default} setting; always for
     * a public token ({@link AccessControl}).
     */
    boolean publicOutput() {
        if (AccessControl.publicOnly(ctx)) {
            if (!flag(PUBLIC, true)) {
                throw new AccessControl.Denied(403, "a public token receives disclosure-controlled output only:"
                        + " public=false is refused");
            }
            return true;
        }
        return flag(PUBLIC, deps.config().publicByDefault());
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

    /** A whole number within the limits the route declares for {@code name}. */
    Optional<Integer> optionalInt(String name) {
        Param param = route.param(name);
        int min = param.min();
        int max = param.max();
        return optional(name).map(v -> {
            int n;
            try {
                n = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw invalid(name, v, "a whole number from " + min + " to " + max);
            }
            if (n < min || n > max) {
                throw new BadRequest("'" + name + "' must be from " + min + " to " + max + ", got " + n);
            }
            return n;
        });
    }

    /** One of the values the route declares for {@code name}, else its declared default. */
    String choice(String name) {
        Param param = route.param(name);
        String value = optional(name).orElse(param.defaultValue());
        if (!param.values().contains(value)) {
            List<String> values = param.values();
            throw invalid(name, value, String.join(", ", values.subList(0, values.size() - 1)) + " or "
                    + values.get(values.size() - 1));
        }
        return value;
    }

    /** A parameter the route cannot answer without. */
    String required(String name) {
        return optional(name).orElseThrow(() -> new BadRequest("'" + name + "' is required"));
    }

    /** An enum value by its name in any case, e.g. {@code interval=month}. */
    <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type) {
        return optional(name).map(v -> Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().equalsIgnoreCase(v)).findFirst()
                .orElseThrow(() -> invalid(name, v, "one of " + Arrays.stream(type.getEnumConstants())
                        .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")))));
    }

    /** A declared parameter's value; reading an undeclared one is a bug in the route, not in the request. */
    Optional<String> optional(String name) {
        route.param(name);
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    boolean flag(String name, boolean fallback) {
        return optional(name).map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, v, "true or false");
        }).orElse(fallback);
    }

    static BadRequest invalid(String name, String value, String expected) {
        return new BadRequest("'" + name + "' must be " + expected + ", got '" + value + "'");
    }
}
