package io.complaintskpi.disclosure;

import io.complaintskpi.catalogue.KpiDefinition.Unit;

/** A figure as published: current and prior values, change and % change, each a {@link Cell}. */
public record DisclosedFigure(String id, String dimension, Unit unit, Cell current, Cell prior, Cell change,
                              Cell percentChange) {
}
