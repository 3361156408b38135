package io.complaintskpi.http;

import io.complaintskpi.events.Regime;
import io.complaintskpi.figures.Granularity;
import io.complaintskpi.rules.Period;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One parameter of a route as {@link RouteTable} declares it: {@link Params} checks a request against it and
 * the OpenAPI document describes it, so the two cannot disagree.
 *
 * @param values       the accepted values of a {@link Type#CHOICE}, lower case
 * @param defaultValue what the route takes when it is not given; null when there is none or it is a setting
 * @param min          the least {@link Type#INTEGER}; null otherwise
 * @param max          the largest {@link Type#INTEGER}; null otherwise
 */
public record Param(String name, In in, Type type, boolean required, String defaultValue, String description,
                    Integer min, Integer max, List<String> values) {

    /** Where the parameter is given. */
    public enum In { QUERY, PATH }

    public enum Type { STRING, INTEGER, BOOLEAN, DATE, CHOICE }

    public Param {
        values = List.copyOf(values);
    }

    static Param query(String name, String description) {
        return new Param(name, In.QUERY, Type.STRING, false, null, description, null, null, List.of());
    }

    static Param path(String name, String description) {
        return new Param(name, In.PATH, Type.STRING, true, null, description, null, null, List.of());
    }

    Param integer(int least, int most) {
        return new Param(name, in, Type.INTEGER, required, defaultValue, description, least, most, values);
    }

    Param date() {
        return new Param(name, in, Type.DATE, required, defaultValue, description, min, max, values);
    }

    Param bool() {
        return new Param(name, in, Type.BOOLEAN, required, defaultValue, description, min, max, values);
    }

    Param oneOf(String... accepted) {
        return new Param(name, in, Type.CHOICE, required, defaultValue, description, min, max, List.of(accepted));
    }

    /** The constants of {@code type}, in lower case, as the accepted values. */
    Param oneOf(Class<? extends Enum<?>> type) {
        return oneOf(Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                .toArray(String[]::new));
    }

    Param mandatory() {
        return new Param(name, in, type, true, defaultValue, description, min, max, values);
    }

    Param byDefault(Object value) {
        return new Param(name, in, type, required, String.valueOf(value), description, min, max, values);
    }

    /** Longest period a request may name with from and to: every request's work is bounded. */
    static final int MAX_SPAN_DAYS = 36_600;
    /** Most buckets one series answers: ten years of days. */
    static final int MAX_BUCKETS = 3660;

    // The parameters several routes share.
    static final Param AUTHORITY = query("authority", "authority code (default: the authority.default setting);"
            + " one the service holds data for, else 404");
    static final Param REGIME = query("regime", "the complaints procedure").oneOf(Regime.class).byDefault("children");
    /** The value of {@link #REGIMES} that asks for every procedure. */
    static final String ALL_REGIMES = "all";
    static final Param REGIME_FILTER = query("regime", "only these complaints procedures: children, adults or"
            + " corporate, several comma-separated, or all");
    static final Param REGIMES = query("regime", "the KPIs of these complaints procedures, each row with its regime"
            + " and measure (the id without the regime's prefix), so they line up side by side: children, adults or"
            + " corporate, several comma-separated, or all (the three, without the council's figures of no one"
            + " procedure); prefix then matches the measure");
    /** One procedure whose KPIs a route answers with, named by measure (their ids without its prefix). */
    static final Param REGIME_MEASURES = query("regime", "only this complaints procedure's KPIs, named by measure (the"
            + " id without the procedure's prefix): children, adults or corporate").oneOf(Regime.class);
    static final Param SERVICE_AREA = query("serviceArea", "a service area some complaint names, else 400");
    static final Param PUBLIC = query("public", "apply disclosure control (default: the"
            + " disclosure.public-by-default setting)").bool();
    static final Param YEAR = query("year", "financial year, 2015/16 or 2015-16");
    /** The ways to give a period: exactly one of period, year, or from with to. */
    static final List<Param> PERIOD = List.of(
            query("period", "one of the ways to give a period: 2015/16 or 2015-16 (financial year), 2015/16-Q2"
                    + " (quarter), 2015-06 (month), last-30d (the last N days to today)"),
            query("year", "one of the ways to give a period: a financial year, 2015/16 or 2015-16"),
            query("from", "one of the ways to give a period, with to: its first day; from and to span at most "
                    + MAX_SPAN_DAYS + " days, else 400").date(),
            query("to", "the period's last day, with from").date());
    static final Param INTERVAL = query("interval", "bucket size; a series holds at most " + MAX_BUCKETS
            + " buckets, else 400").oneOf(Granularity.class).byDefault("month");
    static final Param STAGE = query("stage", "complaint stage").integer(1, 3);
    static final Param ROLLING = query("rolling", "rates only: each bucket's rate over the N days ending on its"
            + " last day").integer(1, Period.MAX_ROLLING_DAYS);
}
