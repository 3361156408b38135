package io.complaintskpi.authorities;

/**
 * An authority's population estimate for one financial year: everyone resident and those under 18 (the
 * children's social care rates are per 10,000 children, the Ombudsman's per 100,000 residents).
 */
public record Population(long residents, long children) {

    public Population {
        if (residents <= 0 || children < 0 || children > residents) {
            throw new IllegalArgumentException("a population needs residents > 0 and 0 <= children <= residents, got "
                    + residents + " residents and " + children + " children");
        }
    }
}
