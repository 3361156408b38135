package io.complaintskpi.publish;

import io.complaintskpi.publish.EventBatch.Form;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a request body splits into events: each event's bytes exactly as sent, or the whole body refused. */
class EventBatchTest {

    private static final String A = "{\"eventId\":\"a\",\"data\":{\"n\":[1,{\"x\":\"}]\"}]}}";
    private static final String B = "{\"eventId\":\"b\"}";

    private static List<String> split(String body, Form form, int max) {
        return EventBatch.split(body.getBytes(StandardCharsets.UTF_8), form, max).stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void oneObjectIsOneEventAndAnArraysElementsAreTheEventsAsSent() {
        assertThat(split(" " + A + "\n", Form.JSON, 10)).containsExactly(" " + A + "\n");
        assertThat(split("[ " + A + " ,\n" + B + "]", Form.JSON, 10)).containsExactly(A, B);
    }

    @Test
    void aRepeatedKeyOrANonObjectElementIsLeftForTheCodecToRefuseAsTheEventsOwnFault() {
        String repeated = "{\"eventId\":\"a\",\"eventId\":\"b\"}";
        assertThat(split("[" + repeated + ", 7, \"text\", null, [1]]", Form.JSON, 10))
                .containsExactly(repeated, "7", "\"text\"", "null", "[1]");
    }

    @Test
    void ndjsonIsOneEventPerLineWithBlankLinesAndLineEndsLeftOut() {
        assertThat(split(A + "\r\n\n   \n" + B + "\n{broken\n", Form.NDJSON, 10)).containsExactly(A, B, "{broken");
        assertThat(split(A, Form.NDJSON, 10)).containsExactly(A);
    }

    @Test
    void aBodyWhoseEventsCannotBeToldApartIsRefusedAsAWholeSayingWhere() {
        assertThatThrownBy(() -> split("[" + A + ", {\"eventId\": ]", Form.JSON, 10))
                .isInstanceOf(EventBatch.Unreadable.class).hasMessageStartingWith("malformed JSON at line 1, column")
                .hasMessageContaining("none was taken");
        // What the parser quotes from the body is blanked, as in a rejected event's reason.
        assertThatThrownBy(() -> split("[{\"eventId\": JaneSmith}]", Form.JSON, 10))
                .isInstanceOf(EventBatch.Unreadable.class).hasMessageContaining("Unrecognized token '...'")
                .hasMessageNotContaining("Jane");
        assertThatThrownBy(() -> split(A + "\n" + B, Form.JSON, 10)).isInstanceOf(EventBatch.Unreadable.class)
                .hasMessageContaining("more than one JSON document").hasMessageContaining("application/x-ndjson");
        assertThatThrownBy(() -> split("\"an event\"", Form.JSON, 10)).isInstanceOf(EventBatch.Unreadable.class)
                .hasMessage("the body is a JSON string but must be one event (a JSON object) or a JSON array of events");
        assertThatThrownBy(() -> split("[" + A, Form.JSON, 10)).isInstanceOf(EventBatch.Unreadable.class)
                .hasMessageStartingWith("malformed JSON");
    }

    @Test
    void aBatchWithNoEventIsRefused() {
        for (String empty : List.of("", "  \n", "[]")) {
            assertThatThrownBy(() -> split(empty, Form.JSON, 10)).as(empty).isInstanceOf(EventBatch.Unreadable.class)
                    .hasMessageStartingWith("the body holds no event");
        }
        assertThatThrownBy(() -> split("\n\n", Form.NDJSON, 10)).isInstanceOf(EventBatch.Unreadable.class);
    }

    @Test
    void moreEventsThanTheLimitAreRefusedNamingIt() {
        assertThat(split("[" + A + "," + B + "]", Form.JSON, 2)).hasSize(2);
        assertThatThrownBy(() -> split("[" + A + "," + B + "," + B + "]", Form.JSON, 2))
                .isInstanceOf(EventBatch.TooManyEvents.class).satisfies(e ->
                        assertThat(((EventBatch.TooManyEvents) e).max()).isEqualTo(2));
        assertThatThrownBy(() -> split(A + "\n" + B + "\n" + B, Form.NDJSON, 2))
                .isInstanceOf(EventBatch.TooManyEvents.class);
    }

    @Test
    void theFormIsTheContentTypesMediaTypeAndNothingElse() {
        assertThat(Form.ofContentType("application/json")).contains(Form.JSON);
        assertThat(Form.ofContentType("Application/JSON; charset=utf-8")).contains(Form.JSON);
        assertThat(Form.ofContentType("application/x-ndjson")).contains(Form.NDJSON);
        // What a browser sends from another site without asking first is not taken.
        assertThat(Form.ofContentType("text/plain")).isEmpty();
        assertThat(Form.ofContentType("application/x-www-form-urlencoded")).isEmpty();
        assertThat(Form.ofContentType(null)).isEmpty();
    }
}
