package io.complaintskpi.authorities;

import io.complaintskpi.rules.FinancialYear;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One authority as reference data (the {@code authorities} topic): the code its events carry, its name,
 * ONS (GSS) code, council type, region and population estimates by financial year.
 *
 * @param populations estimates keyed by the financial year they are used for
 */
public record Authority(String code, String name, String onsCode, CouncilType councilType, String region,
                        NavigableMap<FinancialYear, Population> populations) {

    public Authority {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(onsCode, "onsCode");
        Objects.requireNonNull(councilType, "councilType");
        Objects.requireNonNull(region, "region");
        populations = Collections.unmodifiableNavigableMap(new TreeMap<>(populations));
    }

    public Authority(String code, String name, String onsCode, CouncilType councilType, String region,
                     Map<FinancialYear, Population> populations) {
        this(code, name, onsCode, councilType, region, new TreeMap<>(populations));
    }

    /**
     * The estimate used for {@code year}: that year's, else the latest earlier one (estimates are published a
     * year or two late, and a rate on last year's population is what councils publish meanwhile); empty when
     * the authority has none as old.
     */
    public Optional<Population> population(FinancialYear year) {
        return Optional.ofNullable(populations.floorEntry(year)).map(Map.Entry::getValue);
    }
}
