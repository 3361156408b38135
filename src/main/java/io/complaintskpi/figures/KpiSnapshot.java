package io.complaintskpi.figures;

import io.complaintskpi.rules.Period;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Every KPI of one authority for a period, each with the prior period ({@link Period#previous()}) beside it. */
public record KpiSnapshot(String authority, Period period, Period priorPeriod, List<Figure> figures) {

    public KpiSnapshot {
        figures = List.copyOf(figures);
    }

    /** A single-figure KPI. */
    public Figure figure(String id) {
        return find(id, null).orElseThrow(() -> new IllegalArgumentException("no single figure '" + id + "'"));
    }

    /** One dimension of a broken-down KPI (a dimension with no data in either period is absent). */
    public Optional<Figure> find(String id, String dimension) {
        return figures.stream().filter(f -> f.id().equals(id) && Objects.equals(f.dimension(), dimension)).findFirst();
    }

    /** Every figure of a KPI: one, or one per dimension in display order. */
    public List<Figure> all(String id) {
        return figures.stream().filter(f -> f.id().equals(id)).toList();
    }
}
