package io.complaintskpi.streams;

import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.CaseState;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The caseload from this instance's stores. Open or overdue: only the {@code open-complaints} index is read.
 * Every complaint: each local partition of {@code case-history} from the key after the cursor, merged in key
 * order, so a page decodes and replays only the histories it reads.
 */
final class StoreCaseload {

    private final Supplier<ReadOnlyKeyValueStore<String, Caseload.Entry>> open;
    private final Supplier<List<ReadOnlyKeyValueStore<String, CaseHistory>>> historyPartitions;
    private final DomainRules rules;

    StoreCaseload(Supplier<ReadOnlyKeyValueStore<String, Caseload.Entry>> open,
                  Supplier<List<ReadOnlyKeyValueStore<String, CaseHistory>>> historyPartitions, DomainRules rules) {
        this.open = open;
        this.historyPartitions = historyPartitions;
        this.rules = rules;
    }

    Caseload.Page read(Caseload.Query query) {
        if (query.status() != Caseload.Status.ALL) {
            List<Caseload.Entry> entries = new ArrayList<>();
            try (KeyValueIterator<String, Caseload.Entry> it = open.get().all()) {
                it.forEachRemaining(kv -> entries.add(kv.value));
            }
            return Caseload.open(entries, query, rules.dueDates().calendar());
        }
        List<KeyValueIterator<String, CaseHistory>> partitions = new ArrayList<>();
        try {
            for (ReadOnlyKeyValueStore<String, CaseHistory> store : historyPartitions.get()) {
                partitions.add(store.range(query.after(), null));
            }
            return Caseload.all(new InKeyOrder(partitions, query.after()), query, rules.dueDates());
        } finally {
            partitions.forEach(KeyValueIterator::close);
        }
    }

    /** The partitions' histories after {@code after} as one sequence in key order, each replayed only when taken. */
    private final class InKeyOrder implements Iterator<CaseState> {

        private final List<KeyValueIterator<String, CaseHistory>> partitions;
        private final String after;

        InKeyOrder(List<KeyValueIterator<String, CaseHistory>> partitions, String after) {
            this.partitions = partitions;
            this.after = after;
        }

        @Override
        public boolean hasNext() {
            return first() != null;
        }

        @Override
        public CaseState next() {
            KeyValueIterator<String, CaseHistory> first = first();
            if (first == null) {
                throw new NoSuchElementException();
            }
            var kv = first.next();
            return rules.machine().replay(kv.key, kv.value);
        }

        /** The partition whose next key comes first; the cursor's own key (ranges include it) is passed over. */
        private KeyValueIterator<String, CaseHistory> first() {
            KeyValueIterator<String, CaseHistory> first = null;
            for (KeyValueIterator<String, CaseHistory> partition : partitions) {
                if (partition.hasNext() && partition.peekNextKey().equals(after)) {
                    partition.next();
                }
                if (partition.hasNext()
                        && (first == null || partition.peekNextKey().compareTo(first.peekNextKey()) < 0)) {
                    first = partition;
                }
            }
            return first;
        }
    }
}
