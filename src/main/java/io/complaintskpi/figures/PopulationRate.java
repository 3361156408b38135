package io.complaintskpi.figures;

import io.complaintskpi.authorities.Population;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A count per so many people: per 100,000 residents (as the Ombudsman publishes upheld decisions) or per
 * 10,000 children (as children's social care publishes its rates). Worked out at query time from the count
 * and the population estimate, {@code value} = count x per / population, one decimal place, half-up.
 */
public record PopulationRate(long count, long population, int per, BigDecimal value) {

    public static final int PER_RESIDENTS = 100_000;
    public static final int PER_CHILDREN = 10_000;

    public PopulationRate {
        if (population <= 0 || per <= 0) {
            throw new IllegalArgumentException("a rate per population needs a population > 0, got " + population);
        }
        if (!value.equals(valueOf(count, population, per))) {
            throw new IllegalArgumentException("value " + value + " does not match " + count + " per " + per
                    + " of " + population + "; use PopulationRate.of");
        }
    }

    public static PopulationRate of(long count, long population, int per) {
        return new PopulationRate(count, population, per, valueOf(count, population, per));
    }

    /** Per 100,000 residents, when the estimate exists. */
    public static Optional<PopulationRate> perResidents(long count, Optional<Population> population) {
        return population.map(p -> of(count, p.residents(), PER_RESIDENTS));
    }

    /** Per 10,000 children, when the estimate exists and counts any child. */
    public static Optional<PopulationRate> perChildren(long count, Optional<Population> population) {
        return population.filter(p -> p.children() > 0).map(p -> of(count, p.children(), PER_CHILDREN));
    }

    private static BigDecimal valueOf(long count, long population, int per) {
        return BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(per))
                .divide(BigDecimal.valueOf(population), 1, RoundingMode.HALF_UP);
    }
}
