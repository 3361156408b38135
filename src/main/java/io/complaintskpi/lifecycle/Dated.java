package io.complaintskpi.lifecycle;

import java.time.LocalDate;

/** A value with the business date it happened on. */
public record Dated<T>(LocalDate on, T value) {
}
