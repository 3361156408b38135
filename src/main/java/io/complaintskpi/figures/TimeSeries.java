package io.complaintskpi.figures;

import io.complaintskpi.series.SeriesReader;

import io.complaintskpi.catalogue.DimensionFilter;

import io.complaintskpi.catalogue.Formula.OpenAtEnd;
import io.complaintskpi.catalogue.Formula.Sum;
import io.complaintskpi.rules.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Time series for dashboards: every bucket of the period, zeros included, so graphs have no gaps. */
public final class TimeSeries {

    private TimeSeries() {
    }

    /** One bucket: labelled by its first day {@code start}, counting the days {@code from} to {@code to}. */
    record Bucket(LocalDate start, LocalDate from, LocalDate to) {
    }

    /** The sum of the chosen dimensions of a series per bucket. */
    static List<Point> sum(SeriesReader reader, String authority, String metric, DimensionFilter filter,
                           Period period, Granularity granularity) {
        RunningTotal counts = RunningTotal.read(reader, authority, new Sum(metric, filter), period.from(), period.to());
        return buckets(period, granularity).stream()
                .map(b -> new Point(b.start(), counts.between(b.from(), b.to()))).toList();
    }

    /** What is open at the end of each bucket (or the period's end): received minus closed, all time. */
    static List<Point> balance(SeriesReader reader, String authority, OpenAtEnd open, Period period,
                               Granularity granularity) {
        long opening = open.at(reader, authority, period.from().minusDays(1));
        RunningTotal received = RunningTotal.read(reader, authority,
                new Sum(open.receivedMetric(), DimensionFilter.all()), period.from(), period.to());
        RunningTotal closed = RunningTotal.read(reader, authority, new Sum(open.closedMetric(), DimensionFilter.all()),
                period.from(), period.to());
        return buckets(period, granularity).stream().map(b -> new Point(b.start(),
                opening + received.between(period.from(), b.to()) - closed.between(period.from(), b.to()))).toList();
    }

    /**
     * A rate per bucket from two counts, each summed over the days from {@code firstDay} of the bucket to
     * the bucket's last day: the bucket's own first day, or earlier for a rolling window.
     */
    static List<RatePoint> rate(SeriesReader reader, String authority, Sum numerator, Sum denominator,
                                Period period, Granularity granularity, Function<Bucket, LocalDate> firstDay) {
        List<Bucket> buckets = buckets(period, granularity);
        LocalDate earliest = buckets.stream().map(firstDay).min(LocalDate::compareTo).orElseThrow();
        RunningTotal num = RunningTotal.read(reader, authority, numerator, earliest, period.to());
        RunningTotal den = RunningTotal.read(reader, authority, denominator, earliest, period.to());
        return buckets.stream().map(b -> {
            LocalDate from = firstDay.apply(b);
            return RatePoint.of(b.start(), from, b.to(), Rate.of(num.between(from, b.to()), den.between(from, b.to())));
        }).toList();
    }

    /** Every bucket of the period; the first and last count only the period's own days. */
    static List<Bucket> buckets(Period period, Granularity granularity) {
        List<Bucket> buckets = new ArrayList<>();
        for (LocalDate start = granularity.bucketStart(period.from()); !start.isAfter(period.to());
             start = granularity.nextBucket(start)) {
            LocalDate from = start.isBefore(period.from()) ? period.from() : start;
            LocalDate end = granularity.nextBucket(start).minusDays(1);
            buckets.add(new Bucket(start, from, end.isAfter(period.to()) ? period.to() : end));
        }
        return buckets;
    }

    /** The chosen dimensions of a series added up per day; days with nothing are absent. */
    static TreeMap<LocalDate, Long> daily(SeriesReader reader, String authority, Sum series, LocalDate from,
                                          LocalDate to) {
        TreeMap<LocalDate, Long> daily = new TreeMap<>();
        for (String dimension : reader.sumByDimension(authority, series.metric(), from, to).keySet()) {
            if (series.filter().test(dimension)) {
                reader.daily(authority, series.metric(), dimension, from, to)
                        .forEach((day, amount) -> daily.merge(day, amount, Long::sum));
            }
        }
        return daily;
    }

    /** The chosen dimensions of a series added up day by day, so any span of days is two look-ups. */
    private static final class RunningTotal {

        private final TreeMap<LocalDate, Long> upToAndIncluding = new TreeMap<>();

        static RunningTotal read(SeriesReader reader, String authority, Sum series, LocalDate from, LocalDate to) {
            RunningTotal running = new RunningTotal();
            long total = 0;
            for (Map.Entry<LocalDate, Long> day : daily(reader, authority, series, from, to).entrySet()) {
                total += day.getValue();
                running.upToAndIncluding.put(day.getKey(), total);
            }
            return running;
        }

        long between(LocalDate from, LocalDate to) {
            return upTo(to) - upTo(from.minusDays(1));
        }

        private long upTo(LocalDate day) {
            Map.Entry<LocalDate, Long> entry = upToAndIncluding.floorEntry(day);
            return entry == null ? 0L : entry.getValue();
        }
    }
}
