package io.complaintskpi.streams;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.series.KpiKey;

import java.util.Map;

/** What the lifecycle step emits: KPI deltas to aggregate, and alerts to publish. */
sealed interface LifecycleOutput {

    /** Add each amount (may be negative) to its daily bucket; every bucket of the authority the record key names. */
    record Contributions(Map<KpiKey, Long> deltas) implements LifecycleOutput {
    }

    record Raised(Alert alert) implements LifecycleOutput {
    }
}
