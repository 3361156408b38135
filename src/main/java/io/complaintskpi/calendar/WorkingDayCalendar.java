package io.complaintskpi.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * Working days for statutory timescales (SI 2006/1738 reg 2): not a Saturday, Sunday or bank holiday in
 * England and Wales, nor one of the authority's configured extra closures. A configured extra working day
 * overrides the bank-holiday rules for that date (a holiday moved by a proclamation after the release).
 *
 * <p>Counting rule: the day of receipt is day 0; a complaint received on a non-working day counts as
 * received on the next working day; the deadline for N working days is the N-th working day after that;
 * a response dated on or before the deadline is on time. Immutable and thread-safe; each year's
 * non-working days and running count of working days are worked out once, on first use.
 */
public final class WorkingDayCalendar {

    private final Set<LocalDate> extraClosures;
    private final Set<LocalDate> extraWorkingDays;
    private final ConcurrentMap<Integer, Year> years = new ConcurrentHashMap<>();

    /**
     * One year's days by day of year (1-based): {@code nonWorking[d]}, and {@code workingUpTo[d]} the working
     * days from 1 January to day d inclusive, so a count of working days costs a lookup per year, not per day.
     */
    private record Year(boolean[] nonWorking, int[] workingUpTo) {
        int total() {
            return workingUpTo[workingUpTo.length - 1];
        }
    }

    private WorkingDayCalendar(Set<LocalDate> extraClosures, Set<LocalDate> extraWorkingDays) {
        for (LocalDate day : extraWorkingDays) {
            if (BankHolidays.isWeekend(day)) {
                throw new IllegalArgumentException("extra working day " + day + " is a " + day.getDayOfWeek()
                        + "; only a bank holiday can be made a working day");
            }
            if (extraClosures.contains(day)) {
                throw new IllegalArgumentException(day + " is both an extra closure and an extra working day");
            }
        }
        this.extraClosures = Collections.unmodifiableSet(new TreeSet<>(extraClosures));
        this.extraWorkingDays = Collections.unmodifiableSet(new TreeSet<>(extraWorkingDays));
    }

    /**
     * England and Wales bank holidays and weekends, plus the given closure days, minus the given extra
     * working days (bank holidays by the rules that a proclamation moved away).
     *
     * @throws IllegalArgumentException when an extra working day is a weekend or also a closure
     */
    public static WorkingDayCalendar englandAndWales(Set<LocalDate> extraClosures, Set<LocalDate> extraWorkingDays) {
        return new WorkingDayCalendar(extraClosures, extraWorkingDays);
    }

    /** England and Wales bank holidays and weekends, plus the given closure days. */
    public static WorkingDayCalendar englandAndWales(Set<LocalDate> extraClosures) {
        return new WorkingDayCalendar(extraClosures, Set.of());
    }

    /** England and Wales bank holidays and weekends only. */
    public static WorkingDayCalendar englandAndWales() {
        return new WorkingDayCalendar(Set.of(), Set.of());
    }

    /**
     * Reads a configured closure list such as {@code "2015-12-29,2015-12-30"} (ISO dates, comma
     * separated, blanks ignored; null or blank means none).
     *
     * @throws IllegalArgumentException naming the entry that is not an ISO date
     */
    public static Set<LocalDate> parseClosures(String csv) {
        return parseDates(csv, "extra closure");
    }

    /** Reads a configured extra working day list, in the same form as {@link #parseClosures}. */
    public static Set<LocalDate> parseWorkingDays(String csv) {
        return parseDates(csv, "extra working day");
    }

    private static Set<LocalDate> parseDates(String csv, String what) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(","))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .map(entry -> parseDate(entry, what))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static LocalDate parseDate(String entry, String what) {
        try {
            return LocalDate.parse(entry);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " '" + entry + "' is not an ISO date (yyyy-mm-dd)", e);
        }
    }

    /** The configured extra closure days, in date order. */
    public Set<LocalDate> extraClosures() {
        return extraClosures;
    }

    /** The configured days that are working days despite the bank-holiday rules, in date order. */
    public Set<LocalDate> extraWorkingDays() {
        return extraWorkingDays;
    }

    public boolean isWorkingDay(LocalDate date) {
        return !year(date.getYear()).nonWorking()[date.getDayOfYear()];
    }

    /** The date the clock starts from: the received date, or the next working day when it is not one. */
    public LocalDate effectiveReceipt(LocalDate received) {
        LocalDate date = received;
        while (!isWorkingDay(date)) {
            date = date.plusDays(1);
        }
        return date;
    }

    /** The deadline: the n-th working day after the effective receipt (n = 0 gives the receipt itself). */
    public LocalDate addWorkingDays(LocalDate received, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days must not be negative, got " + n);
        }
        LocalDate date = effectiveReceipt(received);
        for (int remaining = n; remaining > 0; remaining--) {
            date = effectiveReceipt(date.plusDays(1));
        }
        return date;
    }

    /** The working day {@code n} working days before {@code date} (e.g. when to warn of a deadline). */
    public LocalDate workingDaysBefore(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, got " + n);
        }
        LocalDate day = date;
        for (int left = n; left > 0; ) {
            day = day.minusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /**
     * Working days taken: the working days after the effective receipt up to the response, where a
     * response dated on a non-working day counts as made on the next working day (as receipt does).
     * That makes {@code workingDaysBetween(r, x) <= n} exactly when {@code x} is on or before
     * {@code addWorkingDays(r, n)}, so bands and on-time figures never disagree. 0 when the response is
     * on or before the effective receipt.
     */
    public int workingDaysBetween(LocalDate received, LocalDate responded) {
        LocalDate start = effectiveReceipt(received);
        LocalDate end = effectiveReceipt(responded);
        if (!end.isAfter(start)) {
            return 0;
        }
        // The working days of (start, end]: up to end, less those up to start, plus whole years between.
        int count = year(end.getYear()).workingUpTo()[end.getDayOfYear()]
                - year(start.getYear()).workingUpTo()[start.getDayOfYear()];
        for (int y = start.getYear(); y < end.getYear(); y++) {
            count += year(y).total();
        }
        return count;
    }

    /** The on-time rule: a response dated on or before the deadline for n working days is on time. */
    public boolean isOnTime(LocalDate received, LocalDate responded, int n) {
        return !responded.isAfter(addWorkingDays(received, n));
    }

    private Year year(int year) {
        return years.computeIfAbsent(year, y -> {
            boolean[] nonWorking = nonWorkingDays(y);
            int[] workingUpTo = new int[nonWorking.length];
            for (int day = 1; day < nonWorking.length; day++) {
                workingUpTo[day] = workingUpTo[day - 1] + (nonWorking[day] ? 0 : 1);
            }
            return new Year(nonWorking, workingUpTo);
        });
    }

    /** Index = day of year (1-based); true = not a working day. */
    private boolean[] nonWorkingDays(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        boolean[] nonWorking = new boolean[first.lengthOfYear() + 1];
        for (LocalDate date = first; date.getYear() == year; date = date.plusDays(1)) {
            nonWorking[date.getDayOfYear()] = BankHolidays.isWeekend(date);
        }
        BankHolidays.forYear(year).stream()
                .filter(holiday -> !extraWorkingDays.contains(holiday))
                .forEach(holiday -> nonWorking[holiday.getDayOfYear()] = true);
        extraClosures.stream()
                .filter(closure -> closure.getYear() == year)
                .forEach(closure -> nonWorking[closure.getDayOfYear()] = true);
        return nonWorking;
    }
}
