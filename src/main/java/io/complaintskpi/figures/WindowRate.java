package io.complaintskpi.figures;

import java.time.LocalDate;

/** A rate over the {@code days} days ending on {@code end} (inclusive). */
public record WindowRate(String id, int days, LocalDate end, Rate rate) {
}
