package io.complaintskpi.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: the dates {@code from} to {@code to}, both inclusive, with a label for people and
 * the kind of period, which decides what {@link #previous()} means.
 */
public record Period(LocalDate from, LocalDate to, String label, Kind kind) {

    /** Longest rolling window {@link #parse} accepts: ten years. */
    public static final int MAX_ROLLING_DAYS = 3660;

    private static final Pattern FINANCIAL_YEAR = Pattern.compile("\\d{4}/\\d{2}");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4}[/-]\\d{2})[- ]Q([1-4])", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern ROLLING = Pattern.compile("last-(\\d{1,9})d", Pattern.CASE_INSENSITIVE);

    public enum Kind { FINANCIAL_YEAR, QUARTER, MONTH, ROLLING_DAYS }

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends (" + to + ") before it starts (" + from + ")");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("period needs a label");
        }
    }

    public static Period financialYear(FinancialYear year) {
        return new Period(year.start(), year.end(), year.label(), Kind.FINANCIAL_YEAR);
    }

    /** Quarter {@code q} (1 = April to June ... 4 = January to March), labelled "2015/16 Q1". */
    public static Period quarter(FinancialYear year, int q) {
        if (q < 1 || q > 4) {
            throw new IllegalArgumentException("quarter must be 1 to 4, got " + q);
        }
        LocalDate from = year.start().plusMonths(3L * (q - 1));
        return new Period(from, from.plusMonths(3).minusDays(1), year.label() + " Q" + q, Kind.QUARTER);
    }

    /** A calendar month, labelled "2015-06". */
    public static Period month(YearMonth month) {
        return new Period(month.atDay(1), month.atEndOfMonth(), month.toString(), Kind.MONTH);
    }

    /** The last {@code days} days ending with {@code today}, labelled "30 days to 2016-03-31". */
    public static Period rolling(LocalDate today, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("a rolling period needs at least 1 day, got " + days);
        }
        return new Period(today.minusDays(days - 1L), today, days + " days to " + today, Kind.ROLLING_DAYS);
    }

    /**
     * Parses "2015/16" (financial year), "2015/16-Q2" or "2015/16 Q2" (quarter), "2015-06" (month) or
     * "last-30d" (the 30 days ending {@code today}; any number of days up to {@value #MAX_ROLLING_DAYS}).
     * "2015-16", as report file names spell the year, is the financial year too; where both readings
     * exist ("2011-12") it is the month, and {@link FinancialYear#parse} is there for a year.
     *
     * @throws IllegalArgumentException saying which forms are accepted
     */
    public static Period parse(String text, LocalDate today) {
        String trimmed = text == null ? "" : text.trim();
        if (FINANCIAL_YEAR.matcher(trimmed).matches()) {
            return financialYear(FinancialYear.parse(trimmed));
        }
        Matcher quarter = QUARTER.matcher(trimmed);
        if (quarter.matches()) {
            return quarter(FinancialYear.parse(quarter.group(1)), Integer.parseInt(quarter.group(2)));
        }
        if (MONTH.matcher(trimmed).matches()) {
            return monthOrFinancialYear(trimmed);
        }
        Matcher rolling = ROLLING.matcher(trimmed);
        if (rolling.matches()) {
            return rolling(today, rollingDays(rolling.group(1)));
        }
        throw new IllegalArgumentException("unrecognised period '" + text + "': use a financial year (2015/16), "
                + "a quarter (2015/16-Q2), a month (2015-06) or the last N days (last-30d)");
    }

    private static Period monthOrFinancialYear(String text) {
        int year = Integer.parseInt(text.substring(0, 4));
        int month = Integer.parseInt(text.substring(5));
        if (month >= 1 && month <= 12) {
            return month(YearMonth.of(year, month));
        }
        if (month == (year + 1) % 100) {
            return financialYear(new FinancialYear(year));
        }
        throw new IllegalArgumentException("'" + text + "' is neither a month (01 to 12 after the year) nor "
                + "a financial year (the year after, like 2015-16)");
    }

    private static int rollingDays(String digits) {
        int days = Integer.parseInt(digits);
        if (days < 1 || days > MAX_ROLLING_DAYS) {
            throw new IllegalArgumentException("rolling period 'last-" + digits + "d' must be 1 to "
                    + MAX_ROLLING_DAYS + " days");
        }
        return days;
    }

    /** The period of the same kind and length immediately before this one. */
    public Period previous() {
        return switch (kind) {
            case FINANCIAL_YEAR -> financialYear(FinancialYear.of(from).previous());
            case QUARTER -> {
                FinancialYear year = FinancialYear.of(from);
                int q = FinancialYear.quarterOf(from);
                yield q == 1 ? quarter(year.previous(), 4) : quarter(year, q - 1);
            }
            case MONTH -> month(YearMonth.from(from).minusMonths(1));
            case ROLLING_DAYS -> rolling(from.minusDays(1), lengthInDays());
        };
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    public int lengthInDays() {
        return Math.toIntExact(ChronoUnit.DAYS.between(from, to) + 1);
    }
}
