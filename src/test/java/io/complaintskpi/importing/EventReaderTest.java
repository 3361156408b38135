package io.complaintskpi.importing;

import io.complaintskpi.events.ComplaintEvent.ComplaintAcknowledged;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.ComplaintEvent.CostIncurred;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.ComplaintEvent.StageResponded;
import io.complaintskpi.events.CauseFinding;
import io.complaintskpi.events.Cause;
import io.complaintskpi.events.CostCategory;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.events.Regime;
import io.complaintskpi.events.SchemaValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CSV exports and NDJSON read into contract events, validated by the stream's codec, with derived ids. */
class EventReaderTest {

    private static final SchemaValidator SCHEMAS = new SchemaValidator();
    private static final EventReader READER = new EventReader(new EventCodec("E10000018", SCHEMAS), SCHEMAS);

    @TempDir
    Path dir;

    private record Read(EventReader.FileShape shape, List<ReadEvent> events) {
        List<ReadEvent.Valid> valid() {
            return events.stream().filter(ReadEvent.Valid.class::isInstance).map(ReadEvent.Valid.class::cast).toList();
        }

        List<ReadEvent.Invalid> invalid() {
            return events.stream().filter(ReadEvent.Invalid.class::isInstance).map(ReadEvent.Invalid.class::cast)
                    .toList();
        }

        EventEnvelope at(int row, String column) {
            return valid().stream().filter(v -> v.origin().equals(new Origin(row, column))).findFirst().orElseThrow()
                    .event();
        }
    }

    private static Read read(Path file) {
        List<ReadEvent> events = new ArrayList<>();
        EventReader.FileShape shape = READER.read(file, EventReader.Format.of(file), events::add, bytes -> { });
        return new Read(shape, events);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void theCommittedRowPerComplaintExampleExpandsEachDatedColumnIntoItsEvent() {
        Read read = read(Path.of("examples/complaints-export.csv"));

        assertThat(read.shape().layout()).isEqualTo("one row per complaint");
        assertThat(read.shape().ignoredColumns()).containsExactly("notes");
        assertThat(read.invalid()).isEmpty();
        assertThat(read.valid()).hasSize(17);
        EventEnvelope received = read.at(3, "received");
        assertThat(received.complaintId()).isEqualTo("LCC-2025-0102");
        assertThat(received.authority()).isEqualTo("E10000018");
        assertThat(received.businessDate()).isEqualTo(LocalDate.of(2025, 4, 9));
        assertThat(received.event()).isEqualTo(new ComplaintReceived(Regime.CHILDREN, "Fostering & Adoption",
                io.complaintskpi.events.ComplainantType.FOSTER_CARER, null));
        assertThat(read.at(3, "stage2_requested").event()).isEqualTo(new EscalationRequested(2));
        assertThat(read.at(3, "stage2_acknowledged").event()).isEqualTo(new ComplaintAcknowledged(2));
        assertThat(read.at(3, "stage2_responded").event()).isEqualTo(new StageResponded(2, Outcome.PARTLY_UPHELD,
                List.of()));
        // "Partly upheld" and a causes cell in the documented form.
        assertThat(read.at(2, "responded").event()).isEqualTo(new StageResponded(1, Outcome.PARTLY_UPHELD, List.of(
                new CauseFinding(Cause.QUALITY_OF_WORK, true), new CauseFinding(Cause.KEEPING_INFORMED, false))));
        // A UK date (14/04/2025) is the same business date; a blank date is no event.
        assertThat(read.at(4, "received").businessDate()).isEqualTo(LocalDate.of(2025, 4, 14));
        assertThat(read.valid()).filteredOn(v -> v.origin().row() == 4).hasSize(2);
    }

    @Test
    void theCommittedRowPerEventExampleReadsPayloadColumnsByTheContractsFieldNames() {
        Read read = read(Path.of("examples/complaint-events.csv"));

        assertThat(read.shape().layout()).isEqualTo("one row per event");
        assertThat(read.invalid()).isEmpty();
        assertThat(read.valid()).extracting(v -> v.event().eventType()).containsExactly("ComplaintReceived",
                "ComplaintAcknowledged", "ExtensionAgreed", "StageResponded", "EscalationRequested", "CostIncurred");
        assertThat(read.at(4, "").event()).isEqualTo(new ExtensionAgreed(1, 20, null));
        assertThat(read.at(5, "").occurredAt()).isEqualTo(OffsetDateTime.parse("2025-06-27T15:30:00+01:00"));
        assertThat(read.at(7, "").event()).isEqualTo(new CostIncurred(CostCategory.INVESTIGATING_OFFICER, 45_000));
    }

    @Test
    void aDateWithoutATimeIsTheStartOfThatDayInLondon() throws IOException {
        Path csv = file("winter.csv", "complaint_id,event_type,date,stage\nC-1,ComplaintAcknowledged,2025-01-15,1\n"
                + "C-1,ComplaintAcknowledged,2025-06-15,1\n");

        List<ReadEvent.Valid> valid = read(csv).valid();

        assertThat(valid.get(0).event().occurredAt()).isEqualTo(OffsetDateTime.parse("2025-01-15T00:00:00Z"));
        assertThat(valid.get(1).event().occurredAt()).isEqualTo(OffsetDateTime.parse("2025-06-15T00:00:00+01:00"));
    }

    @Test
    void idsFollowTheEventsContentSoAReExportWithColumnsMovedAndMoreFilledInKeepsTheEarlierIds() throws IOException {
        Path first = file("first.csv", "complaint_id,regime,service_area,complainant_type,received,responded,outcome\n"
                + "C-1,CHILDREN,First Response,PARENT,2025-04-07,,\n");
        Path later = file("later.csv", "Outcome,Responded,Received,Complainant Type,Service Area,Regime,Complaint ID\n"
                + "not upheld,17/04/2025,07/04/2025,parent, First Response ,children,C-1\n");

        List<ReadEvent.Valid> before = read(first).valid();
        List<ReadEvent.Valid> after = read(later).valid();

        assertThat(before).hasSize(1);
        assertThat(after).hasSize(2);
        assertThat(after.get(0).event().eventId()).isEqualTo(before.get(0).event().eventId());
        assertThat(after.get(1).event().eventId()).isNotEqualTo(before.get(0).event().eventId());
    }

    @Test
    void aGivenEventIdIsKeptAndTheSameRowTwiceHasOneId() throws IOException {
        UUID given = UUID.randomUUID();
        Path csv = file("ids.csv", "event_id,complaint_id,event_type,occurred_at,stage\n"
                + given + ",C-1,ComplaintAcknowledged,2025-04-08,1\n"
                + ",C-1,ComplaintAcknowledged,2025-04-09,1\n"
                + ",C-1,ComplaintAcknowledged,2025-04-09,1\n");

        List<ReadEvent.Valid> valid = read(csv).valid();

        assertThat(valid.get(0).event().eventId()).isEqualTo(given);
        assertThat(valid.get(1).event().eventId()).isEqualTo(valid.get(2).event().eventId()).isNotEqualTo(given);
    }

    @Test
    void whatACellCannotBeReadAsIsPassedOnForTheContractToRefuseWithItsOwnReason() throws IOException {
        Path csv = file("bad.csv", "complaint_id,event_type,occurred_at,stage,outcome\n"
                + "C-1,StageResponded,2025-04-17,one,NOT_UPHELD\n"
                + "C-1,StageResponded,next tuesday,1,NOT_UPHELD\n"
                + "C-1,ComplaintReopened,2025-04-17,,\n"
                + "C 1,StageResponded,2025-04-17,1,NOT_UPHELD\n");

        List<ReadEvent.Invalid> invalid = read(csv).invalid();

        assertThat(invalid).extracting(ReadEvent.Invalid::origin).extracting(Origin::row).containsExactly(2, 3, 4, 5);
        assertThat(invalid.get(0).reason()).isEqualTo("schema violation in StageResponded: $.data.stage: string found,"
                + " integer expected");
        assertThat(invalid.get(1).reason()).startsWith("schema violation in envelope: $.occurredAt:");
        assertThat(invalid.get(2).reason()).isEqualTo("unknown eventType 'ComplaintReopened'");
        assertThat(invalid.get(3).reason()).startsWith("schema violation in envelope: $.complaintId:");
    }

    @Test
    void aRowPerComplaintWithAnOutcomeButNoResponseDateSaysSo() throws IOException {
        Path csv = file("orphan.csv", "complaint_id,regime,service_area,complainant_type,received,responded,outcome\n"
                + "C-1,CHILDREN,First Response,PARENT,2025-04-07,,Upheld\n");

        Read read = read(csv);

        assertThat(read.valid()).hasSize(1);
        assertThat(read.invalid()).singleElement().satisfies(invalid -> {
            assertThat(invalid.origin()).isEqualTo(new Origin(2, "responded"));
            assertThat(invalid.reason()).isEqualTo("outcome filled in but responded is empty: give the date, or leave"
                    + " them empty");
        });
    }

    @Test
    void aSpreadsheetSavedWithSemicolonsAndAByteOrderMarkReadsTheSame() throws IOException {
        Path csv = dir.resolve("excel.csv");
        Files.write(csv, ("\uFEFFcomplaint_id;event_type;occurred_at;stage\r\nC-1;ComplaintAcknowledged;08/04/2025;1\r\n")
                .getBytes(StandardCharsets.UTF_8));

        Read read = read(csv);

        assertThat(read.invalid()).isEmpty();
        assertThat(read.valid()).singleElement().satisfies(v -> assertThat(v.event().event())
                .isEqualTo(new ComplaintAcknowledged(1)));
    }

    @Test
    void aHeaderOfNeitherLayoutOrMissingAColumnIsOneClearProblem() throws IOException {
        assertThatThrownBy(() -> read(file("x.csv", "ref,when\nC-1,2025-04-07\n")))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageStartingWith("the header has neither an event_type column");
        assertThatThrownBy(() -> read(file("y.csv", "complaint_id,received,regime\nC-1,2025-04-07,CHILDREN\n")))
                .isInstanceOf(ImportFormatException.class)
                .hasMessage("a file of one row per complaint needs the columns service_area, complainant_type");
    }

    @Test
    void ndjsonLinesKeepTheirIdsGetOneWhenTheyHaveNoneAndAreJudgedByTheCodecAsWritten() throws IOException {
        UUID given = UUID.randomUUID();
        String event = "\"eventType\":\"ComplaintAcknowledged\",\"occurredAt\":\"2025-04-08T09:00:00+01:00\","
                + "\"complaintId\":\"C-1\",\"schemaVersion\":1,\"data\":{\"stage\":1}}";
        Path ndjson = file("events.ndjson", "{\"eventId\":\"" + given + "\"," + event + "\n\n{" + event + "\n{" + event
                + "\n{\"complaintId\":\"C-1\"," + event + "\n");

        Read read = read(ndjson);

        assertThat(read.valid()).extracting(v -> v.origin().row()).containsExactly(1, 3, 4);
        assertThat(read.valid().get(0).event().eventId()).isEqualTo(given);
        assertThat(read.valid().get(1).event().eventId()).isEqualTo(read.valid().get(2).event().eventId())
                .isEqualTo(DerivedIds.of(EventCodec.MAPPER.readTree("{" + event)));
        // The key repeated on line 5 is the codec's refusal, not lost by adding the id.
        assertThat(read.invalid()).singleElement().satisfies(invalid -> {
            assertThat(invalid.origin().row()).isEqualTo(5);
            assertThat(invalid.reason()).startsWith("malformed JSON: Duplicate field 'complaintId'");
        });
    }
}
