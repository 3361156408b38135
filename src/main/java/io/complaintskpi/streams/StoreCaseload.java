package io.complaintskpi.streams;

import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.domain.DomainRules;
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
 * Every complaint: each local partition of {@code case-state} from the key after the cursor, merged in key
 * order, so a page decodes only the snapshots it reads, and replays nothing.
 */
final class StoreCaseload {

    private final Supplier<ReadOnlyKeyValueStore<String, Caseload.Entry>> open;
    private final Supplier<List<CaseStore>> casePartitions;
    private final DomainRules rules;

    StoreCaseload(Supplier<ReadOnlyKeyValueStore<String, Caseload.Entry>> open,
                  Supplier<List<CaseStore>> casePartitions, DomainRules rules) {
        this.open = open;
        this.casePartitions = casePartitions;
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
        List<Partition> partitions = new ArrayList<>();
        try {
            for (CaseStore cases : casePartitions.get()) {
                partitions.add(new Partition(cases, cases.statesFrom(query.after())));
            }
            return Caseload.all(new InKeyOrder(partitions, query.after()), query, rules.dueDates());
        } finally {
            partitions.forEach(partition -> partition.snapshots().close());
        }
    }

    /** One partition's cases and its snapshots from the cursor on. */
    private record Partition(CaseStore cases, KeyValueIterator<String, byte[]> snapshots) {
    }

    /** The partitions' states after {@code after} as one sequence in key order, each decoded only when taken. */
    private static final class InKeyOrder implements Iterator<CaseState> {

        private final List<Partition> partitions;
        private final String after;

        InKeyOrder(List<Partition> partitions, String after) {
            this.partitions = partitions;
            this.after = after;
        }

        @Override
        public boolean hasNext() {
            return first() != null;
        }

        @Override
        public CaseState next() {
            Partition first = first();
            if (first == null) {
                throw new NoSuchElementException();
            }
            var kv = first.snapshots().next();
            return first.cases().snapshot(kv.key, kv.value).state();
        }

        /** The partition whose next key comes first; the cursor's own key (ranges include it) is passed over. */
        private Partition first() {
            Partition first = null;
            for (Partition partition : partitions) {
                KeyValueIterator<String, byte[]> snapshots = partition.snapshots();
                if (snapshots.hasNext() && snapshots.peekNextKey().equals(after)) {
                    snapshots.next();
                }
                if (snapshots.hasNext()
                        && (first == null || snapshots.peekNextKey().compareTo(first.snapshots().peekNextKey()) < 0)) {
                    first = partition;
                }
            }
            return first;
        }
    }
}
