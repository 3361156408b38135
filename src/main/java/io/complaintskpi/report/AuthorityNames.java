package io.complaintskpi.report;

/**
 * Where a report finds an authority's display name for its title. Today the configured {@code authority.names}
 * ({@code ServiceConfig::authorityName}); an authorities reference topic would be another source behind the same
 * seam.
 */
@FunctionalInterface
public interface AuthorityNames {

    /** The authority's display name, or its code when it has none. */
    String nameOf(String code);
}
