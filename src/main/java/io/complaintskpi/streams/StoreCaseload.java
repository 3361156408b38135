package io.complaintskpi.streams;

import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.lifecycle.CaseState;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The caseload from this instance's stores. Open or overdue: each local partition of {@code open-caseload}
 * most urgent first (the authority's own part when the query names one), merged, read until the page is full,
 * and its counts (the authority's) only when matches are left unread;
 * no case history. Every complaint: each local partition of {@code case-state} from the key after the cursor,
 * merged in key order, so a page decodes only the snapshots it reads, and replays nothing.
 */
final class StoreCaseload {

    private static final BytesSerializer BYTES = new BytesSerializer();
    private static final Deserializer<Caseload.Entry> ENTRIES = new CaseloadEntrySerde().deserializer();

    private final OpenList open;
    private final Supplier<List<CaseStore>> casePartitions;
    private final DomainRules rules;

    /** {@code open} answers the open and overdue lists; the whole list pages through {@code casePartitions}. */
    StoreCaseload(OpenList open, Supplier<List<CaseStore>> casePartitions, DomainRules rules) {
        this.open = open;
        this.casePartitions = casePartitions;
        this.rules = rules;
    }

    /** The service's read: the open lists from each local partition of {@code open-caseload}. */
    static StoreCaseload indexed(Supplier<List<ReadOnlyKeyValueStore<Bytes, byte[]>>> openCaseload,
                                 Supplier<List<CaseStore>> casePartitions, DomainRules rules) {
        return new StoreCaseload(query -> fromIndex(openCaseload.get(), query, rules), casePartitions, rules);
    }

    Caseload.Page read(Caseload.Query query) {
        if (query.status() != Caseload.Status.ALL) {
            return open.read(query);
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

    /** An open or overdue list. */
    interface OpenList {
        Caseload.Page read(Caseload.Query query);
    }

    private static Caseload.Page fromIndex(List<ReadOnlyKeyValueStore<Bytes, byte[]>> partitions,
                                           Caseload.Query query, DomainRules rules) {
        WorkingDayCalendar calendar = rules.dueDates().calendar();
        List<KeyValueIterator<Bytes, byte[]>> urgent = new ArrayList<>();
        try {
            Bytes prefix = OpenCaseloadKeySchema.urgentPrefix(query.authority());
            partitions.forEach(p -> urgent.add(p.prefixScan(prefix, BYTES)));
            return Caseload.open(mapped(new Merged(urgent), kv -> ENTRIES.deserialize(null, kv.value)),
                    () -> partitions.stream().mapToInt(p -> count(p, query, calendar)).sum(), query, calendar);
        } finally {
            urgent.forEach(KeyValueIterator::close);
        }
    }

    /** The matches among one partition's counts: one authority's when the query names one. */
    private static int count(ReadOnlyKeyValueStore<Bytes, byte[]> partition, Caseload.Query query,
                             WorkingDayCalendar calendar) {
        try (KeyValueIterator<Bytes, byte[]> counts =
                     partition.prefixScan(OpenCaseloadKeySchema.countPrefix(query.authority()), BYTES)) {
            return Caseload.count(mapped(counts, kv -> new Caseload.Counted(OpenCaseloadKeySchema.tally(kv.key),
                    OpenCaseloadKeySchema.count(kv.value))), query, calendar);
        }
    }

    private static <A, B> Iterator<B> mapped(Iterator<A> from, Function<A, B> map) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return from.hasNext();
            }

            @Override
            public B next() {
                return map.apply(from.next());
            }
        };
    }

    /** The partitions' entries as one sequence in key order (RocksDB's: unsigned bytes), each taken only when asked. */
    private static final class Merged implements Iterator<KeyValue<Bytes, byte[]>> {

        private final List<KeyValueIterator<Bytes, byte[]>> partitions;

        Merged(List<KeyValueIterator<Bytes, byte[]>> partitions) {
            this.partitions = partitions;
        }

        @Override
        public boolean hasNext() {
            return first() != null;
        }

        @Override
        public KeyValue<Bytes, byte[]> next() {
            KeyValueIterator<Bytes, byte[]> first = first();
            if (first == null) {
                throw new NoSuchElementException();
            }
            return first.next();
        }

        private KeyValueIterator<Bytes, byte[]> first() {
            KeyValueIterator<Bytes, byte[]> first = null;
            for (KeyValueIterator<Bytes, byte[]> partition : partitions) {
                if (partition.hasNext()
                        && (first == null || partition.peekNextKey().compareTo(first.peekNextKey()) < 0)) {
                    first = partition;
                }
            }
            return first;
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
