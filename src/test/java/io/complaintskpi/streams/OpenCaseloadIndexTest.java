package io.complaintskpi.streams;

import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.testing.ContractEvents;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.complaintskpi.testing.ContractEvents.event;
import static io.complaintskpi.testing.ContractEvents.received;
import static io.complaintskpi.testing.ContractEvents.responded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open caseload from {@code open-caseload}, read as three partitions: every answer is the one the whole
 * {@code open-complaints} index gives, a page decodes only the entries up to its last row (and what its filters
 * pass over), the count reads one key per tally rather than one per complaint, and the store empties as the
 * complaints close.
 */
class OpenCaseloadIndexTest {

    private static final LocalDate TODAY = LocalDate.parse("2016-03-17");
    private static final List<String> AREAS = List.of("Fostering", "Adoption", "Disabled Children");
    private static final int OPEN = 240;
    private static final int CLOSED = 60;
    /** Every fifth complaint's authority; the rest are {@link ContractEvents#AUTHORITY}'s. */
    private static final String OTHER = "E06000016";

    @TempDir
    static Path dir;
    private static TopologyHarness topology;
    private static KeyValueStore<String, Caseload.Entry> byReference;
    private static KeyValueStore<Bytes, byte[]> index;

    /**
     * 300 complaints received over a year, thirty a day every forty days, in three service areas: the first 60 answered, of the rest every
     * fourth answered and every twentieth escalated to stage 2 after its answer; so many open and overdue, the
     * newest not yet due; every fifth of another authority. Keys spread over three partitions by hash.
     */
    @BeforeAll
    static void fill() {
        topology = new TopologyHarness(dir, Instant.parse("2016-03-17T18:00:00Z"));
        for (int i = 0; i < OPEN + CLOSED; i++) {
            String id = String.format("C-%04d", i);
            String on = LocalDate.parse("2015-03-15").plusDays(i / 30 * 40L) + "T10:00:00Z";
            String authority = i % 5 == 0 ? OTHER : ContractEvents.AUTHORITY;
            send(id, authority, received(id, on, AREAS.get(i % AREAS.size())));
            if (i < CLOSED || i % 4 == 0) {
                send(id, authority, responded(id, on.replace("T10", "T11"), 1, "NOT_UPHELD"));
            }
            if (i >= CLOSED && i % 20 == 0) {
                send(id, authority, event("EscalationRequested", id, on.replace("T10", "T12"), "{\"toStage\":2}"));
            }
        }
        assertThat(topology.dlq.isEmpty()).isTrue();
        byReference = topology.driver.getKeyValueStore(Names.OPEN_COMPLAINTS_STORE);
        index = topology.driver.getKeyValueStore(Names.OPEN_CASELOAD_STORE);
    }

    /** The event as {@code authority}'s. */
    private static void send(String id, String authority, byte[] event) {
        topology.events.pipeInput(id, new String(event, StandardCharsets.UTF_8)
                .replace(ContractEvents.AUTHORITY, authority).getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void close() {
        topology.close();
    }

    private static Caseload.Query query(Caseload.Status status, String serviceArea, Integer stage, int limit) {
        return new Caseload.Query(status, null, stage, serviceArea, null, limit, TODAY, null);
    }

    private static List<Partition> partitions(AtomicInteger urgentRead, AtomicInteger countsRead) {
        return IntStream.range(0, 3).mapToObj(p -> new Partition(index, p, urgentRead, countsRead)).toList();
    }

    private static StoreCaseload indexed(List<Partition> partitions) {
        return StoreCaseload.indexed(() -> List.copyOf(partitions), () -> {
            throw new AssertionError("the open caseload read the case histories");
        }, topology.rules);
    }

    @Test
    void everyAnswerIsTheWholeIndexsAnswer() {
        StoreCaseload reference = WholeCaseloadRead.of(byReference, topology.rules);
        StoreCaseload indexed = indexed(partitions(new AtomicInteger(), new AtomicInteger()));
        List<Caseload.Query> queries = new ArrayList<>();
        for (Caseload.Status status : List.of(Caseload.Status.OPEN, Caseload.Status.OVERDUE)) {
            for (int limit : List.of(1, 7, 50, 500)) {
                queries.add(query(status, null, null, limit));
                queries.add(query(status, "Adoption", null, limit));
                queries.add(query(status, null, 2, limit));
                queries.add(new Caseload.Query(status, "E10000018", 1, "Fostering", List.of("CHILDREN"), limit,
                        TODAY, null));
                queries.add(new Caseload.Query(status, "E99999999", null, null, null, limit, TODAY, null));
                queries.add(new Caseload.Query(status, OTHER, null, null, null, limit, TODAY, null));
                queries.add(new Caseload.Query(status, OTHER, null, "Adoption", null, limit, TODAY, null));
                queries.add(new Caseload.Query(status, null, null, null, List.of("ADULTS"), limit, TODAY, null));
            }
        }
        int listed = 0;
        for (Caseload.Query query : queries) {
            Caseload.Page expected = reference.read(query);
            assertThat(indexed.read(query)).as(query.toString()).isEqualTo(expected);
            listed += expected.rows().size();
        }
        assertThat(reference.read(query(Caseload.Status.OPEN, null, null, 500)).count())
                .as("complaints open").isEqualTo(OPEN - OPEN / 4 + OPEN / 20);
        assertThat(reference.read(query(Caseload.Status.OVERDUE, null, null, 500)).count())
                .as("some overdue, some not").isBetween(1, OPEN - OPEN / 4 + OPEN / 20 - 1);
        assertThat(listed).as("the queries list rows").isGreaterThan(1000);
    }

    @Test
    void aPageDecodesItsRowsAndTheCountReadsOneKeyPerTally() {
        AtomicInteger urgentRead = new AtomicInteger();
        AtomicInteger countsRead = new AtomicInteger();
        StoreCaseload indexed = indexed(partitions(urgentRead, countsRead));
        int open = (int) TopologyHarness.entries(byReference);

        Caseload.Page page = indexed.read(query(Caseload.Status.OPEN, null, null, 20));
        assertThat(page.rows()).hasSize(20);
        assertThat(page.count()).isEqualTo(open);
        assertThat(urgentRead.get()).as("entries decoded for a page of 20, beyond its rows").isEqualTo(21);
        int tallies = countsRead.get();
        assertThat(tallies).as("counts read: one per tally, fewer than the complaints").isPositive().isLessThan(open);

        urgentRead.set(0);
        countsRead.set(0);
        Caseload.Page adoption = indexed.read(query(Caseload.Status.OPEN, "Adoption", null, 20));
        assertThat(adoption.rows()).hasSize(20).allMatch(row -> row.serviceArea().equals("Adoption"));
        assertThat(urgentRead.get()).as("a filter passes over the other areas' entries before its 21st match")
                .isBetween(21, 4 * 21);

        urgentRead.set(0);
        countsRead.set(0);
        Caseload.Page other = indexed.read(new Caseload.Query(Caseload.Status.OPEN, OTHER, null, null, null, 10, TODAY,
                null));
        assertThat(other.rows()).hasSize(10).allMatch(row -> row.authority().equals(OTHER));
        assertThat(other.count()).isBetween(11, open / 4);
        assertThat(urgentRead.get()).as("one authority's page reads that authority's entries only").isEqualTo(11);
        assertThat(countsRead.get()).as("and that authority's counts only").isPositive().isLessThan(other.count());

        urgentRead.set(0);
        countsRead.set(0);
        Caseload.Page all = indexed.read(query(Caseload.Status.OPEN, null, null, 5000));
        assertThat(all.count()).isEqualTo(open);
        assertThat(urgentRead.get()).as("a page that holds every match reads each entry once").isEqualTo(open);
        assertThat(countsRead.get()).as("and needs no count").isZero();

        urgentRead.set(0);
        Caseload.Page overdue = indexed.read(query(Caseload.Status.OVERDUE, null, null, 5000));
        assertThat(urgentRead.get()).as("an overdue list stops at the first entry not overdue")
                .isEqualTo(overdue.count() + 1).isLessThan(open);
    }

    @Test
    void theStoreHoldsAnEntryAndACountWhileOpenAndNothingOnceClosed(@TempDir Path own) {
        try (TopologyHarness alone = new TopologyHarness(own, Instant.parse("2016-03-17T18:00:00Z"))) {
            KeyValueStore<Bytes, byte[]> store = alone.driver.getKeyValueStore(Names.OPEN_CASELOAD_STORE);
            List<String> ids = List.of("A", "B", "C");
            ids.forEach(id -> alone.events.pipeInput(id, received(id, "2016-03-01T10:00:00Z", "Fostering")));
            assertThat(TopologyHarness.entries(store)).as("three entries twice and the one count they share")
                    .isEqualTo(7);
            alone.events.pipeInput("A", event("ExtensionAgreed", "A", "2016-03-02T10:00:00Z",
                    "{\"stage\":1,\"workingDays\":20}"));
            assertThat(TopologyHarness.entries(store)).as("A moved: its entries and a count of its own")
                    .isEqualTo(8);
            ids.forEach(id -> alone.events.pipeInput(id, event("ComplaintWithdrawn", id, "2016-03-16T10:00:00Z",
                    "{}")));
            assertThat(TopologyHarness.entries(store)).as("every entry and count removed").isZero();
            assertThat(alone.dlq.isEmpty()).isTrue();
        }
    }

    /** One of three partitions of the store (keys by hash), counting what is taken from each of its parts. */
    private record Partition(KeyValueStore<Bytes, byte[]> store, int number, AtomicInteger urgentRead,
                             AtomicInteger countsRead) implements ReadOnlyKeyValueStore<Bytes, byte[]> {

        private boolean holds(Bytes key) {
            return Math.floorMod(key.hashCode(), 3) == number;
        }

        @Override
        public byte[] get(Bytes key) {
            return holds(key) ? store.get(key) : null;
        }

        @Override
        public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS serializer) {
            List<KeyValue<Bytes, byte[]>> held = new ArrayList<>();
            try (KeyValueIterator<Bytes, byte[]> it = store.prefixScan(prefix, serializer)) {
                it.forEachRemaining(kv -> {
                    if (holds(kv.key)) {
                        held.add(kv);
                    }
                });
            }
            Iterator<KeyValue<Bytes, byte[]>> ahead = held.iterator();
            return new KeyValueIterator<>() {
                private KeyValue<Bytes, byte[]> peeked = ahead.hasNext() ? ahead.next() : null;

                @Override
                public boolean hasNext() {
                    return peeked != null;
                }

                @Override
                public KeyValue<Bytes, byte[]> next() {
                    KeyValue<Bytes, byte[]> next = peeked;
                    peeked = ahead.hasNext() ? ahead.next() : null;
                    (OpenCaseloadKeySchema.isEntry(next.key) ? urgentRead : countsRead).incrementAndGet();
                    return next;
                }

                @Override
                public Bytes peekNextKey() {
                    return peeked.key;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
            throw new AssertionError("the caseload reads its parts by prefix");
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> all() {
            throw new AssertionError("the caseload reads its parts by prefix");
        }

        @Override
        public long approximateNumEntries() {
            return store.approximateNumEntries();
        }
    }
}
