package io.complaintskpi.series;

import io.complaintskpi.rules.FinancialYear;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The sizes of the KPI buckets kept: every day, and the same sums rolled up per calendar month and per
 * financial year, so a period is read as a few whole years and months plus the days left over at its ends
 * rather than day by day.
 */
public enum RollupGrain {
    FINANCIAL_YEAR('Y'), MONTH('M'), DAY('D');

    /** The letter that marks the grain in a roll-up key. */
    final char code;

    RollupGrain(char code) {
        this.code = code;
    }

    /** The first day of the bucket a date falls in. */
    public LocalDate start(LocalDate date) {
        return switch (this) {
            case FINANCIAL_YEAR -> FinancialYear.of(date).start();
            case MONTH -> date.withDayOfMonth(1);
            case DAY -> date;
        };
    }

    private LocalDate next(LocalDate start) {
        return switch (this) {
            case FINANCIAL_YEAR -> start.plusYears(1);
            case MONTH -> start.plusMonths(1);
            case DAY -> start.plusDays(1);
        };
    }

    private RollupGrain finer() {
        return values()[ordinal() + 1];
    }

    /** A run of whole buckets of one grain: the first day of the first to the last day of the last. */
    public record Part(RollupGrain grain, LocalDate from, LocalDate to) {
    }

    /**
     * The inclusive period as the fewest whole buckets: at most one run of financial years, a run of months on
     * each side of it and a run of days at each end, in date order, together covering every day exactly once.
     */
    public static List<Part> split(LocalDate from, LocalDate to) {
        List<Part> parts = new ArrayList<>();
        split(from, to, FINANCIAL_YEAR, parts);
        return parts;
    }

    private static void split(LocalDate from, LocalDate to, RollupGrain grain, List<Part> parts) {
        if (from.isAfter(to)) {
            return;
        }
        if (grain == DAY) {
            parts.add(new Part(DAY, from, to));
            return;
        }
        LocalDate first = grain.start(from).equals(from) ? from : grain.next(grain.start(from));
        LocalDate last = grain.start(to.plusDays(1)).minusDays(1); // the last whole bucket's last day
        if (first.isAfter(last)) {
            split(from, to, grain.finer(), parts);
            return;
        }
        split(from, first.minusDays(1), grain.finer(), parts);
        parts.add(new Part(grain, first, last));
        split(last.plusDays(1), to, grain.finer(), parts);
    }
}
