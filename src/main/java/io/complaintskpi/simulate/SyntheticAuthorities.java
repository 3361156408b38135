package io.complaintskpi.simulate;

import io.complaintskpi.authorities.Authority;
import io.complaintskpi.authorities.CouncilType;
import io.complaintskpi.authorities.Population;
import io.complaintskpi.rules.FinancialYear;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Synthetic reference data for the simulated authorities (codes as {@link Simulation.Plan#authority}): invented
 * place names, ONS-shaped codes in ranges no real authority uses (type prefix, then 9xxxxx), council types in
 * a fixed cycle (of every 10: 3 unitary, 2 metropolitan borough, 2 London borough, 2 county, 1 district) and
 * regions and populations drawn from the seed: residents in the range typical of the type, children 19-24% of
 * them, growing 0.2-1.0% a year. Plausible, not real: nothing here describes an actual council.
 */
public final class SyntheticAuthorities {

    private static final CouncilType[] CYCLE = {CouncilType.UNITARY, CouncilType.METROPOLITAN_BOROUGH,
            CouncilType.LONDON_BOROUGH, CouncilType.COUNTY, CouncilType.UNITARY, CouncilType.METROPOLITAN_BOROUGH,
            CouncilType.LONDON_BOROUGH, CouncilType.DISTRICT, CouncilType.UNITARY, CouncilType.COUNTY};
    private static final List<String> REGIONS = List.of("North East", "North West", "Yorkshire and The Humber",
            "East Midlands", "West Midlands", "East of England", "South East", "South West");
    private static final String[] STEMS = {"Ash", "Bram", "Cal", "Dun", "Eld", "Fen", "Gran", "Hart", "Ivel", "Kel",
            "Lang", "Mar", "Nor", "Oak", "Pen", "Rid", "Stan", "Thorn", "Wal", "Yar"};
    private static final String[] ENDINGS = {"ford", "ley", "ton", "bury", "field", "wick", "mere", "dale", "by",
            "stow"};

    private SyntheticAuthorities() {
    }

    /** One record per simulated authority, with an estimate for each year the plan simulates. */
    public static List<Authority> of(Simulation.Plan plan) {
        List<Authority> authorities = new ArrayList<>();
        for (int i = 0; i < plan.authorities(); i++) {
            Random random = new Random(plan.seed() * 7919 + i);
            CouncilType type = CYCLE[i % CYCLE.length];
            String region = type == CouncilType.LONDON_BOROUGH ? "London" : REGIONS.get(random.nextInt(REGIONS.size()));
            String place = STEMS[i % STEMS.length] + ENDINGS[(i / STEMS.length) % ENDINGS.length]
                    + (i >= STEMS.length * ENDINGS.length ? " " + (i / (STEMS.length * ENDINGS.length) + 1) : "");
            long residents = residents(type, random);
            double childShare = 0.19 + random.nextDouble() * 0.05;
            double growth = 0.002 + random.nextDouble() * 0.008;
            Map<FinancialYear, Population> populations = new TreeMap<>();
            for (int y = 0; y < plan.years(); y++) {
                long people = Math.round(residents * Math.pow(1 + growth, y));
                populations.put(new FinancialYear(plan.firstYear().startYear() + y),
                        new Population(people, Math.round(people * childShare)));
            }
            authorities.add(new Authority(Simulation.Plan.authority(i), place + " " + councilWord(type),
                    onsCode(type, i), type, region, populations));
        }
        return authorities;
    }

    private static long residents(CouncilType type, Random random) {
        return switch (type) {
            case COUNTY -> 500_000 + random.nextInt(1_100_000);
            case DISTRICT -> 60_000 + random.nextInt(100_000);
            case METROPOLITAN_BOROUGH -> 150_000 + random.nextInt(950_000);
            case UNITARY -> 100_000 + random.nextInt(450_000);
            case LONDON_BOROUGH -> 150_000 + random.nextInt(250_000);
        };
    }

    private static String councilWord(CouncilType type) {
        return switch (type) {
            case COUNTY -> "County Council";
            case DISTRICT -> "District Council";
            case METROPOLITAN_BOROUGH -> "Metropolitan Borough Council";
            case UNITARY -> "Council";
            case LONDON_BOROUGH -> "London Borough Council";
        };
    }

    /** The ONS prefix of the type (E10 county, E07 district, E08 metropolitan, E06 unitary, E09 London) and 9xxxxx. */
    private static String onsCode(CouncilType type, int index) {
        String prefix = switch (type) {
            case COUNTY -> "E10";
            case DISTRICT -> "E07";
            case METROPOLITAN_BOROUGH -> "E08";
            case UNITARY -> "E06";
            case LONDON_BOROUGH -> "E09";
        };
        return prefix + String.format("%06d", 900_000 + index);
    }
}
