package io.complaintskpi.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.events.CauseFinding;
import io.complaintskpi.events.Cause;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.events.SchemaValidator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.complaintskpi.lifecycle.Cases.children;
import static io.complaintskpi.lifecycle.Cases.history;
import static io.complaintskpi.lifecycle.Cases.on;
import static io.complaintskpi.lifecycle.Cases.responded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseHistoryCodecTest {

    private final CaseHistoryCodec codec = new CaseHistoryCodec(new EventCodec(Cases.AUTHORITY, new SchemaValidator()));
    private final CaseHistory history = history(on("2015-06-01", children()),
            on("2015-06-05", new ExtensionAgreed(1, 20, null)),
            on("2015-06-20", responded(1, Outcome.PARTLY_UPHELD, new CauseFinding(Cause.DELAYS_IN_PROVIDING_SERVICES,
                    true))));

    @Test
    void aHistoryReadsBackAsItWasWritten() {
        assertThat(codec.fromJson(codec.toJson(history))).isEqualTo(history);
        for (EventEnvelope event : history.events()) {
            assertThat(codec.decodeEvent(codec.encodeEvent(event))).isEqualTo(event);
        }
    }

    /** Over generated valid histories of both regimes (the generator of {@link ArrivalOrderProperties}). */
    @Property(tries = 200)
    void everyGeneratedEventReadsBackAsItWasWrittenInFewerBytesThanItsJson(
            @ForAll("histories") List<EventEnvelope> events) {
        EventCodec json = new EventCodec(Cases.AUTHORITY, new SchemaValidator());
        for (EventEnvelope event : events) {
            byte[] stored = codec.encodeEvent(event);

            assertThat(codec.decodeEvent(stored)).isEqualTo(event);
            assertThat(stored.length).isLessThan(json.encode(event).length);
        }
    }

    @Test
    void aHistoryReadInAnyOrderIsPlacedInBusinessTimeOrder() {
        List<EventEnvelope> stored = new ArrayList<>(history.events());
        Collections.reverse(stored);

        assertThat(CaseHistory.of(stored)).isEqualTo(history);
        assertThat(CaseHistory.of(stored).events()).isEqualTo(history.events());
    }

    @Provide
    Arbitrary<List<EventEnvelope>> histories() {
        return Arbitraries.randomValue(ArrivalOrderProperties::history);
    }

    @Test
    void theStoredFormIsCborAndAJsonEventIsNotReadAsOne() {
        EventEnvelope event = history.events().get(0);
        byte[] json = new EventCodec(Cases.AUTHORITY, new SchemaValidator()).encode(event);

        assertThat(codec.encodeEvent(event)[0]).as("the stored form is not JSON").isNotEqualTo((byte) '{');
        assertThatThrownBy(() -> codec.decodeEvent(json)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot read stored event");
    }

    @Test
    void theFormIsAnArrayOfEventsInTheContractsCanonicalForm() {
        JsonNode json = codec.toJson(history);
        EventCodec events = new EventCodec(Cases.AUTHORITY, new SchemaValidator());

        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(3);
        for (int i = 0; i < 3; i++) {
            EventEnvelope event = history.events().get(i);
            assertThat(json.get(i)).isEqualTo(events.encodeTree(event));
            assertThat(events.decode(json.get(i).toString().getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
        }
    }

    @Test
    void unreadableBytesSayWhat() {
        assertThatThrownBy(() -> codec.decodeEvent("{".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("cannot read stored event");
        assertThatThrownBy(() -> codec.decodeEvent(new byte[] {(byte) 0xff, 0x01}))
                .hasMessageContaining("cannot read stored event");
        assertThatThrownBy(() -> codec.decodeEvent(new byte[] {0x01}))
                .hasMessageContaining("cannot read stored event");
        byte[] two = new byte[2 * codec.encodeEvent(history.events().get(0)).length];
        byte[] one = codec.encodeEvent(history.events().get(0));
        System.arraycopy(one, 0, two, 0, one.length);
        System.arraycopy(one, 0, two, one.length, one.length);
        assertThatThrownBy(() -> codec.decodeEvent(two)).hasMessageContaining("cannot read stored event");
    }
}
