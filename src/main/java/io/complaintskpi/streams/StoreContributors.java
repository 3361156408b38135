package io.complaintskpi.streams;

import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.drilldown.DrillDown;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.series.ContributorKey;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The keys behind a figure from this instance's partitions of {@code kpi-contributors}. Each partition reads
 * its dimensions' ranges in list order from the page's position until it has {@code limit} entries; the first
 * {@code limit} of all partitions' entries become rows, each built from its key's history in the same partition. So a page costs its
 * limit times the dimensions asked, never the history.
 */
final class StoreContributors {

    /** One partition of the lifecycle's stores: the index and the histories of the same keys. */
    record Partition(ReadOnlyKeyValueStore<String, Long> index, ReadOnlyKeyValueStore<String, CaseHistory> histories) {
    }

    private final Supplier<List<Partition>> partitions;
    private final DomainRules rules;

    StoreContributors(Supplier<List<Partition>> partitions, DomainRules rules) {
        this.partitions = partitions;
        this.rules = rules;
    }

    DrillDown.Page read(DrillDown.Query query) {
        List<Partition> local = partitions.get();
        List<List<Read>> reads = new ArrayList<>();
        for (Partition partition : local) {
            reads.add(read(partition, query));
        }
        int total = reads.stream().mapToInt(List::size).sum();
        List<Read> first = DrillDown.first(query, reads, (a, b) -> DrillDown.LIST_ORDER.compare(a.entry, b.entry));
        List<DrillDown.Row> rows = first.stream().map(read -> {
            CaseHistory history = read.partition.histories().get(read.entry.key().reference());
            return DrillDown.row(read.entry, history == null ? null
                    : rules.machine().replay(read.entry.key().reference(), history), query.metric());
        }).toList();
        boolean more = total > rows.size();
        return new DrillDown.Page(rows, more ? rows.get(rows.size() - 1).position() : null);
    }

    private record Read(Partition partition, DrillDown.Entry entry) {
    }

    /**
     * The entries of one partition after the query's position, in list order: {@code limit} and one more when
     * there are, which tells whether a page follows.
     */
    private static List<Read> read(Partition partition, DrillDown.Query query) {
        List<Read> entries = new ArrayList<>();
        String after = query.after() == null ? null
                : ContributorKey.at(query.authority(), query.metric(), query.after());
        // Dimensions in list order, so once a page's worth is read the later ones cannot come first.
        List<String> dimensions = query.dimensions().stream()
                .sorted(Comparator.comparing(d -> ContributorKey.from(query.authority(), query.metric(), d, query.from())))
                .toList();
        for (String dimension : dimensions) {
            if (entries.size() > query.limit()) {
                break;
            }
            String from = ContributorKey.from(query.authority(), query.metric(), dimension, query.from());
            String to = ContributorKey.upTo(query.authority(), query.metric(), dimension, query.to());
            if (after != null && after.compareTo(to) >= 0) {
                continue;
            }
            try (KeyValueIterator<String, Long> it = partition.index().range(
                    after != null && after.compareTo(from) > 0 ? after : from, to)) {
                while (it.hasNext() && entries.size() <= query.limit()) {
                    KeyValue<String, Long> kv = it.next();
                    if (kv.key.equals(after)) {
                        continue;
                    }
                    entries.add(new Read(partition, new DrillDown.Entry(ContributorKey.decode(kv.key), kv.value)));
                }
            }
        }
        return entries;
    }
}
