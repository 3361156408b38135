package io.complaintskpi.figures;

import java.math.BigDecimal;

/**
 * How a figure moved from the prior period. Counts and money: {@code absolute} is the difference and
 * {@code percent} the change as a percentage of the prior value (one decimal place, half-up; null when
 * the prior value is 0). Rates: {@code absolute} is the difference in percentage points (null when
 * either rate is undefined) and {@code percent} is always null.
 */
public record Change(BigDecimal absolute, BigDecimal percent) {

    public static Change ofCounts(long current, long prior) {
        return new Change(BigDecimal.valueOf(current - prior), Rate.percentOf(current - prior, prior));
    }

    public static Change ofRates(Rate current, Rate prior) {
        if (!current.defined() || !prior.defined()) {
            return new Change(null, null);
        }
        return new Change(current.percent().subtract(prior.percent()), null);
    }
}
