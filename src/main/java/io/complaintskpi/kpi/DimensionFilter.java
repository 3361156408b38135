package io.complaintskpi.kpi;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** Which dimensions of a series a figure adds up: all of them, only some, or all but some. */
public record DimensionFilter(Set<String> dimensions, boolean excluding) {

    public DimensionFilter {
        dimensions = Set.copyOf(dimensions);
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

    /** For documentation: "all", "within10 + within20", "all but ESCALATED_UNRESPONDED". */
    public String describe() {
        String listed = String.join(" + ", new TreeSet<>(dimensions));
        if (excluding) {
            return dimensions.isEmpty() ? "all" : "all but " + listed;
        }
        return listed;
    }
}
