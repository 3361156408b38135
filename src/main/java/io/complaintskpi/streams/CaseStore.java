package io.complaintskpi.streams;

import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.CaseHistoryCodec;
import io.complaintskpi.lifecycle.CaseSnapshot;
import io.complaintskpi.lifecycle.CaseSnapshotCodec;
import io.complaintskpi.lifecycle.CaseState;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A case as the lifecycle keeps it, in two stores of the same partition: {@code case-state} (the reference ->
 * its {@link CaseSnapshot}: the derived state, read at every event) and {@code case-events} (one entry per
 * accepted event, {@link CaseEventKeySchema}: the history, read by prefix only when an event does not come after
 * every stored one, or for a complaint's story). A snapshot that cannot be read (another format, broken bytes)
 * is rebuilt from the case's events by replay, so it costs a replay, never a crash or a lost case.
 */
final class CaseStore {

    private static final Logger LOG = LoggerFactory.getLogger(CaseStore.class);

    private final ReadOnlyKeyValueStore<String, byte[]> states;
    private final ReadOnlyKeyValueStore<Bytes, byte[]> events;
    private final DomainRules rules;
    private final CaseSnapshotCodec snapshots;
    private final CaseHistoryCodec histories;

    CaseStore(ReadOnlyKeyValueStore<String, byte[]> states, ReadOnlyKeyValueStore<Bytes, byte[]> events,
              DomainRules rules) {
        this.states = states;
        this.events = events;
        this.rules = rules;
        this.snapshots = new CaseSnapshotCodec(rules.codec());
        this.histories = new CaseHistoryCodec(rules.codec());
    }

    /** The case's snapshot ({@link CaseSnapshot#EMPTY} for a reference with no accepted event). */
    CaseSnapshot snapshot(String key) {
        byte[] stored = states.get(key);
        return stored == null ? CaseSnapshot.EMPTY : snapshot(key, stored);
    }

    /** The snapshot {@code stored} holds, or the one rebuilt from the case's events if it cannot be read. */
    CaseSnapshot snapshot(String key, byte[] stored) {
        try {
            return snapshots.decode(key, stored);
        } catch (UncheckedIOException unreadable) {
            LOG.warn("case {}: {}; rebuilt from its events", key, unreadable.getCause().getMessage());
            return CaseSnapshot.of(key, history(key), rules.machine());
        }
    }

    /** The case's state (null for a reference with no accepted event): no replay. */
    CaseState state(String key) {
        return snapshot(key).state();
    }

    /** The case's accepted events in business-time order: one prefix scan. */
    CaseHistory history(String key) {
        List<EventEnvelope> accepted = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = events.prefixScan(CaseEventKeySchema.prefix(key),
                new BytesSerializer())) {
            it.forEachRemaining(kv -> accepted.add(histories.decodeEvent(kv.value)));
        }
        return CaseHistory.of(accepted);
    }

    /** The snapshots in key order from the reference after {@code after} (null: from the first). */
    KeyValueIterator<String, byte[]> statesFrom(String after) {
        return states.range(after, null);
    }

    byte[] stored(CaseSnapshot snapshot) {
        return snapshots.encode(snapshot);
    }

    byte[] stored(EventEnvelope event) {
        return histories.encodeEvent(event);
    }
}
