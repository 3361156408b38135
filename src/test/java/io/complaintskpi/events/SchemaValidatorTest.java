package io.complaintskpi.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.complaintskpi.events.Examples.data;
import static io.complaintskpi.events.Examples.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaValidatorTest {

    private static final SchemaValidator VALIDATOR = new SchemaValidator();

    @ParameterizedTest
    @MethodSource("io.complaintskpi.events.Examples#types")
    void everyExampleIsValid(String eventType) {
        assertThatCode(() -> VALIDATOR.validate(load(eventType))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} with U+{1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "ComplaintReceived, 0000", "ComplaintReceived, 0009", "ComplaintReceived, 000A",
            "ComplimentReceived, 001B", "OmbudsmanEnquiryReceived, 007F", "ComplaintReceived, 0085"})
    void aControlCharacterInAServiceAreaIsNamedWithWhereItIs(String eventType, String hex) {
        ObjectNode event = load(eventType);
        data(event).put("serviceArea", "First" + (char) Integer.parseInt(hex, 16) + "Response");

        assertThatThrownBy(() -> VALIDATOR.validate(event)).isInstanceOf(InvalidEventException.class)
                .hasMessage("control character U+" + hex + " in $.data.serviceArea at position 5: text fields must"
                        + " not contain control characters");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0000", "0009", "000A", "001F", "007F", "009F"})
    void theSchemaPatternRefusesControlCharactersToo(String hex) throws Exception {
        com.fasterxml.jackson.databind.JsonNode schema = EventCodec.MAPPER.readTree(
                java.nio.file.Path.of("topics/schemas/events/ComplaintReceived.schema.json").toFile());
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(
                schema.at("/properties/serviceArea/pattern").asText());
        char control = (char) Integer.parseInt(hex, 16);

        org.assertj.core.api.Assertions.assertThat(pattern.matcher("First" + control + "Response").find()).isFalse();
        org.assertj.core.api.Assertions.assertThat(pattern.matcher(control + "First").find()).isFalse();
        org.assertj.core.api.Assertions.assertThat(pattern.matcher("Fostering & Adoption (Ça va)").find()).isTrue();
    }

    @Test
    void aControlCharacterInAnEnvelopeTextIsRejectedButOneInAnUnknownFieldIsIgnored() {
        ObjectNode event = load("PanelHeld");
        event.put("complaintId", "C-1\u0000");
        assertThatThrownBy(() -> VALIDATOR.validate(event)).hasMessageStartingWith("control character U+0000 in"
                + " $.complaintId at position 3");

        ObjectNode unknown = load("ComplimentReceived");
        data(unknown).put("note", "line one\nline two");
        assertThatCode(() -> VALIDATOR.validate(unknown)).doesNotThrowAnyException();
    }

    @Test
    void unknownPropertiesAreAllowedAtEveryLevel() {
        ObjectNode event = load("StageResponded");
        event.put("producer", "case-system-v7");
        data(event).put("complainantName", "Jane Doe");
        ((ObjectNode) data(event).get("causes").get(0)).put("note", "free text");

        assertThatCode(() -> VALIDATOR.validate(event)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2015-06-01T09:30:00Z", "2015-06-01T09:30:00.5+01:00", "2015-06-01T09:30:00.123456789-05:00"})
    void occurredAtAcceptsAnyOffsetAndFraction(String occurredAt) {
        ObjectNode event = load("PanelHeld");
        event.put("occurredAt", occurredAt);

        assertThatCode(() -> VALIDATOR.validate(event)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2015-06-01T09:30:00", "2015-06-01 09:30:00Z", "2015-06-01T09:30Z", "2015-06-01", "01/06/2015 09:30"})
    void occurredAtMustBeAFullDateTimeWithOffset(String occurredAt) {
        ObjectNode event = load("PanelHeld");
        event.put("occurredAt", occurredAt);

        assertThatThrownBy(() -> VALIDATOR.validate(event)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.occurredAt");
    }

    /** These pass the pattern, so only an asserted "format" catches them. */
    @Test
    void formatsAreAssertedNotJustAnnotated() {
        ObjectNode impossibleTime = load("PanelHeld");
        impossibleTime.put("occurredAt", "2015-02-30T25:00:00Z");
        ObjectNode impossibleDate = load("ExtensionAgreed");
        data(impossibleDate).put("agreedDate", "2015-13-01");

        assertThatThrownBy(() -> VALIDATOR.validate(impossibleTime))
                .hasMessageContaining("$.occurredAt: does not match the date-time pattern");
        assertThatThrownBy(() -> VALIDATOR.validate(impossibleDate))
                .hasMessageContaining("$.data.agreedDate: does not match the date pattern");
    }

    /** Rule: a value that breaks a format (stated twice, as format and pattern) is one violation, named once. */
    @Test
    void aBrokenFormatIsReportedOnceNotAlsoAsItsPattern() {
        ObjectNode event = load("PanelHeld");
        event.put("eventId", "not-a-uuid");
        event.put("occurredAt", "2016-01-12T10:00:00");

        assertThatThrownBy(() -> VALIDATOR.validate(event)).isInstanceOf(InvalidEventException.class)
                .satisfies(e -> {
                    String reason = e.getMessage();
                    assertThat(reason).startsWith("schema violation in envelope: $.eventId: ")
                            .contains("; $.occurredAt: does not match the date-time pattern")
                            .doesNotContain("regex");
                    assertThat(reason.split("; ")).hasSize(2);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"evt-42", "32be7312-5f6b-5baf-8954-5593bc035c2", "{32be7312-5f6b-5baf-8954-5593bc035c20}", ""})
    void eventIdMustBeAUuid(String eventId) {
        ObjectNode event = load("PanelHeld");
        event.put("eventId", eventId);

        assertThatThrownBy(() -> VALIDATOR.validate(event)).hasMessageContaining("$.eventId");
    }

    @Test
    void upperCaseUuidIsAUuid() {
        ObjectNode event = load("PanelHeld");
        event.put("eventId", "32BE7312-5F6B-5BAF-8954-5593BC035C20");

        assertThatCode(() -> VALIDATOR.validate(event)).doesNotThrowAnyException();
    }

    @Test
    void namesEveryViolationWithItsPathInTheEnvelope() {
        ObjectNode event = load("StageResponded");
        data(event).put("stage", 4).put("outcome", "WITHDRAWN");
        ((ObjectNode) data(event).get("causes").get(1)).put("cause", "RUDENESS");

        assertThatThrownBy(() -> VALIDATOR.validate(event))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("schema violation in StageResponded: ")
                .hasMessageContaining("$.data.stage: must have a maximum value of 3")
                .hasMessageContaining("$.data.outcome: does not have a value in the enumeration")
                .hasMessageContaining("$.data.causes[1].cause: does not have a value in the enumeration");
    }

    @Test
    void unknownEventTypeIsNamed() {
        ObjectNode event = load("PanelHeld");
        event.put("eventType", "complaintReceived");

        assertThatThrownBy(() -> VALIDATOR.validate(event)).hasMessage("unknown eventType 'complaintReceived'");
    }

    @Test
    void aValueThatIsNotAnObjectIsAViolationNotACrash() {
        assertThatThrownBy(() -> VALIDATOR.validate(TextNode.valueOf("PanelHeld")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$: string found, object expected");
    }

    @Test
    void dataMustBeAnObjectEvenWhenTheEventHasNoFields() {
        ObjectNode event = load("StatementAgreed");
        event.putArray("data");

        assertThatThrownBy(() -> VALIDATOR.validate(event)).hasMessageContaining("$.data: array found, object expected");
    }
}
