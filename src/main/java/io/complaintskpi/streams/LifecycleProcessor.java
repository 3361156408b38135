package io.complaintskpi.streams;

import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.AlertKind;
import io.complaintskpi.alerts.DeadlineWatch;
import io.complaintskpi.alerts.PendingAlert;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.InvalidEventException;
import io.complaintskpi.kpi.Contributions;
import io.complaintskpi.kpi.KpiKey;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.Complaint;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.complaintskpi.events.EventEnvelope.LONDON;

/**
 * Validates each event, applies it to its key's history, emits the KPI deltas it causes and keeps the
 * deadline index. Anything thrown before the stores are touched sends the record to the dead-letter topic
 * (Kafka Streams' own handler, KIP-1034) and leaves the state as it was.
 */
final class LifecycleProcessor implements Processor<String, byte[], String, LifecycleOutput> {

    private final DomainRules rules;
    private final Duration scanInterval;
    private ProcessorContext<String, LifecycleOutput> context;
    private KeyValueStore<String, CaseHistory> histories;
    private KeyValueStore<String, PendingAlert> deadlineIndex;
    private KeyValueStore<String, Alert> openAlerts;

    LifecycleProcessor(DomainRules rules, Duration scanInterval) {
        this.rules = rules;
        this.scanInterval = scanInterval;
    }

    @Override
    public void init(ProcessorContext<String, LifecycleOutput> context) {
        this.context = context;
        this.histories = context.getStateStore(Names.CASE_HISTORY_STORE);
        this.deadlineIndex = context.getStateStore(Names.DEADLINE_INDEX_STORE);
        this.openAlerts = context.getStateStore(Names.OPEN_ALERTS_STORE);
        context.schedule(scanInterval, PunctuationType.WALL_CLOCK_TIME, this::raiseDueAlerts);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        EventEnvelope event = rules.codec().decode(record.value());
        if (!event.complaintId().equals(record.key())) {
            throw new InvalidEventException("record key '" + record.key() + "' must equal complaintId '"
                    + event.complaintId() + "'");
        }
        CaseHistory history = histories.get(record.key());
        if (history == null) {
            history = CaseHistory.empty();
        }
        if (history.contains(event.eventId())) {
            return; // a redelivered or republished event: counted once already
        }
        CaseHistory next = history.with(event);
        CaseState after = rules.machine().replay(record.key(), next);
        CaseState before = rules.machine().replay(record.key(), history);
        Map<KpiKey, Long> delta = Contributions.delta(
                rules.contributions().of(before), rules.contributions().of(after));

        histories.put(record.key(), next);
        delta.forEach((key, amount) -> context.forward(
                record.withKey(key.encode()).withValue(new LifecycleOutput.Contribution(amount))));
        reindexDeadlines(before, after, record.timestamp());
    }

    private void reindexDeadlines(CaseState before, CaseState after, long timestamp) {
        Set<PendingAlert> old = new HashSet<>(rules.deadlineWatch().pending(before));
        Set<PendingAlert> now = new HashSet<>(rules.deadlineWatch().pending(after));
        for (PendingAlert gone : old) {
            if (!now.contains(gone)) {
                deadlineIndex.delete(gone.indexKey());
            }
        }
        for (PendingAlert added : now) {
            // Once per stage and kind: an alert already raised is not scheduled again.
            if (!old.contains(added) && openAlerts.get(added.alertId()) == null) {
                deadlineIndex.put(added.indexKey(), added);
            }
        }
        clearAlertsThatNoLongerApply(after, timestamp);
    }

    private void clearAlertsThatNoLongerApply(CaseState state, long timestamp) {
        if (state.complaint() == null) {
            return;
        }
        List<KeyValue<String, Alert>> finished = new ArrayList<>();
        try (KeyValueIterator<String, Alert> it = openAlerts.prefixScan(state.key() + "|",
                new StringSerializer())) {
            it.forEachRemaining(kv -> {
                if (!DeadlineWatch.stillApplies(kv.value, state)) {
                    finished.add(kv);
                }
            });
        }
        for (KeyValue<String, Alert> kv : finished) {
            Alert raised = kv.value;
            openAlerts.delete(kv.key);
            Alert cleared = new Alert(AlertKind.CLEARED, raised.complaintId(), raised.authority(), raised.regime(),
                    raised.serviceArea(), raised.stage(), raised.dueDate(), raised.workingDaysOverdue(),
                    Instant.ofEpochMilli(context.currentSystemTimeMs()), raised.kind());
            context.forward(new Record<>(raised.complaintId(), new LifecycleOutput.Raised(cleared), timestamp));
        }
    }

    /** Wall-clock scan: costs what has come due, not what is open. */
    private void raiseDueAlerts(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        LocalDate today = now.atZone(LONDON).toLocalDate();
        List<KeyValue<String, PendingAlert>> due = new ArrayList<>();
        try (KeyValueIterator<String, PendingAlert> it = deadlineIndex.range(null, today + "|\uffff")) {
            it.forEachRemaining(due::add);
        }
        for (KeyValue<String, PendingAlert> kv : due) {
            PendingAlert pending = kv.value;
            deadlineIndex.delete(kv.key);
            CaseState state = rules.machine().replay(pending.complaintId(), histories.get(pending.complaintId()));
            Complaint complaint = state.complaint();
            int overdue = pending.kind() == AlertKind.AT_RISK ? 0
                    : rules.dueDates().calendar().workingDaysBetween(pending.dueDate(), today);
            Alert alert = new Alert(pending.kind(), pending.complaintId(), state.authority(),
                    complaint.regime().name(), complaint.serviceArea(), pending.stage(), pending.dueDate(), overdue,
                    now, null);
            openAlerts.put(pending.alertId(), alert);
            context.forward(new Record<>(alert.complaintId(), new LifecycleOutput.Raised(alert), wallClockMs));
        }
    }
}
