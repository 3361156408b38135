package io.complaintskpi.authorities;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of English council the Ombudsman compares an authority with. Written in the contract as its
 * lower-case name with dashes ({@code metropolitan-borough}).
 */
public enum CouncilType {
    COUNTY, DISTRICT, METROPOLITAN_BOROUGH, UNITARY, LONDON_BOROUGH;

    /** As the contract writes it: {@code london-borough}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** As people read it: {@code London borough}. */
    public String label() {
        String words = code().replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1).replace("london", "London");
    }

    public static Optional<CouncilType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }
}
