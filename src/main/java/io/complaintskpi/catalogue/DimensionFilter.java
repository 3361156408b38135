package io.complaintskpi.catalogue;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** Which dimensions of a series a figure adds up: all of them, only some, or all but some. */
public record DimensionFilter(Set<String> dimensions, boolean excluding) {

    public DimensionFilter {
        // Sorted, so the KPI catalogue serialises the same way in every process.
        dimensions = Collections.unmodifiableSortedSet(new TreeSet<>(dimensions));
    }

    public static DimensionFilter all() {
        return new DimensionFilter(Set.of(), true);
    }

    public static DimensionFilter only(String... dimensions) {
        return new DimensionFilter(Set.of(dimensions), false);
    }

    public static DimensionFilter only(Enum<?>... values) {
        return only(Arrays.stream(values).map(Enum::name).toArray(String[]::new));
    }

    public static DimensionFilter except(String... dimensions) {
        return new DimensionFilter(Set.of(dimensions), true);
    }

    public boolean test(String dimension) {
        return dimensions.contains(dimension) != excluding;
    }
}
