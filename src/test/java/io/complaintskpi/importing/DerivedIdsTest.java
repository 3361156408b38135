package io.complaintskpi.importing;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.events.EventCodec;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An event's derived id follows what the event says, not how the file spells it. */
class DerivedIdsTest {

    private static final String RESPONSE = "{\"eventType\":\"StageResponded\",\"occurredAt\":\"2025-04-17T00:00:00+01:00\","
            + "\"complaintId\":\"LCC-1\",\"schemaVersion\":1,\"data\":{\"stage\":1,\"outcome\":\"NOT_UPHELD\"}}";

    private static JsonNode json(String text) throws Exception {
        return EventCodec.MAPPER.readTree(text);
    }

    @Test
    void theSameEventWrittenInAnotherFieldOrderWithSpacesHasTheSameId() throws Exception {
        String reordered = "{ \"data\": {\"outcome\": \"NOT_UPHELD\", \"stage\": 1}, \"schemaVersion\": 1,"
                + " \"complaintId\": \"LCC-1\", \"occurredAt\": \"2025-04-17T00:00:00+01:00\","
                + " \"eventType\": \"StageResponded\" }";

        assertThat(DerivedIds.of(json(reordered))).isEqualTo(DerivedIds.of(json(RESPONSE)));
    }

    @Test
    void anyChangeOfWhatTheEventSaysGivesAnotherId() throws Exception {
        UUID id = DerivedIds.of(json(RESPONSE));

        assertThat(DerivedIds.of(json(RESPONSE.replace("NOT_UPHELD", "PARTLY_UPHELD")))).isNotEqualTo(id);
        assertThat(DerivedIds.of(json(RESPONSE.replace("LCC-1", "LCC-2")))).isNotEqualTo(id);
        assertThat(DerivedIds.of(json(RESPONSE.replace("04-17", "04-18")))).isNotEqualTo(id);
        assertThat(DerivedIds.of(json(RESPONSE.replace("\"stage\":1", "\"stage\":2")))).isNotEqualTo(id);
    }

    @Test
    void anEventIdAlreadyInTheJsonDoesNotChangeTheDerivedOne() throws Exception {
        String withId = RESPONSE.replace("{\"eventType\"", "{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\"");

        assertThat(DerivedIds.of(json(withId))).isEqualTo(DerivedIds.of(json(RESPONSE)));
    }

    @Test
    void theIdIsANameBasedVersion5Uuid() throws Exception {
        UUID id = DerivedIds.of(json(RESPONSE));

        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }
}
