package io.complaintskpi.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A rate computed at query time from its two counts, never stored, so it cannot disagree with them.
 * {@code percent} is numerator / denominator x 100 rounded to one decimal place, half-up (a tie rounds
 * away from zero: 0.25% -> 0.3%), and null when the denominator is 0.
 */
public record Rate(long numerator, long denominator, BigDecimal percent) {

    public Rate {
        if (!Objects.equals(percent, percentOf(numerator, denominator))) {
            throw new IllegalArgumentException("percent " + percent + " does not match " + numerator + "/"
                    + denominator + "; use Rate.of");
        }
    }

    public static Rate of(long numerator, long denominator) {
        return new Rate(numerator, denominator, percentOf(numerator, denominator));
    }

    public boolean defined() {
        return percent != null;
    }

    /** True when the rate shows as 0.0% although the numerator is not zero (shown as {@code k}). */
    public boolean roundsToZero() {
        return percent != null && percent.signum() == 0 && numerator != 0;
    }

    static BigDecimal percentOf(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }
}
