package io.complaintskpi.importing;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.SchemaValidator;
import io.complaintskpi.importing.FileCheck.Finding;
import io.complaintskpi.importing.FileCheck.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The dry run finds each planted problem on its row, by the stream's own codec and lifecycle machine. */
class FileCheckTest {

    static final Path PLANTED = Path.of("examples/complaint-events-with-errors.csv");
    private static final DomainRules RULES = DomainWiring.rules(ServiceConfig.defaults());
    private static final EventReader READER = new EventReader(RULES.codec(), new SchemaValidator());

    @TempDir
    Path dir;

    static FileCheck.Report check(EventReader reader, DomainRules rules, Path file) {
        List<ReadEvent> events = new ArrayList<>();
        EventReader.FileShape shape = reader.read(file, EventReader.Format.of(file), events::add, bytes -> { });
        return new FileCheck(rules).check(shape, events);
    }

    @Test
    void eachPlantedErrorIsFoundOnItsRowWithTheReasonTheServiceWouldGive() {
        FileCheck.Report report = check(READER, RULES, PLANTED);

        assertThat(report.events()).isEqualTo(10);
        assertThat(report.valid()).isEqualTo(9);
        assertThat(report.complaints()).isEqualTo(3); // P-1, P-2, P-3 (P-4's receipt breaks the contract)
        assertThat(report.problems()).extracting(f -> f.origin().row(), Finding::kind, Finding::complaintId)
                .containsExactly(
                        tuple(5, Kind.LIFECYCLE, "P-9"),   // a response to a complaint the file never received
                        tuple(7, Kind.WAITING, "P-2"),     // stage 3 requested before stage 2
                        tuple(9, Kind.LIFECYCLE, "P-3"),   // answered before it was received: the date goes back
                        tuple(10, Kind.CONTRACT, null));   // not a complainant type of the contract
        assertThat(report.problems().get(0).reason())
                .isEqualTo("impossible StageResponded for P-9: no complaint received under this reference");
        assertThat(report.problems().get(1).reason())
                .isEqualTo("never takes effect in this file: waits for the request for stage 2");
        assertThat(report.problems().get(2).reason()).isEqualTo("impossible StageResponded for P-3: no complaint"
                + " received under this reference; its date 2025-05-02 goes back before ComplaintReceived on row 8"
                + " (2025-05-10)");
        assertThat(report.problems().get(3).reason()).startsWith("schema violation in ComplaintReceived:"
                + " $.data.complainantType: does not have a value in the enumeration");
        // Row 11 is row 2 again: the same event, counted once, not a problem.
        assertThat(report.repeats()).containsExactly(new FileCheck.Repeat(Origin.row(11), Origin.row(2)));
    }

    @Test
    void theCommittedExamplesHaveNoProblem() {
        assertThat(check(READER, RULES, Path.of("examples/complaints-export.csv")).problems()).isEmpty();
        assertThat(check(READER, RULES, Path.of("examples/complaint-events.csv")).problems()).isEmpty();
    }

    @Test
    void aReceiptLaterInTheFileThanTheComplaintsOtherEventsIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("late-receipt.csv"), "complaint_id,event_type,occurred_at,regime,"
                + "service_area,complainant_type,stage\n"
                + "C-1,ComplaintAcknowledged,2025-04-08,,,,1\n"
                + "C-1,ComplaintReceived,2025-04-07,CHILDREN,First Response,PARENT,\n");

        assertThat(check(READER, RULES, file).problems()).singleElement().satisfies(finding -> {
            assertThat(finding.origin()).isEqualTo(Origin.row(2));
            assertThat(finding.reason()).isEqualTo("impossible ComplaintAcknowledged for C-1: no complaint received"
                    + " under this reference; the complaint is received later in the file, on row 3, and the service"
                    + " reads each complaint's events in the order sent");
        });
    }

    @Test
    void anEventIdGivenTwiceForDifferentEventsIsAProblem() throws IOException {
        UUID id = UUID.randomUUID();
        Path file = Files.writeString(dir.resolve("reused.csv"), "event_id,complaint_id,event_type,occurred_at,regime,"
                + "service_area,complainant_type\n"
                + id + ",C-1,ComplaintReceived,2025-04-07,CHILDREN,First Response,PARENT\n"
                + id + ",C-1,ComplaintReceived,2025-04-08,CHILDREN,First Response,PARENT\n"
                + id + ",C-2,ComplaintReceived,2025-04-07,CHILDREN,First Response,PARENT\n");

        FileCheck.Report report = check(READER, RULES, file);

        assertThat(report.problems()).extracting(Finding::origin, Finding::kind, Finding::reason).containsExactly(
                tuple(Origin.row(3), Kind.REUSED_ID, "eventId already used by a different event on row 2: the"
                        + " service keeps that one and ignores this"),
                tuple(Origin.row(4), Kind.REUSED_ID, "eventId already used on row 2 for complaint C-1: every event"
                        + " needs its own"));
        assertThat(report.complaints()).isEqualTo(2); // C-1 once (the service ignores row 3), and C-2
    }
}
