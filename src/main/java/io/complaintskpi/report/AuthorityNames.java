package io.complaintskpi.report;

import io.complaintskpi.rules.FinancialYear;

import java.util.OptionalLong;

/**
 * What a report knows of an authority beyond its figures: its display name for the title and, where known, its
 * resident population (for the Ombudsman's upheld decisions per 100,000 residents). The service answers from the
 * authorities reference data, the name falling back to the {@code authority.names} setting
 * ({@code Authorities.nameOf}); the offline {@code report} command from the setting alone, with no populations.
 */
@FunctionalInterface
public interface AuthorityNames {

    /** The authority's display name, or its code when it has none. */
    String nameOf(String code);

    /** The authority's residents in the financial year (its mid-year estimate); empty when not known. */
    default OptionalLong residents(String code, FinancialYear year) {
        return OptionalLong.empty();
    }
}
