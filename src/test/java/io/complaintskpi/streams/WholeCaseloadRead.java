package io.complaintskpi.streams;

import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.alerts.CaseloadReference;
import io.complaintskpi.domain.DomainRules;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;

/** The caseload's reference read for tests: every entry of {@code open-complaints}, listed by definition. */
final class WholeCaseloadRead {

    private WholeCaseloadRead() {
    }

    static StoreCaseload of(ReadOnlyKeyValueStore<String, Caseload.Entry> open, DomainRules rules) {
        return new StoreCaseload(query -> {
            List<Caseload.Entry> entries = new ArrayList<>();
            try (KeyValueIterator<String, Caseload.Entry> it = open.all()) {
                it.forEachRemaining(kv -> entries.add(kv.value));
            }
            return CaseloadReference.open(entries, query, rules.dueDates().calendar());
        }, List::of, rules);
    }
}
