package io.complaintskpi.series;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The address of one daily bucket: {@code authority|metric|dimension|yyyy-MM-dd}. Keys sort by authority,
 * metric, dimension, then date, so any period or rolling window of a series is one range scan over daily
 * buckets. Beside them in the same store: the roll-ups of the same sums ({@link #rollup}), which put the
 * bucket before the dimension and sort before a metric's days, the year sheets ({@link #yearSheet}: every
 * metric of an authority's financial year together, so a year's figures and the year before are one range),
 * which sort before the authority's metrics, and the authority index ({@link #authorityIndex}), which sorts
 * before everything. A mark character no value can hold (it is cleaned out) keeps the four families apart.
 */
public record KpiKey(String authority, String metric, String dimension, LocalDate date) {

    static final char SEPARATOR = '|';
    /** Starts a roll-up's grain and the authority index: below every character a value can start with. */
    private static final char MARK = '\u0000';
    /** The character after the separator: a prefix ending in the separator, with this instead, is above all its keys. */
    private static final char PAST_SEPARATOR = SEPARATOR + 1;

    public KpiKey {
        Objects.requireNonNull(date, "date");
        authority = clean(authority);
        metric = clean(metric);
        dimension = clean(dimension);
    }

    public String encode() {
        return prefix(authority, metric, dimension) + date;
    }

    public static KpiKey decode(String key) {
        String[] parts = key.split("\\|", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a KPI key: " + key);
        }
        return new KpiKey(parts[0], parts[1], parts[2], date(parts[3], 0, parts[3].length()));
    }

    /** Everything before the date: the fixed part of a range scan over one series. */
    public static String prefix(String authority, String metric, String dimension) {
        return clean(authority) + SEPARATOR + clean(metric) + SEPARATOR + clean(dimension) + SEPARATOR;
    }

    /** The part shared by every series of one authority. */
    public static String prefix(String authority) {
        return clean(authority) + SEPARATOR;
    }

    /**
     * The part of a daily bucket's key, or of any prefix naming its authority, that decides its partition
     * ({@code authority|}): every metric, dimension and day of an authority lands on one partition, so its
     * year sheets can hold every metric.
     */
    public static String partitionPart(String key) {
        return key.substring(0, key.indexOf(SEPARATOR) + 1);
    }

    /** The part shared by every dimension of one metric. */
    public static String prefix(String authority, String metric) {
        return clean(authority) + SEPARATOR + clean(metric) + SEPARATOR;
    }

    /**
     * The address of a roll-up bucket, {@code authority|metric|<mark>grain|first day|dimension}: the bucket
     * before the dimension, so every dimension of a metric over a run of whole buckets is one contiguous range.
     */
    public static String rollup(String authority, String metric, RollupGrain grain, LocalDate start, String dimension) {
        return rollupPrefix(authority, metric, grain, start) + clean(dimension);
    }

    /** Everything of a roll-up key before the dimension. */
    public static String rollupPrefix(String authority, String metric, RollupGrain grain, LocalDate start) {
        return prefix(authority, metric) + MARK + grain.code + SEPARATOR + start + SEPARATOR;
    }

    /**
     * The address of a year-sheet bucket, {@code authority|<mark>Y|first day|metric|dimension}: the same sum as
     * the metric's financial-year roll-up, with the year before the metric, so every metric of a run of years
     * is one contiguous range.
     */
    public static String yearSheet(String authority, LocalDate yearStart, String metric, String dimension) {
        return yearSheetPrefix(authority, yearStart) + clean(metric) + SEPARATOR + clean(dimension);
    }

    /** Everything of a year-sheet key before the metric. */
    public static String yearSheetPrefix(String authority, LocalDate yearStart) {
        return prefix(authority) + MARK + RollupGrain.FINANCIAL_YEAR.code + SEPARATOR + yearStart + SEPARATOR;
    }

    /** A year-sheet key's year (its first day), metric and dimension. */
    public record SheetEntry(LocalDate yearStart, String metric, String dimension) {

        public static SheetEntry of(String sheetKey) {
            int date = sheetKey.indexOf(SEPARATOR, sheetKey.indexOf(SEPARATOR) + 1) + 1;
            int metric = sheetKey.indexOf(SEPARATOR, date) + 1;
            int dimension = sheetKey.indexOf(SEPARATOR, metric) + 1;
            return new SheetEntry(date(sheetKey, date, metric - 1),
                    sheetKey.substring(metric, dimension - 1), sheetKey.substring(dimension));
        }
    }

    /** The lowest key of a metric's daily buckets, above its roll-ups. */
    public static String daysFrom(String authority, String metric) {
        return prefix(authority, metric) + (char) (MARK + 1);
    }

    /** The authority index's key of an authority. */
    public static String authorityIndex(String authority) {
        return AUTHORITY_INDEX + clean(authority);
    }

    /** Every key of the authority index lies from this key to {@code pastPrefix} of it. */
    public static final String AUTHORITY_INDEX = String.valueOf(MARK) + SEPARATOR;

    /** The authority of an authority index key. */
    public static String indexedAuthority(String indexKey) {
        return indexKey.substring(AUTHORITY_INDEX.length());
    }

    /** The first day of the bucket of a roll-up key. */
    public static LocalDate rollupStart(String rollupKey) {
        int grain = rollupKey.indexOf(SEPARATOR, rollupKey.indexOf(SEPARATOR) + 1) + 1;
        int date = rollupKey.indexOf(SEPARATOR, grain) + 1;
        return date(rollupKey, date, rollupKey.indexOf(SEPARATOR, date));
    }

    /**
     * The ISO date ({@code 2015-04-01}) a key holds from {@code from} to {@code to}: read by position, as every
     * read of a period decodes a date from each key it passes (DateTimeFormatter's parse was a /kpis hot spot).
     */
    static LocalDate date(String key, int from, int to) {
        if (to - from != 10 || key.charAt(from + 4) != '-' || key.charAt(from + 7) != '-') {
            return LocalDate.parse(key.substring(from, to)); // a year past 9999, or not a date: its own message
        }
        return LocalDate.of(Integer.parseInt(key, from, from + 4, 10), Integer.parseInt(key, from + 5, from + 7, 10),
                Integer.parseInt(key, from + 8, to, 10));
    }

    /** The dimension of a roll-up key. */
    public static String rollupDimension(String rollupKey) {
        return rollupKey.substring(rollupKey.lastIndexOf(SEPARATOR) + 1);
    }

    /** A bound above every key starting with {@code prefix} (which ends in the separator) and below the next. */
    public static String pastPrefix(String prefix) {
        return prefix.substring(0, prefix.length() - 1) + PAST_SEPARATOR;
    }

    // A separator inside a value would shift every field after it; a mark would mix the key families.
    static String clean(String value) {
        // Checked first: nearly every value is clean, and indexOf is much cheaper than replace's copy loop.
        if (Objects.requireNonNull(value).indexOf(SEPARATOR) < 0 && value.indexOf(MARK) < 0) {
            return value;
        }
        return value.replace(SEPARATOR, '/').replace(MARK, '/');
    }
}
