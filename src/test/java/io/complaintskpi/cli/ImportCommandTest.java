package io.complaintskpi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.testing.EventsEndpointStub;
import io.complaintskpi.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import command's client side: its options and errors, and the HTTP path against a stand-in endpoint that
 * answers by the documented contract (the end to end runs on the embedded broker: app.ImportEndToEndTest).
 */
class ImportCommandTest {

    @TempDir
    Path dir;

    private Path tokenFile() throws IOException {
        return Files.writeString(dir.resolve("token"), "publisher-token\n");
    }

    /** Four events over rows 2 to 5; row 4 refused by the service, row 5 by the contract here. */
    private Path export() throws IOException {
        return Files.writeString(dir.resolve("export.csv"), "complaint_id,event_type,occurred_at,regime,service_area,"
                + "complainant_type,stage\n"
                + "H-1,ComplaintReceived,2025-04-07,CHILDREN,First Response,PARENT,\n"
                + "H-1,ComplaintAcknowledged,2025-04-08,,,,1\n"
                + "REFUSED-1,ComplaintReceived,2025-04-07,CHILDREN,First Response,PARENT,\n"
                + "H-2,ComplaintAcknowledged,2025-04-08,,,,four\n"
                + "H-2,ComplaintReceived,2025-04-07,CHILDREN,First Response,PARENT,\n");
    }

    @Test
    void overHttpEachEventIsAnsweredByItsRowAndABatchOverTheLimitIsSplit() throws IOException {
        try (EventsEndpointStub service = new EventsEndpointStub("publisher-token", 2)) {
            CliRun run = CliRun.of("import", "--url", service.url().toString(), "--token-file", tokenFile().toString(),
                    "--batch-size", "4", export().toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.out().lines()).containsExactly(
                    "read " + dir.resolve("export.csv") + " (CSV, one row per event)",
                    "sent to " + service.url() + "/api/v1/events: accepted 3, rejected 2",
                    "  row 4: refused by the stub: REFUSED-1",
                    "  row 5: schema violation in ComplaintAcknowledged: $.data.stage: string found, integer expected",
                    "the stub's later checks");
            // The contract's refusal was never sent; the batch of 4 went as 2 + 2 after the 413.
            assertThat(service.batches()).extracting(List::size).containsExactly(2, 2);
            assertThat(service.batches().stream().flatMap(List::stream).map(e -> e.path("complaintId").asText()))
                    .containsExactly("H-1", "H-1", "REFUSED-1", "H-2");
            JsonNode first = service.batches().get(0).get(0);
            assertThat(first.path("eventId").asText()).hasSize(36);
            assertThat(first.path("occurredAt").asText()).isEqualTo("2025-04-07T00:00:00+01:00");
        }
    }

    @Test
    void everyEventAcceptedIsExitZero() throws IOException {
        Path good = Files.writeString(dir.resolve("good.csv"), "complaint_id,event_type,occurred_at,regime,"
                + "service_area,complainant_type\nH-1,ComplaintReceived,2025-04-07,CHILDREN,First Response,PARENT\n");
        try (EventsEndpointStub service = new EventsEndpointStub("publisher-token", 100)) {
            CliRun run = CliRun.of("import", "--url", service.url().toString(), "--token-file", tokenFile().toString(),
                    good.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("accepted 1, rejected 0");
        }
    }

    @Test
    void aRefusedTokenIsOneLineNamingWhereTheTokenGoes() throws IOException {
        Path wrong = Files.writeString(dir.resolve("wrong"), "viewer-token");
        try (EventsEndpointStub service = new EventsEndpointStub("publisher-token", 100)) {
            CliRun run = CliRun.of("import", "--url", service.url().toString(), "--token-file", wrong.toString(),
                    export().toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().lines()).containsExactly("complaints-kpi import: POST " + service.url()
                    + "/api/v1/events answered 401: a valid bearer token is needed (a publisher's token:"
                    + " COMPLAINTS_API_TOKEN or --token-file)");
            assertThat(service.batches()).isEmpty();
        }
    }

    @Test
    void aServiceThatIsNotThereIsOneLine() throws IOException {
        CliRun run = CliRun.of("import", "--url", "http://127.0.0.1:1", export().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("complaints-kpi import: cannot reach http://127.0.0.1:1/api/v1/events (is the service"
                        + " running?)");
    }

    @Test
    void usageErrorsAreExitTwoAndNameTheOption() throws IOException {
        Path file = export();
        assertUsage(CliRun.of("import", dir.resolve("missing.csv").toString()), "FILE " + dir.resolve("missing.csv")
                + ": no such file");
        assertUsage(CliRun.of("import", "--input-format", "xlsx", file.toString()),
                "--input-format 'xlsx' is not a format: give csv or ndjson");
        assertUsage(CliRun.of("import", "--batch-size", "0", file.toString()),
                "--batch-size 0 is not a batch size: give a whole number from 1");
        assertUsage(CliRun.of("import", "--url", "localhost:7070", file.toString()),
                "--url 'localhost:7070' is not a service address: give one like http://localhost:7070");
        assertUsage(CliRun.of("import", "--url", "http://localhost:7070", "--bootstrap-servers", "k:9092",
                file.toString()), "--url sends over HTTP: give it or --bootstrap-servers/--data-dir (Kafka), not both");
        assertUsage(CliRun.of("import", "--url", "http://localhost:7070", "--token-file", dir.resolve("nope")
                .toString(), file.toString()), "--token-file " + dir.resolve("nope") + ": no such file");
        assertUsage(CliRun.of("import", "--authorities", "--url", "http://localhost:7070", "examples/authorities.csv"),
                "--authorities sends to the authorities topic on Kafka (POST /api/v1/events takes events only):"
                        + " leave out --url");
    }

    @Test
    void aFileOfEventsIsNotAFileOfAuthorities() throws IOException {
        CliRun run = CliRun.of("import", "--authorities", "--bootstrap-servers", "127.0.0.1:1", export().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString().isEqualTo("complaints-kpi import: "
                + dir.resolve("export.csv") + ": not a CSV of authorities: the header has no code, name, ons_code,"
                + " council_type, region (columns: code, name, ons_code, council_type, region, year, residents,"
                + " children)");
    }

    @Test
    void aFileOfNeitherLayoutIsOneLine() throws IOException {
        Path odd = Files.writeString(dir.resolve("odd.csv"), "ref,when\nC-1,2025-04-07\n");

        CliRun run = CliRun.of("import", "--url", "http://127.0.0.1:1", odd.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString().startsWith("complaints-kpi import: " + odd
                + ": the header has neither an event_type column");
    }

    @Test
    void withNoBrokerInTheDataDirItSaysToStartTheServiceFirst() throws IOException {
        CliRun run = CliRun.of("import", "--data-dir", dir.resolve("empty").toString(), export().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("complaints-kpi import: no embedded broker has run in ");
    }

    private static void assertUsage(CliRun run, String problem) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("complaints-kpi: " + problem + " (see 'complaints-kpi import"
                + " --help')");
    }
}
