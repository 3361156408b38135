package io.complaintskpi.authorities;

import io.complaintskpi.rules.FinancialYear;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The authorities reference data this deployment holds (the {@code authorities} topic read as a global
 * table, or a fixed list in tests and offline tools). The one home of an authority's name, type, region and
 * population, and of the averages the Ombudsman publishes for each council type.
 */
public interface Authorities {

    /** The authority whose events carry {@code code}, if the reference data holds it. */
    Optional<Authority> authority(String code);

    /** Every authority held, in code order. */
    List<Authority> all();

    /** Every Ombudsman's average held, in key order. */
    List<OmbudsmanAverage> averages();

    /** The Ombudsman's average of {@code measure} for {@code type} in {@code year}, if one is held. */
    default Optional<OmbudsmanAverage> average(CouncilType type, FinancialYear year, OmbudsmanAverage.Measure measure) {
        return averages().stream()
                .filter(a -> a.councilType() == type && a.year().equals(year) && a.measure() == measure).findFirst();
    }

    /** The population estimate used for {@code year} (see {@link Authority#population}), if any. */
    default Optional<Population> population(String code, FinancialYear year) {
        return authority(code).flatMap(a -> a.population(year));
    }

    /**
     * The authority's name: the reference data's when it holds the authority (the one home of names), else
     * {@code otherwise}'s (the {@code authority.names} setting of a deployment without reference data).
     */
    default String nameOf(String code, UnaryOperator<String> otherwise) {
        return authority(code).map(Authority::name).orElseGet(() -> otherwise.apply(code));
    }

    /** No reference data. */
    Authorities NONE = of(List.of());

    /** A fixed set, e.g. read from a file or built in a test. */
    static Authorities of(Collection<Authority> authorities) {
        return of(authorities, List.of());
    }

    /** A fixed set of authorities and of the Ombudsman's averages (the latest of a key wins, as on the topic). */
    static Authorities of(Collection<Authority> authorities, Collection<OmbudsmanAverage> averages) {
        List<OmbudsmanAverage> averagesByKey = List.copyOf(averages.stream()
                .collect(Collectors.toMap(OmbudsmanAverage::key, Function.identity(), (a, b) -> b,
                        TreeMap::new)).values());
        Map<String, Authority> byCode = authorities.stream()
                .collect(Collectors.toUnmodifiableMap(Authority::code, Function.identity(), (a, b) -> b));
        List<Authority> sorted = byCode.values().stream().sorted(Comparator.comparing(Authority::code)).toList();
        return new Authorities() {
            @Override
            public Optional<Authority> authority(String code) {
                return Optional.ofNullable(byCode.get(code));
            }

            @Override
            public List<Authority> all() {
                return sorted;
            }

            @Override
            public List<OmbudsmanAverage> averages() {
                return averagesByKey;
            }
        };
    }
}
