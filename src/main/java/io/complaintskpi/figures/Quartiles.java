package io.complaintskpi.figures;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * The spread of one rate across a group of authorities. Quartiles by linear interpolation between closest
 * ranks (Hyndman and Fan's type 7, as Excel's QUARTILE.INC and R's default): with the n values sorted
 * x[0] <= ... <= x[n-1], the p-quantile is x[h] interpolated at h = (n - 1) p, so the median of an even count is
 * the mean of the middle two. Exact arithmetic, then quartiles and mean rounded to two decimal places, half-up.
 *
 * @param count the authorities with a value in the group
 */
public record Quartiles(int count, BigDecimal lowerQuartile, BigDecimal median, BigDecimal upperQuartile,
                        BigDecimal mean) {

    private static final int SCALE = 2;

    /** The statistics of {@code values}; empty when fewer than {@code minimum} (a group too small to show). */
    public static Optional<Quartiles> of(List<BigDecimal> values, int minimum) {
        if (values.isEmpty() || values.size() < minimum) {
            return Optional.empty();
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        BigDecimal sum = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new Quartiles(sorted.size(), round(quantile(sorted, 1, 4)), round(quantile(sorted, 1, 2)),
                round(quantile(sorted, 3, 4)), sum.divide(BigDecimal.valueOf(sorted.size()), SCALE,
                RoundingMode.HALF_UP)));
    }

    /** Type 7 quantile at p = numerator / denominator. */
    private static BigDecimal quantile(List<BigDecimal> sorted, int numerator, int denominator) {
        int scaled = (sorted.size() - 1) * numerator; // h = scaled / denominator
        int low = scaled / denominator;
        int remainder = scaled % denominator;
        if (remainder == 0) {
            return sorted.get(low);
        }
        BigDecimal fraction = BigDecimal.valueOf(remainder).divide(BigDecimal.valueOf(denominator), MathContext.DECIMAL64);
        return sorted.get(low).add(sorted.get(low + 1).subtract(sorted.get(low)).multiply(fraction));
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /**
     * Which quarter of the group a value falls in: 1 at or below the lower quartile, 2 up to the median, 3 up to
     * the upper quartile, 4 above it. Whether a high quarter is good depends on the rate (timeliness: yes).
     */
    public int quartileOf(BigDecimal value) {
        if (value.compareTo(lowerQuartile) <= 0) {
            return 1;
        }
        if (value.compareTo(median) <= 0) {
            return 2;
        }
        return value.compareTo(upperQuartile) <= 0 ? 3 : 4;
    }
}
