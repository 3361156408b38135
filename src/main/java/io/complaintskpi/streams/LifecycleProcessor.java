package io.complaintskpi.streams;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.DeadlineWatch;
import io.complaintskpi.alerts.PendingAlert;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.contributions.CaseStep;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.series.KpiKey;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.complaintskpi.events.EventEnvelope.LONDON;

/**
 * Validates each event, runs the case step on its key's snapshot (the history read only for an event placed
 * before a stored one), keeps the event and the new snapshot, emits the KPI deltas it causes and keeps
 * the deadline index, open alerts, open complaints and the KPI contributors in step with the new state. Anything thrown before
 * the stores are touched sends the record to the dead-letter topic (Kafka Streams' own handler, KIP-1034)
 * and leaves the state as it was.
 */
final class LifecycleProcessor implements Processor<String, byte[], String, LifecycleOutput> {

    private final DomainRules rules;
    private final CaseStep step;
    private final Duration scanInterval;
    private final CatchUp catchUp;
    private final HistoryArrivals historyArrivals;
    private ProcessorContext<String, LifecycleOutput> context;
    private KeyValueStore<String, byte[]> states;
    private KeyValueStore<Bytes, byte[]> events;
    private CaseStore cases;
    private KeyValueStore<Bytes, byte[]> deadlineIndex;
    private KeyValueStore<Bytes, Alert> openAlerts;
    private OpenComplaints openComplaints;
    private ContributorIndex contributors;

    LifecycleProcessor(DomainRules rules, Duration scanInterval, CatchUp catchUp, HistoryArrivals historyArrivals) {
        this.rules = rules;
        this.step = new CaseStep(rules.machine(), rules.contributions());
        this.scanInterval = scanInterval;
        this.catchUp = catchUp;
        this.historyArrivals = historyArrivals;
    }

    @Override
    public void init(ProcessorContext<String, LifecycleOutput> context) {
        this.context = context;
        this.states = context.getStateStore(Names.CASE_STATE_STORE);
        this.events = context.getStateStore(Names.CASE_EVENTS_STORE);
        this.cases = new CaseStore(states, events, rules);
        this.deadlineIndex = context.getStateStore(Names.DEADLINE_INDEX_STORE);
        this.openAlerts = context.getStateStore(Names.OPEN_ALERTS_STORE);
        this.openComplaints = new OpenComplaints(context.getStateStore(Names.OPEN_COMPLAINTS_STORE),
                context.getStateStore(Names.OPEN_CASELOAD_STORE), rules.dueDates());
        this.contributors = new ContributorIndex(context.getStateStore(Names.KPI_CONTRIBUTORS_STORE));
        context.schedule(scanInterval, PunctuationType.WALL_CLOCK_TIME, this::raiseDueAlerts);
        historyArrivals.arrived(context.currentSystemTimeMs());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        EventEnvelope event = rules.codec().decodeRecord(record.key(), record.value());
        long now = context.currentSystemTimeMs();
        LocalDate today = Instant.ofEpochMilli(now).atZone(LONDON).toLocalDate();
        if (rules.settling().fromHistory(event.businessDate(), today)) {
            historyArrivals.arrived(now);
        }
        String key = record.key();
        CaseStep.Outcome outcome = step.apply(key, cases.snapshot(key), event, () -> cases.history(key));
        if (outcome instanceof CaseStep.Rejected rejected) {
            throw rejected.reason(); // dead-lettered with the rule's reason
        }
        if (outcome instanceof CaseStep.Failed failed) {
            throw failed.error(); // dead-lettered, logged with its trace and counted as an internal error
        }
        if (outcome instanceof CaseStep.Applied applied) {
            byte[] storedEvent = cases.stored(event); // both encoded before either store is touched
            byte[] snapshot = cases.stored(applied.snapshot());
            events.put(CaseEventKeySchema.key(key, event.eventId()), storedEvent);
            states.put(key, snapshot);
            openComplaints.follow(applied.before(), applied.after());
            contributors.follow(key, applied.delta(), applied.counted());
            forwardDeltas(record, applied.delta());
            followDeadlines(applied.before(), applied.after(), event.businessDate(), record.timestamp());
        }
        // A duplicate (same eventId) was counted once already: nothing to do.
    }

    /** One record per authority the deltas touch (a case's buckets are all its authority's: one record). */
    private void forwardDeltas(Record<String, byte[]> record, Map<KpiKey, Long> delta) {
        Map<String, Map<KpiKey, Long>> byAuthority = new TreeMap<>();
        delta.forEach((bucket, amount) -> byAuthority.computeIfAbsent(bucket.authority(), a -> new LinkedHashMap<>())
                .put(bucket, amount));
        byAuthority.forEach((authority, deltas) -> context.forward(record.withKey(KpiKey.prefix(authority))
                .withValue(new LifecycleOutput.Contributions(deltas))));
    }

    private void followDeadlines(CaseState before, CaseState after, LocalDate businessDate, long timestamp) {
        DeadlineWatch.Changes changes = rules.deadlineWatch().changes(before, after,
                id -> openAlerts.get(OpenAlertKeySchema.key(id)));
        // Each pending alert is in one part of the index or the other: read first, as a delete of a key that is not
        // there still writes a tombstone to the changelog (a third of the index's records in a load of history).
        changes.unschedule().forEach(gone -> {
            Bytes due = DeadlineIndexKeySchema.key(gone);
            Bytes settling = DeadlineIndexKeySchema.settlingKey(gone);
            if (deadlineIndex.get(due) != null) {
                deadlineIndex.delete(due);
            } else if (deadlineIndex.get(settling) != null) {
                deadlineIndex.delete(settling);
            }
        });
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        LocalDate today = now.atZone(LONDON).toLocalDate();
        changes.schedule().forEach(added -> deadlineIndex.put(rules.settling().holds(added, businessDate, today)
                ? DeadlineIndexKeySchema.settlingKey(added) : DeadlineIndexKeySchema.key(added),
                DeadlineIndexKeySchema.NO_VALUE));
        changes.over().forEach(alert -> clear(alert, now, timestamp));
    }

    private void clear(Alert alert, Instant now, long timestamp) {
        openAlerts.delete(OpenAlertKeySchema.key(alert.id()));
        context.forward(new Record<>(alert.complaintId(), new LifecycleOutput.Raised(alert.cleared(now)), timestamp));
    }

    /**
     * Wall-clock scan: costs what has come due, not what is open. Held while the task catches up on a
     * backlog, so it raises only what is still due once the stores describe the present; alerts a load of
     * history scheduled already overdue wait in their own part of the index until the load has settled.
     */
    private void raiseDueAlerts(long wallClockMs) {
        if (!catchUp.caughtUp(context.taskId().partition())) {
            return;
        }
        Instant now = Instant.ofEpochMilli(wallClockMs);
        LocalDate today = now.atZone(LONDON).toLocalDate();
        List<Bytes> due = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = deadlineIndex.range(DeadlineIndexKeySchema.firingFrom(),
                DeadlineIndexKeySchema.firingUpTo(today))) {
            it.forEachRemaining(kv -> due.add(kv.key));
        }
        if (rules.settling().settled(historyArrivals.last(), now)) {
            try (KeyValueIterator<Bytes, byte[]> it = deadlineIndex.prefixScan(
                    DeadlineIndexKeySchema.settlingPrefix(), new BytesSerializer())) {
                it.forEachRemaining(kv -> due.add(kv.key));
            }
        }
        for (Bytes key : due) {
            PendingAlert pending = DeadlineIndexKeySchema.pending(key);
            deadlineIndex.delete(key);
            CaseState state = cases.state(pending.complaintId());
            rules.deadlineWatch().raise(pending, state, today, now).ifPresent(alert -> {
                pending.supersedes().ifPresent(id -> {
                    Alert replaced = openAlerts.get(OpenAlertKeySchema.key(id));
                    if (replaced != null) {
                        clear(replaced, now, wallClockMs);
                    }
                });
                openAlerts.put(OpenAlertKeySchema.key(alert.id()), alert);
                context.forward(new Record<>(alert.complaintId(), new LifecycleOutput.Raised(alert), wallClockMs));
            });
        }
    }
}
