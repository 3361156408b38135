package io.complaintskpi.streams;

import io.complaintskpi.drilldown.Balances;
import io.complaintskpi.drilldown.DrillDown;
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
 * {@code limit} of all partitions' entries become rows, each built from its key's state in the same partition.
 * So a page costs its limit times the dimensions asked, never the history. A balance's list reads its spans
 * ending after the day ({@link Balances}), passing over at most {@link DrillDown#PASSED_OVER_PER_PAGE}.
 */
final class StoreContributors {

    /** One partition of the lifecycle's stores: the index and the cases of the same keys. */
    record Partition(ReadOnlyKeyValueStore<String, Long> index, CaseStore cases) {
    }

    private final Supplier<List<Partition>> partitions;

    StoreContributors(Supplier<List<Partition>> partitions) {
        this.partitions = partitions;
    }

    DrillDown.Page read(DrillDown.Query query) {
        List<DrillDown.Read<Read>> reads = new ArrayList<>();
        for (Partition partition : partitions.get()) {
            reads.add(query.atEnd() ? readBalance(partition, query) : read(partition, query));
        }
        DrillDown.Merged<Read> page = DrillDown.merge(query.limit(), reads, read -> read.entry.position());
        List<DrillDown.Row> rows = page.rows().stream().map(read -> DrillDown.row(read.entry,
                read.partition.cases().state(read.entry.key().reference()), query.metric())).toList();
        return new DrillDown.Page(rows, page.next());
    }

    private record Read(Partition partition, DrillDown.Entry entry) {
    }

    /**
     * The entries of one partition after the query's position, in list order: {@code limit} and one more when
     * there are, which tells whether a page follows.
     */
    private static DrillDown.Read<Read> read(Partition partition, DrillDown.Query query) {
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
        return new DrillDown.Read<>(entries, null);
    }

    /**
     * The keys of one partition in a balance at the end of the query's day: its spans that end after the day, in
     * list order, keeping those that start by then, until {@code limit} and one more are kept or
     * {@link DrillDown#PASSED_OVER_PER_PAGE} are passed over (then it says where it stopped).
     */
    private static DrillDown.Read<Read> readBalance(Partition partition, DrillDown.Query query) {
        List<Read> entries = new ArrayList<>();
        String from = Balances.endingAfter(query.authority(), query.metric(), query.to());
        String after = query.after() == null ? null
                : ContributorKey.at(query.authority(), query.metric(), query.after());
        int passedOver = 0;
        try (KeyValueIterator<String, Long> it = partition.index().range(
                after != null && after.compareTo(from) > 0 ? after : from,
                Balances.last(query.authority(), query.metric()))) {
            while (it.hasNext() && entries.size() <= query.limit()) {
                KeyValue<String, Long> kv = it.next();
                if (kv.key.equals(after)) {
                    continue;
                }
                ContributorKey span = ContributorKey.decode(kv.key);
                if (Balances.holdsAt(span, query.to())) {
                    entries.add(new Read(partition, new DrillDown.Entry(span, kv.value)));
                } else if (++passedOver >= DrillDown.PASSED_OVER_PER_PAGE) {
                    return new DrillDown.Read<>(entries, span.position());
                }
            }
        }
        return new DrillDown.Read<>(entries, null);
    }
}
