package io.complaintskpi.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.Timescale.Milestone;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** What the service publishes on complaint-alerts matches the schema the topic spec points to. */
class AlertSchemaTest {

    private static JsonSchema schema() throws Exception {
        try (InputStream in = AlertSchemaTest.class.getResourceAsStream("/topics/schemas/alert.schema.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    @Test
    void publishedAlertsMatchTheirSchema() throws Exception {
        Alert breached = new Alert(AlertKind.BREACHED, "CS-2015-043", "E10000018", Regime.CHILDREN,
                "Strengthening Families", 2, Milestone.RESPONSE, LocalDate.parse("2016-02-05"), 3, Instant.parse("2016-02-10T09:00:00Z"),
                null);
        Alert cleared = new Alert(AlertKind.CLEARED, "CS-2015-043", "E10000018", Regime.CHILDREN,
                "Strengthening Families", 2, Milestone.RESPONSE, LocalDate.parse("2016-02-05"), 3, Instant.parse("2016-02-12T09:00:00Z"),
                AlertKind.BREACHED);
        JsonSchema schema = schema();
        for (Alert alert : new Alert[] {breached, cleared}) {
            JsonNode json = EventCodec.MAPPER.valueToTree(alert);
            assertThat(schema.validate(json)).as(json.toString()).isEmpty();
        }
    }

    @Test
    void stageThreeMilestonesAndAlertsPublishedBeforeMilestonesStillMatch() throws Exception {
        JsonSchema schema = schema();
        for (Milestone milestone : Milestone.values()) {
            Alert breached = new Alert(AlertKind.BREACHED, "CS-2015-043", "E10000018", Regime.CHILDREN, "Fostering", 3,
                    milestone, LocalDate.parse("2016-02-05"), 1, Instant.parse("2016-02-10T09:00:00Z"), null);
            assertThat(schema.validate(EventCodec.MAPPER.valueToTree(breached))).as(milestone.name()).isEmpty();
        }
        JsonNode before = breachedAtStage1("\"dueDate\":\"2016-02-05\",\"workingDaysOverdue\":1,"
                + "\"raisedAt\":\"2016-02-10T09:00:00Z\",\"clears\":null");
        assertThat(schema.validate(before)).isEmpty();
    }

    @Test
    void aRecommendationsAlertNamesItsNumberAndMayHaveNoRegime() throws Exception {
        Alert breached = new Alert(AlertKind.BREACHED, "LGSCO-15-004-812", "E10000018", null, "Fostering", 4,
                Milestone.RECOMMENDATION, LocalDate.parse("2016-03-24"), 1, Instant.parse("2016-03-25T09:00:00Z"), null);
        JsonNode json = EventCodec.MAPPER.valueToTree(breached);
        assertThat(schema().validate(json)).as(json.toString()).isEmpty();
        ((ObjectNode) json).put("stage", 100);
        assertThat(schema().validate(json)).isNotEmpty();
    }

    @Test
    void rejectsAnUnknownMilestone() throws Exception {
        JsonNode json = breachedAtStage1("\"milestone\":\"LUNCH\",\"dueDate\":\"2016-02-05\","
                + "\"workingDaysOverdue\":1,\"raisedAt\":\"2016-02-10T09:00:00Z\"");
        assertThat(schema().validate(json)).isNotEmpty();
    }

    @Test
    void rejectsAnAlertWithoutItsDueDate() throws Exception {
        JsonNode json = breachedAtStage1("\"workingDaysOverdue\":1,\"raisedAt\":\"2016-02-10T09:00:00Z\"");
        assertThat(schema().validate(json)).isNotEmpty();
    }

    /** A stage 1 BREACHED with the given fields after the stage. */
    private static JsonNode breachedAtStage1(String rest) throws Exception {
        return EventCodec.MAPPER.readTree("{\"kind\":\"BREACHED\",\"complaintId\":\"C\",\"authority\":\"A\","
                + "\"regime\":\"CHILDREN\",\"serviceArea\":\"S\",\"stage\":1," + rest + "}");
    }
}
