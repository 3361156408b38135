package io.complaintskpi.kpi;

import io.complaintskpi.rules.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Time series for dashboards: every bucket of the period, zeros included, so graphs have no gaps. */
final class TimeSeries {

    private TimeSeries() {
    }

    /** The sum of the chosen dimensions of a series per bucket. */
    static List<Point> sum(SeriesReader reader, String authority, String metric, DimensionFilter filter,
                           Period period, Granularity granularity) {
        TreeMap<LocalDate, Long> daily = daily(reader, authority, metric, filter, period);
        return buckets(period, granularity, (from, to) -> total(daily, from, to));
    }

    /** What is open at the end of each bucket (or the period's end): received minus closed, all time. */
    static List<Point> balance(SeriesReader reader, String authority, String receivedMetric, String closedMetric,
                               Period period, Granularity granularity) {
        LocalDate dayBefore = period.from().minusDays(1);
        long opening = reader.sum(authority, receivedMetric, Evaluation.BEGINNING, dayBefore)
                - reader.sum(authority, closedMetric, Evaluation.BEGINNING, dayBefore);
        TreeMap<LocalDate, Long> net = daily(reader, authority, receivedMetric, DimensionFilter.all(), period);
        daily(reader, authority, closedMetric, DimensionFilter.all(), period)
                .forEach((day, closed) -> net.merge(day, -closed, Long::sum));
        return buckets(period, granularity, (from, to) -> opening + total(net, period.from(), to));
    }

    private interface BucketValue {
        long of(LocalDate from, LocalDate to);
    }

    private static List<Point> buckets(Period period, Granularity granularity, BucketValue value) {
        List<Point> points = new ArrayList<>();
        for (LocalDate start = granularity.bucketStart(period.from()); !start.isAfter(period.to());
             start = granularity.nextBucket(start)) {
            LocalDate from = start.isBefore(period.from()) ? period.from() : start;
            LocalDate end = granularity.nextBucket(start).minusDays(1);
            LocalDate to = end.isAfter(period.to()) ? period.to() : end;
            points.add(new Point(start, value.of(from, to)));
        }
        return points;
    }

    private static TreeMap<LocalDate, Long> daily(SeriesReader reader, String authority, String metric,
                                                  DimensionFilter filter, Period period) {
        TreeMap<LocalDate, Long> daily = new TreeMap<>();
        for (String dimension : reader.sumByDimension(authority, metric, period.from(), period.to()).keySet()) {
            if (filter.test(dimension)) {
                reader.daily(authority, metric, dimension, period.from(), period.to())
                        .forEach((day, amount) -> daily.merge(day, amount, Long::sum));
            }
        }
        return daily;
    }

    private static long total(TreeMap<LocalDate, Long> daily, LocalDate from, LocalDate to) {
        return daily.subMap(from, true, to, true).values().stream().mapToLong(Long::longValue).sum();
    }
}
