package io.complaintskpi.disclosure;

import io.complaintskpi.rules.Period;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A {@link KpiSnapshot} as cells, after disclosure control when {@code publicOutput} is set. */
public record DisclosedSnapshot(String authority, Period period, Period priorPeriod, boolean publicOutput,
                                List<DisclosedFigure> figures) {

    public DisclosedSnapshot {
        figures = List.copyOf(figures);
    }

    public DisclosedFigure figure(String id) {
        return find(id, null).orElseThrow(() -> new IllegalArgumentException("no single figure '" + id + "'"));
    }

    public Optional<DisclosedFigure> find(String id, String dimension) {
        return figures.stream().filter(f -> f.id().equals(id) && Objects.equals(f.dimension(), dimension))
                .findFirst();
    }

    /** Every figure of a KPI: one, or one per dimension in display order. */
    public List<DisclosedFigure> all(String id) {
        return figures.stream().filter(f -> f.id().equals(id)).toList();
    }
}
