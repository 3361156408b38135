package io.complaintskpi.report;

/**
 * Where a report finds an authority's display name for its title: the service answers from the authorities
 * reference data, falling back to the {@code authority.names} setting ({@code Authorities.nameOf}); the offline
 * {@code report} command from the setting alone.
 */
@FunctionalInterface
public interface AuthorityNames {

    /** The authority's display name, or its code when it has none. */
    String nameOf(String code);
}
