package io.complaintskpi.report;

import io.complaintskpi.authorities.OmbudsmanAverage;
import io.complaintskpi.rules.FinancialYear;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a report knows of an authority beyond its figures: its display name for the title and, where known, its
 * resident population (for the Ombudsman's upheld decisions per 100,000 residents) and the averages the Ombudsman
 * published for its council type (the letter's "average of similar authorities"). The service answers from the
 * authorities reference data, the name falling back to the {@code authority.names} setting
 * ({@code Authorities.nameOf}); the offline {@code report} command from the setting alone, with no populations
 * and no averages.
 */
@FunctionalInterface
public interface AuthorityNames {

    /** The authority's display name, or its code when it has none. */
    String nameOf(String code);

    /** The authority's residents in the financial year (its mid-year estimate); empty when not known. */
    default OptionalLong residents(String code, FinancialYear year) {
        return OptionalLong.empty();
    }

    /** The Ombudsman's average of {@code measure} for the authority's council type in the year; empty when not held. */
    default Optional<OmbudsmanAverage> ombudsmanAverage(String code, FinancialYear year,
                                                        OmbudsmanAverage.Measure measure) {
        return Optional.empty();
    }
}
