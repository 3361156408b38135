package io.complaintskpi.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One bucket of a rate's time series: the two counts over the days {@code from} to {@code to} (inclusive)
 * and {@code value}, their percentage as in {@link Rate} (one decimal, half-up; null when the denominator
 * is 0). The days are the bucket's own (cut by the period, like {@link Point}) or, for a rolling series,
 * the N days ending on the bucket's last day, which may start before the period.
 */
public record RatePoint(LocalDate bucketStart, LocalDate from, LocalDate to, long numerator, long denominator,
                        BigDecimal value) {

    public RatePoint {
        if (!Objects.equals(value, Rate.percentOf(numerator, denominator))) {
            throw new IllegalArgumentException("value " + value + " does not match " + numerator + "/"
                    + denominator + "; use RatePoint.of");
        }
    }

    public static RatePoint of(LocalDate bucketStart, LocalDate from, LocalDate to, Rate rate) {
        return new RatePoint(bucketStart, from, to, rate.numerator(), rate.denominator(), rate.percent());
    }

    public Rate rate() {
        return Rate.of(numerator, denominator);
    }
}
