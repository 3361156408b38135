package io.complaintskpi.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complaintskpi.events.ComplaintEvent.AdrHeld;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.ComplaintEvent.ContextFigureRecorded;
import io.complaintskpi.events.ComplaintEvent.CostIncurred;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanDecision;
import io.complaintskpi.events.ComplaintEvent.StageResponded;
import io.complaintskpi.events.ComplaintEvent.StatementAgreed;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.complaintskpi.events.Examples.bytes;
import static io.complaintskpi.events.Examples.data;
import static io.complaintskpi.events.Examples.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventCodecTest {

    private static final SchemaValidator VALIDATOR = new SchemaValidator();
    private final EventCodec codec = new EventCodec("E06000016", VALIDATOR);

    @ParameterizedTest
    @MethodSource("io.complaintskpi.events.Examples#types")
    void everyExampleDecodesToItsRecord(String eventType) {
        EventEnvelope envelope = codec.decode(bytes(load(eventType)));

        assertThat(envelope.event()).isInstanceOf(EventCodec.TYPES.get(eventType));
        assertThat(envelope.eventType()).isEqualTo(eventType);
        assertThat(envelope.authority()).isEqualTo("E10000018");
        assertThat(envelope.schemaVersion()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("io.complaintskpi.events.Examples#types")
    void everyExampleIsInCanonicalFormSoEncodingGivesItBack(String eventType) throws IOException {
        ObjectNode example = load(eventType);

        byte[] encoded = codec.encode(codec.decode(bytes(example)));

        assertThat(EventCodec.MAPPER.readTree(encoded)).isEqualTo(example);
        assertThat(codec.decode(encoded)).isEqualTo(codec.decode(bytes(example)));
    }

    @Test
    void decodesTheFieldsOfARecord() {
        EventEnvelope envelope = codec.decode(bytes(load("StageResponded")));

        assertThat(envelope.eventId()).isEqualTo(UUID.fromString("32be7312-5f6b-5baf-8954-5593bc035c20"));
        assertThat(envelope.occurredAt()).isEqualTo(OffsetDateTime.parse("2015-06-26T16:45:00+01:00"));
        assertThat(envelope.complaintId()).isEqualTo("LCC-CSC-2015-0042");
        assertThat(envelope.event()).isEqualTo(new StageResponded(1, Outcome.PARTLY_UPHELD, List.of(
                new CauseFinding(Cause.DELAYS_IN_PROVIDING_SERVICES, true),
                new CauseFinding(Cause.KEEPING_INFORMED, false))));
        assertThat(codec.decode(bytes(load("ComplaintReceived"))).event()).isEqualTo(
                new ComplaintReceived(Regime.CHILDREN, "First Response", ComplainantType.PARENT, null));
        assertThat(codec.decode(bytes(load("ExtensionAgreed"))).event()).isEqualTo(new ExtensionAgreed(1, 20, null));
        assertThat(codec.decode(bytes(load("AdrHeld"))).event()).isEqualTo(new AdrHeld(AdrKind.CONCILIATION, true, true));
        assertThat(codec.decode(bytes(load("OmbudsmanDecision"))).event()).isEqualTo(
                new OmbudsmanDecision(OmbudsmanOutcome.UPHELD_MALADMINISTRATION_INJUSTICE, 30000));
        assertThat(codec.decode(bytes(load("ContextFigureRecorded"))).event()).isEqualTo(
                new ContextFigureRecorded(ContextFigure.REFERRALS, "2015/16", 3953));
    }

    @Test
    void optionalFieldsDecodeAndStayOutOfTheEncodingWhenAbsent() throws IOException {
        ObjectNode adults = load("ComplaintReceived");
        data(adults).put("regime", "ADULTS").put("complainantType", "ADULT_SERVICE_USER")
                .put("serviceArea", "Older Adults").put("agreedResponseBy", "2015-11-30");
        ObjectNode noRemedy = load("OmbudsmanDecision");
        data(noRemedy).remove("remedyPence");
        ObjectNode noCauses = load("StageResponded");
        data(noCauses).remove("causes");

        assertThat(codec.decode(bytes(adults)).event()).isEqualTo(new ComplaintReceived(
                Regime.ADULTS, "Older Adults", ComplainantType.ADULT_SERVICE_USER, LocalDate.of(2015, 11, 30)));
        assertThat(codec.decode(bytes(noRemedy)).event())
                .isEqualTo(new OmbudsmanDecision(OmbudsmanOutcome.UPHELD_MALADMINISTRATION_INJUSTICE, 0));
        assertThat(codec.decode(bytes(noCauses)).event()).isEqualTo(new StageResponded(1, Outcome.PARTLY_UPHELD, List.of()));
        JsonNode extension = EventCodec.MAPPER.readTree(codec.encode(envelope(new ExtensionAgreed(2, null, LocalDate.of(2015, 9, 1)))));
        assertThat(extension.get("data")).isEqualTo(EventCodec.MAPPER.readTree("{\"stage\":2,\"agreedDate\":\"2015-09-01\"}"));
    }

    @Test
    void unknownFieldsAreAcceptedButNeverReEncoded() {
        ObjectNode event = load("ComplaintReceived");
        event.put("complainantName", "Jane Doe");
        data(event).put("complainantName", "Jane Doe").putObject("address").put("postcode", "LE3 8RA");

        String encoded = new String(codec.encode(codec.decode(bytes(event))), StandardCharsets.UTF_8);

        assertThat(encoded).doesNotContain("complainantName", "Jane Doe", "address", "LE3 8RA");
        assertThat(codec.decode(encoded.getBytes(StandardCharsets.UTF_8))).isEqualTo(codec.decode(bytes(load("ComplaintReceived"))));
    }

    @Test
    void authorityDefaultsToTheConfiguredOneWhenAbsent() {
        ObjectNode event = load("ComplaintReceived");
        event.remove("authority");

        EventEnvelope envelope = codec.decode(bytes(event));

        assertThat(envelope.authority()).isEqualTo("E06000016");
        assertThat(new String(codec.encode(envelope), StandardCharsets.UTF_8)).contains("\"authority\":\"E06000016\"");
    }

    @Test
    void aDefaultAuthorityIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> new EventCodec(" ", VALIDATOR));
        assertThrows(IllegalArgumentException.class, () -> new EventCodec(null, VALIDATOR));
    }

    @Test
    void businessDateIsTheDateInLondon() {
        ObjectNode lateOnTheLastDayOfMarch = load("CostIncurred");
        lateOnTheLastDayOfMarch.put("occurredAt", "2015-03-31T23:30:00Z");
        ObjectNode beforeSummerTime = load("CostIncurred");
        beforeSummerTime.put("occurredAt", "2015-03-28T23:30:00Z");
        ObjectNode eveningInNewYork = load("CostIncurred");
        eveningInNewYork.put("occurredAt", "2015-06-01T20:00:00-04:00");

        // British Summer Time began on 29 March 2015: 23:30Z on 31 March is 00:30 on 1 April, financial year 2015/16.
        assertThat(codec.decode(bytes(lateOnTheLastDayOfMarch)).businessDate()).isEqualTo(LocalDate.of(2015, 4, 1));
        assertThat(codec.decode(bytes(beforeSummerTime)).businessDate()).isEqualTo(LocalDate.of(2015, 3, 28));
        assertThat(codec.decode(bytes(eveningInNewYork)).businessDate()).isEqualTo(LocalDate.of(2015, 6, 2));
    }

    @Test
    void encodingKeepsTheOffsetAndAlwaysWritesSeconds() {
        OffsetDateTime onTheMinute = OffsetDateTime.of(2015, 6, 1, 9, 30, 0, 0, ZoneOffset.ofHours(1));

        String encoded = new String(codec.encode(envelope(new StatementAgreed(), onTheMinute)), StandardCharsets.UTF_8);

        assertThat(encoded).contains("\"occurredAt\":\"2015-06-01T09:30:00+01:00\"", "\"data\":{}");
    }

    @Property(tries = 200)
    void anyEnvelopeSurvivesEncodeThenDecode(@ForAll("envelopes") EventEnvelope envelope) {
        assertThat(codec.decode(codec.encode(envelope))).isEqualTo(envelope);
    }

    @Provide
    Arbitrary<EventEnvelope> envelopes() {
        Arbitrary<OffsetDateTime> occurredAt = Combinators.combine(
                Arbitraries.longs().between(1_262_304_000L, 2_524_608_000L),
                Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.integers().between(-12 * 4, 14 * 4))
                .as((seconds, nanos, quarterHours) -> OffsetDateTime.ofInstant(
                        java.time.Instant.ofEpochSecond(seconds, nanos), ZoneOffset.ofTotalSeconds(quarterHours * 900)));
        Arbitrary<ComplaintEvent> event = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(CostCategory.class), Arbitraries.longs().between(0, Long.MAX_VALUE))
                        .as(CostIncurred::new),
                Combinators.combine(Arbitraries.of(Regime.class), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(100),
                                Arbitraries.of(ComplainantType.class), Arbitraries.of(LocalDate.of(2015, 11, 30)).injectNull(0.5))
                        .as(ComplaintReceived::new),
                Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.of(Outcome.class),
                                Combinators.combine(Arbitraries.of(Cause.class), Arbitraries.of(true, false))
                                        .as(CauseFinding::new).list().ofMaxSize(4))
                        .as(StageResponded::new));
        Arbitrary<String> complaintId = Arbitraries.strings().withChars("abcXYZ019._:/-").ofMaxLength(63).map(s -> "C" + s);
        return Combinators.combine(Arbitraries.create(UUID::randomUUID), occurredAt, complaintId, event)
                .as((id, at, key, e) -> new EventEnvelope(id, at, key, "E10000018", 1, e));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRecords")
    void rejectsABrokenRecordWithItsReason(byte[] value, String reason) {
        assertThatThrownBy(() -> codec.decode(value))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(reason);
    }

    static Stream<Arguments> brokenRecords() {
        return Stream.of(
                raw("malformed JSON", "{\"eventId\": ", "malformed JSON"),
                raw("two documents in one value", "{} {}", "malformed JSON"),
                raw("a repeated key", "{\"eventType\":\"PanelHeld\",\"eventType\":\"PanelHeld\"}", "Duplicate field 'eventType'"),
                raw("a JSON null", "null", "not a JSON object but NULL"),
                raw("an array", "[]", "not a JSON object but ARRAY"),
                raw("an empty value", "", "empty record value"),
                Arguments.of(Named.of("a tombstone", null), "tombstones are not events"),
                broken("missing envelope field", "ComplaintReceived", e -> e.remove("complaintId"),
                        "schema violation in envelope: $: required property 'complaintId' not found"),
                broken("missing payload field", "ComplaintReceived", e -> data(e).remove("serviceArea"),
                        "schema violation in ComplaintReceived: $.data: required property 'serviceArea' not found"),
                broken("missing data", "PanelHeld", e -> e.remove("data"), "required property 'data' not found"),
                broken("wrong enum value", "ComplaintReceived", e -> data(e).put("regime", "CHILDRENS"),
                        "$.data.regime: does not have a value in the enumeration [\"CHILDREN\", \"ADULTS\", \"CORPORATE\"]"),
                broken("wrong enum case", "ActionTaken", e -> data(e).put("action", "apology"), "$.data.action"),
                broken("unknown eventType", "PanelHeld", e -> e.put("eventType", "ComplaintReopened"),
                        "unknown eventType 'ComplaintReopened'"),
                broken("eventType not a string", "PanelHeld", e -> e.put("eventType", 7), "$.eventType"),
                broken("negative pence", "CostIncurred", e -> data(e).put("amountPence", -100),
                        "$.data.amountPence: must have a minimum value of 0"),
                broken("fractional pence", "CostIncurred", e -> data(e).put("amountPence", 520.5), "$.data.amountPence"),
                broken("negative remedy", "OmbudsmanDecision", e -> data(e).put("remedyPence", -1), "$.data.remedyPence"),
                broken("occurredAt without offset", "PanelHeld", e -> e.put("occurredAt", "2015-12-03T10:00:00"),
                        "$.occurredAt"),
                broken("occurredAt as a date", "PanelHeld", e -> e.put("occurredAt", "2015-12-03"), "$.occurredAt"),
                broken("non-UUID eventId", "PanelHeld", e -> e.put("eventId", "evt-42"), "$.eventId"),
                broken("short-form UUID", "PanelHeld", e -> e.put("eventId", "1-1-1-1-1"), "$.eventId"),
                broken("null eventId", "PanelHeld", e -> e.putNull("eventId"), "$.eventId: null found, string expected"),
                broken("null payload field", "ComplaintReceived", e -> data(e).putNull("serviceArea"),
                        "$.data.serviceArea: null found, string expected"),
                broken("null optional field", "ExtensionAgreed", e -> data(e).putNull("agreedDate"), "$.data.agreedDate"),
                broken("null authority", "PanelHeld", e -> e.putNull("authority"), "$.authority"),
                broken("null data", "PanelHeld", e -> e.putNull("data"), "$.data: null found, object expected"),
                broken("schemaVersion 2", "PanelHeld", e -> e.put("schemaVersion", 2), "$.schemaVersion"),
                broken("complaintId that looks like a name", "PanelHeld", e -> e.put("complaintId", "Jane Doe"), "$.complaintId"),
                broken("complaintId too long", "PanelHeld", e -> e.put("complaintId", "C".repeat(65)), "$.complaintId"),
                broken("authority with the KPI key separator", "PanelHeld", e -> e.put("authority", "E1|x"), "$.authority"),
                broken("empty service area", "ComplimentReceived", e -> data(e).put("serviceArea", ""), "$.data.serviceArea"),
                broken("service area with a trailing space", "ComplimentReceived",
                        e -> data(e).put("serviceArea", "First Response "), "$.data.serviceArea"),
                broken("service area over 100 characters", "OmbudsmanEnquiryReceived",
                        e -> data(e).put("serviceArea", "x".repeat(101)), "$.data.serviceArea"),
                broken("stage 4", "StageResponded", e -> data(e).put("stage", 4), "$.data.stage"),
                broken("stage 0 acknowledged", "ComplaintAcknowledged", e -> data(e).put("stage", 0), "$.data.stage"),
                broken("stage 3 extension", "ExtensionAgreed", e -> data(e).put("stage", 3), "$.data.stage"),
                broken("escalation to stage 1", "EscalationRequested", e -> data(e).put("toStage", 1), "$.data.toStage"),
                broken("extension of 66 working days", "ExtensionAgreed", e -> data(e).put("workingDays", 66),
                        "$.data.workingDays"),
                broken("extension with neither limit nor date", "ExtensionAgreed", e -> data(e).remove("workingDays"),
                        "schema violation in ExtensionAgreed"),
                broken("impossible calendar date", "ExtensionAgreed", e -> data(e).put("agreedDate", "2015-02-30"),
                        "$.data.agreedDate"),
                broken("missing ADR flag", "AdrHeld", e -> data(e).remove("preventedEscalation"),
                        "required property 'preventedEscalation' not found"),
                broken("cause without finding", "StageResponded", e -> ((ObjectNode) data(e).get("causes").get(0)).remove("upheld"),
                        "$.data.causes[0]: required property 'upheld' not found"),
                broken("financial year written 2015-16", "ContextFigureRecorded", e -> data(e).put("financialYear", "2015-16"),
                        "$.data.financialYear"),
                broken("financial year of non-consecutive years", "ContextFigureRecorded",
                        e -> data(e).put("financialYear", "2015/17"),
                        "invalid ContextFigureRecorded: financialYear must be two consecutive years like 2015/16, not '2015/17'"),
                broken("negative context figure", "ContextFigureRecorded", e -> data(e).put("value", -1), "$.data.value"));
    }

    private static Arguments raw(String name, String value, String reason) {
        return Arguments.of(Named.of(name, value.getBytes(StandardCharsets.UTF_8)), reason);
    }

    private static Arguments broken(String name, String eventType, Consumer<ObjectNode> breakIt, String reason) {
        ObjectNode event = load(eventType);
        breakIt.accept(event);
        return Arguments.of(Named.of(name, bytes(event)), reason);
    }

    private static EventEnvelope envelope(ComplaintEvent event) {
        return envelope(event, OffsetDateTime.parse("2015-08-20T10:00:00+01:00"));
    }

    @Test
    void hostileDocumentsAreRefusedByTheExplicitReadLimits() {
        byte[] deep = ("[".repeat(65) + "]".repeat(65)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] longText = ("\"" + "x".repeat((1 << 20) + 1) + "\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] longNumber = "1".repeat(101).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (byte[] hostile : List.of(deep, longText, longNumber)) {
            assertThatThrownBy(() -> EventCodec.MAPPER.readTree(hostile))
                    .isInstanceOf(com.fasterxml.jackson.core.exc.StreamConstraintsException.class);
            assertThatThrownBy(() -> codec.decode(hostile)).isInstanceOf(InvalidEventException.class);
        }
        // Within the limits a document is read: the limits are not the defaults by accident.
        assertThat(EventCodec.READ_LIMITS.getMaxNestingDepth()).isEqualTo(64);
        assertThatCode(() -> EventCodec.MAPPER.readTree(("[".repeat(64) + "]".repeat(64))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))).doesNotThrowAnyException();
    }

    private static EventEnvelope envelope(ComplaintEvent event, OffsetDateTime occurredAt) {
        return new EventEnvelope(UUID.fromString("6f1c2f8e-4c1b-4d53-9d64-0d3c1f0a9b7e"), occurredAt,
                "LCC-CSC-2015-0031", "E10000018", 1, event);
    }
}
