package io.complaintskpi.report;

import io.complaintskpi.rules.FinancialYear;

import java.util.OptionalLong;

/**
 * What a report knows of an authority beyond its figures: its display name for the title and, where known, its
 * resident population (for the Ombudsman's upheld decisions per 100,000 residents). Today the configured
 * {@code authority.names} ({@code ServiceConfig::authorityName}) and no populations; an authorities reference topic
 * would be another source behind the same seam.
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
