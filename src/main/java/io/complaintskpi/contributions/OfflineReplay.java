package io.complaintskpi.contributions;

import io.complaintskpi.series.InMemorySeriesReader;
import io.complaintskpi.series.KpiKey;

import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.LifecycleMachine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The topology's figures without Kafka: folds events, in arrival order, through the same
 * {@link CaseStep}, key by key. As in the topology, a redelivered event (same eventId)
 * counts once and an event the lifecycle rejects, or that the step fails on (an internal error), leaves its
 * key's state as it was (the topology dead-letters it; here it is listed with its reason). Build the parts as {@code app.DomainWiring} does.
 */
public final class OfflineReplay {

    private final CaseStep step;

    public OfflineReplay(LifecycleMachine machine, Contributions contributions) {
        this.step = new CaseStep(machine, contributions);
    }

    /** An event left out, with the reason the topology would dead-letter it. */
    public record Rejection(EventEnvelope event, String reason) {
    }

    /** The buckets the events add up to, what was left out, and each key's accepted history at the end. */
    public record Result(InMemorySeriesReader series, int accepted, int duplicates, List<Rejection> rejected,
                         Map<String, CaseHistory> histories) {
        public Result {
            rejected = List.copyOf(rejected);
            histories = Map.copyOf(histories);
        }
    }

    public Result replay(List<EventEnvelope> events) {
        Map<String, InMemoryCase> cases = new HashMap<>();
        // Summed as the topology's KPI store sums them: the deltas of every accepted event.
        Map<KpiKey, Long> buckets = new HashMap<>();
        List<Rejection> rejected = new ArrayList<>();
        int accepted = 0;
        int duplicates = 0;
        for (EventEnvelope event : events) {
            CaseStep.Outcome outcome = cases.computeIfAbsent(event.complaintId(), InMemoryCase::new).apply(step, event);
            if (outcome instanceof CaseStep.Duplicate) {
                duplicates++;
            } else if (outcome instanceof CaseStep.Rejected rejection) {
                rejected.add(new Rejection(event, String.valueOf(rejection.reason().getMessage())));
            } else if (outcome instanceof CaseStep.Failed failed) {
                rejected.add(new Rejection(event, failed.error().getMessage()));
            } else if (outcome instanceof CaseStep.Applied applied) {
                applied.delta().forEach((bucket, amount) -> buckets.merge(bucket, amount, Long::sum));
                accepted++;
            }
        }
        Map<String, CaseHistory> histories = new HashMap<>();
        cases.forEach((key, kept) -> {
            if (kept.snapshot().state() != null) {
                histories.put(key, kept.history());
            }
        });
        return new Result(new InMemorySeriesReader(buckets), accepted, duplicates, rejected, histories);
    }
}
