package io.complaintskpi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The dry run's report as an integrator reads it: text and JSON, each problem with its row; the exit status. */
class CheckCommandTest {

    private static final String PLANTED = "examples/complaint-events-with-errors.csv";

    @Test
    void theTextReportNamesEachProblemWithItsRowAndKind() {
        CliRun run = CliRun.of("check", PLANTED);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly(
                "check " + PLANTED + " (CSV, one row per event): 10 events, 9 valid; complaints received: 3; nothing"
                        + " was sent",
                "row 11 repeats row 2: the same event, counted once",
                "4 problems:",
                "  row 5: lifecycle: impossible StageResponded for P-9: no complaint received under this reference",
                "  row 7: waiting: never takes effect in this file: waits for the request for stage 2",
                "  row 9: lifecycle: impossible StageResponded for P-3: no complaint received under this reference;"
                        + " its date 2025-05-02 goes back before ComplaintReceived on row 8 (2025-05-10)",
                "  row 10: contract: schema violation in ComplaintReceived: $.data.complainantType: does not have a"
                        + " value in the enumeration [\"CHILD_OR_YOUNG_PERSON\", \"PARENT\", \"FOSTER_CARER\","
                        + " \"ADOPTER\", \"OTHER_SUFFICIENT_INTEREST\", \"ADULT_SERVICE_USER\", \"REPRESENTATIVE\"]");
    }

    @Test
    void theJsonReportHoldsTheSameFindingsForAProgram() throws Exception {
        CliRun run = CliRun.of("check", "--format", "json", PLANTED);

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode report = EventCodec.MAPPER.readTree(run.out());
        assertThat(report.path("sent").asInt()).isZero();
        assertThat(report.path("events").asInt()).isEqualTo(10);
        assertThat(report.path("problems").findValuesAsText("kind"))
                .containsExactly("LIFECYCLE", "WAITING", "LIFECYCLE", "CONTRACT");
        assertThat(report.path("problems").findValues("row")).extracting(JsonNode::asInt).containsExactly(5, 7, 9, 10);
        JsonNode first = report.path("problems").get(0);
        assertThat(first.path("complaintId").asText()).isEqualTo("P-9");
        assertThat(first.path("eventType").asText()).isEqualTo("StageResponded");
        assertThat(first.path("eventId").asText()).hasSize(36);
        assertThat(report.path("repeats").get(0).path("repeatsRow").asInt()).isEqualTo(2);
    }

    @Test
    void aCleanFileIsExitZeroAndSaysSo() {
        CliRun run = CliRun.of("check", "examples/complaints-export.csv");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("17 events, 17 valid; complaints received: 5")
                .contains("columns no event reads: notes")
                .contains("no problems: every event is valid and fits its complaint's lifecycle");
    }

    /** Issue 22: authority records are checked as the service checks them, each problem with its row. */
    @Test
    void authorityRecordsAreCheckedAsTheServiceChecksThem(@TempDir Path dir) throws Exception {
        CliRun clean = CliRun.of("check", "--authorities", "examples/authorities.csv");

        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(clean.out().lines()).containsExactly("check examples/authorities.csv (CSV, one row per authority"
                + " and year): 3 authorities, 3 valid; nothing was sent", "no problems: every record is valid");

        Path file = Files.writeString(dir.resolve("authorities.csv"), "code,name,ons_code,council_type,region,year,"
                + "residents,children\nA1,First Council,E06000001,unitary,North East,2025/26,100000,20000\n"
                + "A3,Third Council,E06000003,district,North East,2025/26,1000,2000\n");
        CliRun text = CliRun.of("check", "--authorities", file.toString());

        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out().lines()).containsExactly("check " + file + " (CSV, one row per authority and year):"
                        + " 2 authorities, 1 valid; nothing was sent", "1 problem:",
                "  row 3: authority A3 population 2025/26: 2000 children is more than its 1000 residents");

        CliRun json = CliRun.of("check", "--authorities", "--format", "json", file.toString());

        assertThat(json.exitCode()).isEqualTo(1);
        JsonNode report = EventCodec.MAPPER.readTree(json.out());
        assertThat(report.path("authorities").asInt()).isEqualTo(2);
        assertThat(report.path("valid").asInt()).isEqualTo(1);
        assertThat(report.path("sent").asInt()).isZero();
        assertThat(report.at("/problems/0/row").asInt()).isEqualTo(3);
        assertThat(report.at("/problems/0/code").asText()).isEqualTo("A3");
    }

    @Test
    void anUnknownReportFormatIsAUsageError() {
        CliRun run = CliRun.of("check", "--format", "xml", PLANTED);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("complaints-kpi: --format 'xml' is not a report format: give text"
                + " or json (see 'complaints-kpi check --help')");
    }
}
