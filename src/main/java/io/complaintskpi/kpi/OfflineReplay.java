package io.complaintskpi.kpi;

import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.LifecycleMachine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topology's figures without Kafka: folds events, in arrival order, through the same lifecycle
 * machine and contribution function, key by key. As in the topology, a redelivered event (same eventId)
 * counts once and an event the lifecycle rejects leaves its key's state as it was (the topology
 * dead-letters it; here it is listed). Build the parts as {@code app.DomainWiring} does.
 */
public final class OfflineReplay {

    private final LifecycleMachine machine;
    private final Contributions contributions;

    public OfflineReplay(LifecycleMachine machine, Contributions contributions) {
        this.machine = machine;
        this.contributions = contributions;
    }

    /** An event left out, with the reason the topology would dead-letter it. */
    public record Rejection(EventEnvelope event, String reason) {
    }

    /** The buckets the events add up to, and what was left out. */
    public record Result(InMemorySeriesReader series, int accepted, int duplicates, List<Rejection> rejected) {
        public Result {
            rejected = List.copyOf(rejected);
        }
    }

    public Result replay(List<EventEnvelope> events) {
        Map<String, CaseHistory> histories = new LinkedHashMap<>();
        List<Rejection> rejected = new ArrayList<>();
        int accepted = 0;
        int duplicates = 0;
        for (EventEnvelope event : events) {
            String key = event.complaintId();
            CaseHistory history = histories.getOrDefault(key, CaseHistory.empty());
            if (history.contains(event.eventId())) {
                duplicates++;
                continue;
            }
            CaseHistory next = history.with(event);
            try {
                contributions.of(machine.replay(key, next));
            } catch (RuntimeException e) {
                // The topology's processing-exception handler dead-letters whatever throws here.
                rejected.add(new Rejection(event, String.valueOf(e.getMessage())));
                continue;
            }
            histories.put(key, next);
            accepted++;
        }
        Map<KpiKey, Long> buckets = new HashMap<>();
        histories.forEach((key, history) -> {
            CaseState state = machine.replay(key, history);
            contributions.of(state).forEach((bucket, amount) -> buckets.merge(bucket, amount, Long::sum));
        });
        return new Result(new InMemorySeriesReader(buckets), accepted, duplicates, rejected);
    }
}
