package io.complaintskpi.streams;

import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.DueDates;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Optional;

/**
 * The {@code open-complaints} index and the {@code open-caseload} store beside it, written in the same step as
 * the case history: a key is in {@code open-complaints} exactly while its complaint's current stage is open,
 * with the entry its caseload row is built from; {@code open-caseload} holds the same entry most urgent first,
 * among all and among its authority's, and the count of its {@link Caseload.Tally}. An event that leaves the
 * entry as it was writes nothing (no changelog record).
 */
final class OpenComplaints {

    private static final CaseloadEntrySerde ENTRIES = new CaseloadEntrySerde();

    private final KeyValueStore<String, Caseload.Entry> store;
    private final KeyValueStore<Bytes, byte[]> caseload;
    private final DueDates dueDates;

    OpenComplaints(KeyValueStore<String, Caseload.Entry> store, KeyValueStore<Bytes, byte[]> caseload,
                   DueDates dueDates) {
        this.store = store;
        this.caseload = caseload;
        this.dueDates = dueDates;
    }

    void follow(CaseState before, CaseState after) {
        Optional<Caseload.Entry> now = Caseload.entry(after, dueDates);
        if (now.equals(Caseload.entry(before, dueDates))) {
            return;
        }
        // The stored entry, not one worked out again from the state before: its keys are the ones to remove.
        Caseload.Entry was = store.get(after.key());
        if (was != null) {
            OpenCaseloadKeySchema.urgentKeys(was).forEach(caseload::delete);
            tally(was, -1);
        }
        now.ifPresentOrElse(entry -> {
            store.put(after.key(), entry);
            byte[] value = ENTRIES.serializer().serialize(null, entry);
            OpenCaseloadKeySchema.urgentKeys(entry).forEach(key -> caseload.put(key, value));
            tally(entry, 1);
        }, () -> store.delete(after.key()));
    }

    private void tally(Caseload.Entry entry, int change) {
        Bytes key = OpenCaseloadKeySchema.countKey(Caseload.Tally.of(entry));
        byte[] stored = caseload.get(key);
        int count = (stored == null ? 0 : OpenCaseloadKeySchema.count(stored)) + change;
        if (count > 0) {
            caseload.put(key, OpenCaseloadKeySchema.count(count));
        } else if (stored != null) {
            caseload.delete(key);
        }
    }
}
