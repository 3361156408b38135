package io.complaintskpi.importing;

import io.complaintskpi.authorities.Authority;
import io.complaintskpi.authorities.AuthorityCodec;
import io.complaintskpi.authorities.CouncilType;
import io.complaintskpi.authorities.Population;
import io.complaintskpi.rules.FinancialYear;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Authority records from a file as the service would judge them: a CSV of one row per authority and year makes
 * one record per code with an estimate per row, council types and numbers written as spreadsheets write them;
 * what the service would refuse is refused here with its reason and row.
 */
class AuthorityReaderTest {

    @TempDir
    Path dir;

    private final AuthorityCodec codec = new AuthorityCodec();

    @Test
    void theRowsOfOneCodeMakeOneRecordWithAnEstimatePerYear() throws IOException {
        AuthorityReader.Result read = new AuthorityReader().read(Path.of("examples/authorities.csv"),
                EventReader.Format.CSV);

        assertThat(read.shape().layout()).isEqualTo("one row per authority and year");
        assertThat(read.records()).extracting(AuthorityReader.ReadAuthority::code)
                .containsExactly("E10000018", "E06000016", "E10000024");
        assertThat(read.records()).extracting(r -> r.origin().row()).containsExactly(2, 4, 5);
        assertThat(read.valid()).isEqualTo(3);
        Authority leicestershire = decode(read.records().get(0));
        assertThat(leicestershire).isEqualTo(new Authority("E10000018", "Leicestershire County Council", "E10000018",
                CouncilType.COUNTY, "East Midlands", Map.of(
                FinancialYear.parse("2024/25"), new Population(727_000, 146_000),
                FinancialYear.parse("2025/26"), new Population(732_000, 147_000))));
        assertThat(decode(read.records().get(1)).councilType()).isEqualTo(CouncilType.UNITARY);
    }

    @Test
    void whatTheServiceWouldRefuseIsRefusedWithItsRowAndReason() throws IOException {
        Path file = Files.writeString(dir.resolve("authorities.csv"), """
                Code;Name;ONS Code;Council Type;Region;Year;Residents;Children;Notes
                A1;First Council;E06000001;metropolitan borough;North West;2025/26;100000;20000;ok
                A2;Second Council;E06000002;parish;North West;2025/26;100000;20000;
                A3;Third Council;E06000003;District;North West;2025/26;1000;2000;
                A4;Fourth Council;E06000004;District;North West;2024/25;1000;200;
                A4;Fourth Council;E06000004;District;South West;2025/26;1000;200;
                ;Nameless Council;E06000005;District;North West;;;;
                A6;Sixth Council;E06000006;London borough;London;;;;
                """);

        AuthorityReader.Result read = new AuthorityReader().read(file, EventReader.Format.CSV);

        assertThat(read.shape().ignoredColumns()).containsExactly("Notes");
        assertThat(read.records()).extracting(r -> r.origin() + " " + r.code() + ": " + r.problem()).containsExactly(
                "row 2 A1: null",
                "row 3 A2: schema violation in authority: $.councilType: does not have a value in the enumeration"
                        + " [\"county\", \"district\", \"metropolitan-borough\", \"unitary\", \"london-borough\"]",
                "row 4 A3: authority A3 population 2025/26: 2000 children is more than its 1000 residents",
                "row 5 A4: authority A4: row 6 gives region 'South West', row 5 'North West'",
                "row 7 null: no code: every row names the authority's code (the authority field of its events)",
                "row 8 A6: null");
        assertThat(decode(read.records().get(0)).councilType()).isEqualTo(CouncilType.METROPOLITAN_BOROUGH);
        assertThat(decode(read.records().get(5)).populations()).as("no estimate on its row: none").isEmpty();
    }

    @Test
    void ndjsonIsOneRecordALineAsOnTheTopic() throws IOException {
        Path file = Files.writeString(dir.resolve("authorities.ndjson"), """
                {"code":"A1","name":"First Council","onsCode":"E06000001","councilType":"unitary","region":"North East","populations":[]}

                {"code":"A2","name":"Second Council","onsCode":"X1","councilType":"unitary","region":"North East","populations":[]}
                {"name":"No Code Council"}
                not json
                """);

        AuthorityReader.Result read = new AuthorityReader().read(file, EventReader.Format.NDJSON);

        assertThat(read.records()).extracting(r -> r.origin().row()).containsExactly(1, 3, 4, 5);
        assertThat(read.records().get(0).valid()).isTrue();
        assertThat(new String(read.records().get(0).value())).startsWith("{\"code\":\"A1\"");
        assertThat(read.records().get(1).problem()).startsWith("schema violation in authority: $.onsCode");
        assertThat(read.records().get(2).problem()).startsWith("no code: ");
        assertThat(read.records().get(3).problem()).startsWith("no code: authority record is not JSON");
    }

    @Test
    void aCsvWithoutTheAuthorityColumnsIsNotReadAtAll() throws IOException {
        Path file = Files.writeString(dir.resolve("events.csv"), "complaint_id,event_type,occurred_at\nX,Y,Z\n");

        assertThatThrownBy(() -> new AuthorityReader().read(file, EventReader.Format.CSV))
                .isInstanceOf(ImportFormatException.class)
                .hasMessage("not a CSV of authorities: the header has no code, name, ons_code, council_type, region"
                        + " (columns: code, name, ons_code, council_type, region, year, residents, children)");
    }

    private Authority decode(AuthorityReader.ReadAuthority record) {
        return codec.decode(record.code(), record.value());
    }
}
