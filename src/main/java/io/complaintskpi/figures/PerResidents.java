package io.complaintskpi.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A count per 100,000 residents, as the Ombudsman's annual review letter gives upheld decisions: count x 100,000 /
 * residents, rounded to one decimal place half up like every rate ({@link Rate}). Worked out when asked, never stored.
 */
public record PerResidents(long count, long residents, BigDecimal per100k) {

    public static final long PER = 100_000;

    public static PerResidents of(long count, long residents) {
        if (residents < 1) {
            throw new IllegalArgumentException("a population is at least 1 resident, got " + residents);
        }
        return new PerResidents(count, residents, BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(PER))
                .divide(BigDecimal.valueOf(residents), 1, RoundingMode.HALF_UP));
    }
}
