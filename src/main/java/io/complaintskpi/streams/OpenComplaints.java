package io.complaintskpi.streams;

import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.DueDates;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Optional;

/**
 * The {@code open-complaints} index, written in the same step as the case history: a key is there exactly
 * while its complaint's current stage is open, with the entry its caseload row is built from. An event that
 * leaves the entry as it was writes nothing (no changelog record).
 */
final class OpenComplaints {

    private final KeyValueStore<String, Caseload.Entry> store;
    private final DueDates dueDates;

    OpenComplaints(KeyValueStore<String, Caseload.Entry> store, DueDates dueDates) {
        this.store = store;
        this.dueDates = dueDates;
    }

    void follow(CaseState before, CaseState after) {
        Optional<Caseload.Entry> now = Caseload.entry(after, dueDates);
        if (now.equals(Caseload.entry(before, dueDates))) {
            return;
        }
        now.ifPresentOrElse(entry -> store.put(after.key(), entry), () -> store.delete(after.key()));
    }
}
