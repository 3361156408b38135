package io.complaintskpi.lifecycle;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.contributions.CaseStep;
import io.complaintskpi.contributions.Contributions;
import io.complaintskpi.contributions.InMemoryCase;
import io.complaintskpi.demo.FixtureReader;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.SchemaValidator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseSnapshotCodecTest {

    private final CaseSnapshotCodec codec = new CaseSnapshotCodec(new EventCodec(Cases.AUTHORITY, new SchemaValidator()));
    private final CaseStep step = new CaseStep(Cases.MACHINE, new Contributions(Cases.DUE_DATES));

    /** What the snapshots read back covered, so the test cannot pass on trivial states alone. */
    private final Map<String, Integer> seen = new HashMap<>();

    @Test
    void everySnapshotTheSeedProducesReadsBackAsItWasWritten() {
        DomainRules rules = DomainWiring.rules(ServiceConfig.defaults());
        CaseSnapshotCodec seedCodec = new CaseSnapshotCodec(rules.codec());
        CaseStep seedStep = new CaseStep(rules.machine(), rules.contributions());
        List<EventEnvelope> seed = FixtureReader.withSchemas().seedFixture();
        // In the order sent, then each case's first event first and the rest reversed: states with events
        // waiting for an earlier one.
        Map<String, EventEnvelope> firsts = new LinkedHashMap<>();
        seed.forEach(event -> firsts.putIfAbsent(event.complaintId(), event));
        List<EventEnvelope> rest = new ArrayList<>(seed);
        rest.removeAll(firsts.values());
        Collections.reverse(rest);
        List<EventEnvelope> reversed = new ArrayList<>(firsts.values());
        reversed.addAll(rest);
        int read = 0;
        for (List<EventEnvelope> arrivals : List.of(seed, reversed)) {
            Map<String, InMemoryCase> cases = new HashMap<>();
            for (EventEnvelope event : arrivals) {
                InMemoryCase kept = cases.computeIfAbsent(event.complaintId(), InMemoryCase::new);
                if (kept.apply(seedStep, event) instanceof CaseStep.Applied applied) {
                    assertRoundTrip(seedCodec, event.complaintId(), applied.snapshot());
                    read++;
                }
            }
        }
        assertThat(read).isGreaterThan(1019);
        assertThat(seen).as("the seed's states hold each part of a state")
                .containsKeys("complaint", "stage 3", "causes", "extension", "action", "ledger", "awaiting");
    }

    /** Generated cases of both regimes and of the Ombudsman's recommendations, in a shuffled arrival order. */
    @Property(tries = 200)
    void everySnapshotOfAGeneratedCaseReadsBackAsItWasWritten(@ForAll("cases") List<EventEnvelope> history,
                                                               @ForAll long shuffle) {
        List<EventEnvelope> arrivals = new ArrayList<>(history);
        Collections.shuffle(arrivals, new Random(shuffle));
        InMemoryCase kept = new InMemoryCase(history.get(0).complaintId());
        for (EventEnvelope event : arrivals) {
            if (kept.apply(step, event) instanceof CaseStep.Applied applied) {
                assertRoundTrip(codec, event.complaintId(), applied.snapshot());
            }
        }
    }

    @Provide
    Arbitrary<List<EventEnvelope>> cases() {
        return Arbitraries.oneOf(Arbitraries.randomValue(ArrivalOrderProperties::history),
                Arbitraries.randomValue(RecommendationArrivalOrderProperties::history));
    }

    @Test
    void aKeyWithNoEventsReadsBackEmpty() {
        assertThat(codec.decode(Cases.KEY, codec.encode(CaseSnapshot.EMPTY))).isEqualTo(CaseSnapshot.EMPTY);
    }

    @Test
    void anotherFormatOrBrokenBytesAreRefusedNeverMisread() {
        CaseSnapshot snapshot = CaseSnapshot.of(Cases.KEY,
                Cases.history(Cases.on("2015-06-01", Cases.children())), Cases.MACHINE);
        byte[] stored = codec.encode(snapshot);
        byte[] nextFormat = stored.clone();
        int version = formatAt(nextFormat);
        nextFormat[version] = (byte) (CaseSnapshotCodec.FORMAT + 1);
        byte[] cut = Arrays.copyOf(stored, stored.length - 3);

        assertThatThrownBy(() -> codec.decode(Cases.KEY, nextFormat)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot read case snapshot of " + Cases.KEY)
                .cause().hasMessageContaining("snapshot format " + (CaseSnapshotCodec.FORMAT + 1));
        assertThatThrownBy(() -> codec.decode(Cases.KEY, cut)).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> codec.decode(Cases.KEY, "[1]".getBytes())).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> codec.decode(Cases.KEY, new byte[0])).isInstanceOf(UncheckedIOException.class);
    }

    private void assertRoundTrip(CaseSnapshotCodec with, String key, CaseSnapshot snapshot) {
        assertThat(with.decode(key, with.encode(snapshot))).isEqualTo(snapshot);
        CaseState state = snapshot.state();
        Complaint complaint = state.complaint();
        if (complaint != null) {
            seen.merge("complaint", 1, Integer::sum);
            if (complaint.stages().size() == 3) {
                seen.merge("stage 3", 1, Integer::sum);
            }
            if (complaint.stages().stream().anyMatch(s -> !s.causes().isEmpty())) {
                seen.merge("causes", 1, Integer::sum);
            }
            if (complaint.stages().stream().anyMatch(s -> s.extendedToWorkingDays() != null || s.extendedToDate() != null)) {
                seen.merge("extension", 1, Integer::sum);
            }
            if (!complaint.actions().isEmpty()) {
                seen.merge("action", 1, Integer::sum);
            }
        }
        if (!state.ledger().isEmpty()) {
            seen.merge("ledger", 1, Integer::sum);
        }
        if (!state.awaiting().isEmpty()) {
            seen.merge("awaiting", 1, Integer::sum);
        }
    }

    /** Where the format is: the first item after the opening of the snapshot's array (CBOR 0x9f, no length). */
    private static int formatAt(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == (byte) 0x9f && bytes[i + 1] == (byte) CaseSnapshotCodec.FORMAT) {
                return i + 1;
            }
        }
        throw new AssertionError("no array opening with the format");
    }
}
