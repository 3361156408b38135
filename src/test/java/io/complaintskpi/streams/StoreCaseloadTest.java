package io.complaintskpi.streams;

import io.complaintskpi.alerts.Caseload;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.complaintskpi.testing.ContractEvents.received;
import static io.complaintskpi.testing.ContractEvents.responded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caseload read from the stores the topology fills, with many closed complaints and a few open: the open
 * list never touches a case history, and every page of all complaints reads at most its limit of them.
 */
class StoreCaseloadTest {

    private static final int CLOSED = 400;
    private static final List<String> OPEN = List.of("C-0007-OPEN", "C-0150-OPEN", "C-0399-OPEN");
    private static final LocalDate TODAY = LocalDate.parse("2016-03-17");

    @TempDir
    static Path dir;
    private static TopologyHarness topology;

    @BeforeAll
    static void fill() {
        topology = new TopologyHarness(dir, Instant.parse("2016-03-17T18:00:00Z"));
        for (int i = 0; i < CLOSED; i++) {
            String id = String.format("C-%04d", i);
            topology.events.pipeInput(id, received(id, "2015-06-01T10:00:00+01:00", "Fostering"));
            topology.events.pipeInput(id, responded(id, "2015-06-05T10:00:00+01:00", 1, "NOT_UPHELD"));
        }
        OPEN.forEach(id -> topology.events.pipeInput(id, received(id, "2016-03-01T10:00:00Z", "Fostering")));
        assertThat(topology.dlq.isEmpty()).isTrue();
    }

    @AfterAll
    static void close() {
        topology.close();
    }

    private static Caseload.Query query(Caseload.Status status, int limit, String after) {
        return new Caseload.Query(status, null, null, null, null, limit, TODAY, after);
    }

    @Test
    void theOpenListReadsTheOpenIndexAndNoCaseHistory() {
        KeyValueStore<String, Caseload.Entry> open = topology.driver.getKeyValueStore(Names.OPEN_COMPLAINTS_STORE);
        KeyValueStore<Bytes, byte[]> caseloadIndex = topology.driver.getKeyValueStore(Names.OPEN_CASELOAD_STORE);
        StoreCaseload caseload = StoreCaseload.indexed(() -> List.of(caseloadIndex), () -> {
            throw new AssertionError("the open caseload read the case histories");
        }, topology.rules);

        Caseload.Page page = caseload.read(query(Caseload.Status.OPEN, 500, null));

        assertThat(TopologyHarness.entries(open)).as("the index holds only the open ones").isEqualTo(OPEN.size());
        assertThat(page.count()).isEqualTo(OPEN.size());
        assertThat(page.rows()).extracting(Caseload.Row::complaintId).containsExactlyInAnyOrderElementsOf(OPEN);
        assertThat(caseload.read(query(Caseload.Status.OVERDUE, 500, null)).rows())
                .extracting(Caseload.Row::complaintId).containsExactly("C-0007-OPEN", "C-0150-OPEN", "C-0399-OPEN");
    }

    @Test
    void everyComplaintIsPagedThroughOnceAcrossPartitionsAndEachPageReadsAtMostItsLimit() {
        KeyValueStore<String, byte[]> states = topology.driver.getKeyValueStore(Names.CASE_STATE_STORE);
        KeyValueStore<Bytes, byte[]> events = topology.driver.getKeyValueStore(Names.CASE_EVENTS_STORE);
        AtomicInteger read = new AtomicInteger();
        List<CaseStore> partitions = IntStream.range(0, 3)
                .mapToObj(p -> new CaseStore(new Partition(states, p, read), events, topology.rules)).toList();
        StoreCaseload caseload = StoreCaseload.indexed(() -> {
            throw new AssertionError("every complaint is read from the case states");
        }, () -> partitions, topology.rules);
        int limit = 37;

        List<String> listed = new ArrayList<>();
        String after = null;
        do {
            read.set(0);
            Caseload.Page page = caseload.read(query(Caseload.Status.ALL, limit, after));
            assertThat(read.get()).as("case states read for one page").isLessThanOrEqualTo(limit + partitions.size());
            assertThat(page.rows()).hasSizeLessThanOrEqualTo(limit);
            page.rows().forEach(row -> listed.add(row.complaintId()));
            after = page.next();
        } while (after != null);

        List<String> every = new ArrayList<>(IntStream.range(0, CLOSED).mapToObj(i -> String.format("C-%04d", i)).toList());
        every.addAll(OPEN);
        assertThat(listed).containsExactlyElementsOf(every.stream().sorted().toList());
    }

    /** One of three partitions of the case-state store (keys by hash), counting the states taken from it. */
    private record Partition(KeyValueStore<String, byte[]> store, int number, AtomicInteger read)
            implements ReadOnlyKeyValueStore<String, byte[]> {

        private boolean holds(String key) {
            return Math.floorMod(key.hashCode(), 3) == number;
        }

        @Override
        public byte[] get(String key) {
            return holds(key) ? store.get(key) : null;
        }

        @Override
        public KeyValueIterator<String, byte[]> range(String from, String to) {
            List<String> keys = new ArrayList<>();
            try (KeyValueIterator<String, byte[]> it = store.range(from, to)) {
                it.forEachRemaining(kv -> {
                    if (holds(kv.key)) {
                        keys.add(kv.key);
                    }
                });
            }
            Iterator<String> ahead = keys.iterator();
            return new KeyValueIterator<>() {
                private String peeked = ahead.hasNext() ? ahead.next() : null;

                @Override
                public boolean hasNext() {
                    return peeked != null;
                }

                @Override
                public KeyValue<String, byte[]> next() {
                    String key = peeked;
                    peeked = ahead.hasNext() ? ahead.next() : null;
                    read.incrementAndGet();
                    return KeyValue.pair(key, store.get(key));
                }

                @Override
                public String peekNextKey() {
                    return peeked;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public KeyValueIterator<String, byte[]> all() {
            return range(null, null);
        }

        @Override
        public long approximateNumEntries() {
            return store.approximateNumEntries();
        }
    }
}
