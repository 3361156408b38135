package io.complaintskpi.streams;

import io.complaintskpi.alerts.Alert;

/** What the lifecycle step emits: KPI deltas to aggregate, and alerts to publish. */
sealed interface LifecycleOutput {

    /** Add {@code amount} (may be negative) to the daily bucket named by the record key. */
    record Contribution(long amount) implements LifecycleOutput {
    }

    record Raised(Alert alert) implements LifecycleOutput {
    }
}
