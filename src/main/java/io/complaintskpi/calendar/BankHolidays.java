package io.complaintskpi.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Bank holidays in England and Wales, computed from the Banking and Financial Dealings Act 1971
 * (Schedule 1) rules plus the one-off proclamations since 2012. Later one-offs arrive through the
 * calendar's extra closures, not a release.
 */
public final class BankHolidays {

    /** A proclamation: a rule-based holiday moved ({@code removed} non-null) or a holiday added. */
    private record OneOff(LocalDate removed, LocalDate added) {
        static OneOff moved(LocalDate from, LocalDate to) {
            return new OneOff(from, to);
        }

        static OneOff extra(LocalDate date) {
            return new OneOff(null, date);
        }
    }

    private static final List<OneOff> ONE_OFFS = List.of(
            OneOff.moved(LocalDate.of(2012, 5, 28), LocalDate.of(2012, 6, 4)), // Spring bank holiday, Diamond Jubilee
            OneOff.extra(LocalDate.of(2012, 6, 5)), // Diamond Jubilee
            OneOff.moved(LocalDate.of(2020, 5, 4), LocalDate.of(2020, 5, 8)), // Early May bank holiday, VE Day
            OneOff.moved(LocalDate.of(2022, 5, 30), LocalDate.of(2022, 6, 2)), // Spring bank holiday, Platinum Jubilee
            OneOff.extra(LocalDate.of(2022, 6, 3)), // Platinum Jubilee
            OneOff.extra(LocalDate.of(2022, 9, 19)), // State Funeral of Queen Elizabeth II
            OneOff.extra(LocalDate.of(2023, 5, 8))); // Coronation of King Charles III

    private BankHolidays() {
    }

    /** The bank holidays of {@code year} in England and Wales, in date order. */
    public static Set<LocalDate> forYear(int year) {
        SortedSet<LocalDate> holidays = new TreeSet<>();
        holidays.add(newYear(year));
        LocalDate easter = easterSunday(year);
        holidays.add(easter.minusDays(2));
        holidays.add(easter.plusDays(1));
        holidays.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        holidays.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        holidays.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        holidays.addAll(christmasAndBoxingDay(year));
        for (OneOff oneOff : ONE_OFFS) {
            if (oneOff.added().getYear() == year) {
                if (oneOff.removed() != null) {
                    holidays.remove(oneOff.removed());
                }
                holidays.add(oneOff.added());
            }
        }
        return Collections.unmodifiableSortedSet(holidays);
    }

    /** Easter Sunday by the Gregorian computus (the anonymous "Meeus/Jones/Butcher" algorithm). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int monthAndDay = h + l - 7 * m + 114;
        return LocalDate.of(year, monthAndDay / 31, monthAndDay % 31 + 1);
    }

    private static LocalDate newYear(int year) {
        LocalDate newYear = LocalDate.of(year, Month.JANUARY, 1);
        return isWeekend(newYear) ? newYear.with(TemporalAdjusters.next(DayOfWeek.MONDAY)) : newYear;
    }

    /** A Christmas or Boxing Day on a weekend moves forward two days, so the pair stays on two weekdays. */
    private static List<LocalDate> christmasAndBoxingDay(int year) {
        LocalDate christmas = LocalDate.of(year, Month.DECEMBER, 25);
        LocalDate boxingDay = christmas.plusDays(1);
        return List.of(isWeekend(christmas) ? christmas.plusDays(2) : christmas,
                isWeekend(boxingDay) ? boxingDay.plusDays(2) : boxingDay);
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
