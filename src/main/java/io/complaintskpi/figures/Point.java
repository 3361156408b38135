package io.complaintskpi.figures;

import java.time.LocalDate;

/**
 * One bucket of a time series. The first and last buckets may be cut by the period: a week starting
 * before the period counts only the period's days, but is labelled by its Monday.
 */
public record Point(LocalDate bucketStart, long value) {
}
