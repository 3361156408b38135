package io.complaintskpi.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.cli.Main;
import io.complaintskpi.demo.FixtureWriter;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.events.SchemaValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code complaints-kpi report}: offline on the seed fixture it gives the same report as the running
 * service; with {@code --url} it saves what the service serves.
 */
@ExtendWith(SeedService.Resolver.class)
class ReportCommandTest {

    /** The same display name the shared service is configured with, so offline and served reports match. */
    private static final String NAMES = "authority.names=" + SeedService.AUTHORITY + "=Leicestershire County Council";


    private static final String BASE = "annual-" + SeedService.AUTHORITY + "-2015-16";
    private static final String ROUTE = "/api/v1/reports/annual?year=2015/16";

    private static SeedService service;

    @TempDir
    Path out;

    @BeforeAll
    static void running(SeedService seedService) {
        service = seedService;
    }

    /** Exit code, stdout and stderr of one run. */
    record Run(int exitCode, String out, String err) {
    }

    private static Run report(String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        List<String> all = new ArrayList<>(List.of("report"));
        all.addAll(List.of(args));
        int code = Main.commandLine().setOut(new PrintWriter(stdout)).setErr(new PrintWriter(stderr))
                .execute(all.toArray(String[]::new));
        return new Run(code, stdout.toString(), stderr.toString());
    }

    @Test
    void offline_on_the_seed_fixture_writes_the_three_files_with_the_seed_figures() throws IOException {
        Run run = report("--year", "2015/16", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("replayed 1019 events from the built-in seed fixture: 1019 accepted,"
                + " 0 duplicates, 0 rejected");
        assertThat(files()).containsExactlyInAnyOrder(BASE + ".json", BASE + ".csv", BASE + ".html");
        assertThat(run.out()).contains("wrote " + out.resolve(BASE + ".json"));

        Report json = Report.of(EventCodec.MAPPER.readTree(out.resolve(BASE + ".json").toFile()));
        assertThat(json.json().get("authority").asText()).isEqualTo(SeedService.AUTHORITY);
        assertThat(json.text("table2", "Stage 1 complaints", "2015/16")).isEqualTo("65");
        assertThat(json.text("table10", "Upheld (totally or partly)", "2015/16 %")).isEqualTo("23.1%");
        assertThat(json.text("table11", "Total", "Total 2015/16")).isEqualTo("£15,130");
        List<List<String>> csv = Csv.parse(Files.readString(out.resolve(BASE + ".csv")));
        assertThat(csv).contains(
                List.of("Table 2: Statutory children's complaints received", "Stage 1 complaints", "2015/16", "65"),
                List.of("Table 11: Costs incurred through the complaints procedure", "Total", "Total 2015/16",
                        "£15,130"));
        assertThat(Files.readString(out.resolve(BASE + ".html")))
                .contains("<caption>Table 11: Costs incurred through the complaints procedure</caption>")
                .contains("<td class=\"num\">£15,130</td>");
    }

    @Test
    void offline_figures_equal_those_the_running_service_serves() throws IOException {
        assertThat(report("--year", "2015/16", "--out", out.toString(), "--set", NAMES).exitCode()).isZero();

        // Same mapper as the route: the same bytes, not only the same tree (but for when each was made).
        assertThat(saved(BASE + ".json")).isEqualTo(served(ROUTE));
        assertThat(saved(BASE + ".csv")).isEqualTo(served(ROUTE + "&format=csv"));
        // The service's page links each count to its drill-down; a file has no service to follow them to.
        String page = served(ROUTE + "&format=html");
        assertThat(page).contains("<a href=\"/api/v1/kpis/stage1.received/complaints?period=2015%2F16&amp;authority=");
        assertThat(saved(BASE + ".html")).doesNotContain("<a href").isEqualTo(
                page.replaceAll("<a href=\"/api/v1/kpis/[^\"]*\">([^<]*)</a>", "$1"));
    }

    /**
     * Every regime's report, offline from a file of the hand-made year's events, is what the service holding the
     * same events serves for it, byte for byte, through the same {@code AnnualReport.of}; with --url it saves that
     * too.
     */
    @ParameterizedTest
    @ValueSource(strings = {"corporate", "adults", "children"})
    void offline_every_regimes_report_equals_the_services(String regime) throws IOException {
        Path events = out.resolve("regimes.jsonl");
        FixtureWriter.write(RegimesFixture.publishable(), new EventCodec(RegimesFixture.AUTHORITY, new SchemaValidator()),
                events);
        String base = "annual-" + RegimesFixture.AUTHORITY + (regime.equals("children") ? "" : "-" + regime)
                + "-2026-27";
        String route = "/api/v1/reports/annual?authority=" + RegimesFixture.AUTHORITY + "&year=2026/27"
                + (regime.equals("children") ? "" : "&regime=" + regime);

        Run run = report("--year", "2026/27", "--regime", regime, "--events", events.toString(),
                "--out", out.resolve("offline").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("0 rejected");

        await("the service counts the hand-made year").atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> assertThat(saved("offline/" + base + ".json")).isEqualTo(served(route)));
        assertThat(EventCodec.MAPPER.readTree(out.resolve("offline").resolve(base + ".json").toFile())
                .get("regime").asText()).isEqualTo(regime.toUpperCase(java.util.Locale.ROOT));
        assertThat(saved("offline/" + base + ".csv")).isEqualTo(served(route + "&format=csv"));
        // The staff page links its counts to their drill-downs; the file has no service to link to.
        assertThat(saved("offline/" + base + ".html")).doesNotContain("<a href").isEqualTo(served(route + "&format=html")
                .replaceAll("<a href=\"/api/v1/kpis/[^\"]*\">([^<]*)</a>", "$1"));

        Run fetched = report("--year", "2026/27", "--regime", regime, "--authority", RegimesFixture.AUTHORITY,
                "--url", service.baseUrl(), "--out", out.resolve("fetched").toString());
        assertThat(fetched.exitCode()).as(fetched.err()).isZero();
        assertThat(saved("fetched/" + base + ".json")).isEqualTo(saved("offline/" + base + ".json"));
    }

    @Test
    void an_unknown_regime_is_a_usage_error() {
        Run run = report("--year", "2026/27", "--regime", "housing", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--regime must be children, adults or corporate, got 'housing'");
    }

    @Test
    void offline_public_copy_is_suppressed_like_the_services_and_named_apart() throws IOException {
        Run run = report("--year", "2015/16", "--public", "--authority", SeedService.AUTHORITY,
                "--out", out.toString(), "--set", NAMES);

        assertThat(run.exitCode()).as(run.err()).isZero();
        String name = BASE + "-public";
        assertThat(files()).containsExactlyInAnyOrder(name + ".json", name + ".csv", name + ".html");
        JsonNode json = EventCodec.MAPPER.readTree(out.resolve(name + ".json").toFile());
        assertThat(saved(name + ".json")).isEqualTo(served(ROUTE + "&public=true"));
        assertThat(Report.of(json).text("table2", "Stage 3 requests", "2015/16")).isEqualTo("c");
    }

    /** The unfinished year is not published offline either: one line, the service's own refusal, no file. */
    @Test
    void offline_public_copy_of_the_unfinished_year_is_refused_as_the_service_refuses_it() throws IOException {
        FinancialYear current = FinancialYear.of(LocalDate.now(EventEnvelope.LONDON));
        Run run = report("--year", current.label(), "--public", "--authority", SeedService.AUTHORITY,
                "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        SeedService.Response served = service.get("/api/v1/reports/annual?year=" + current.label() + "&public=true");
        assertThat(served.status()).isEqualTo(400);
        assertThat(run.err()).contains(served.body().get("error").asText())
                .contains("the newest closed year is " + current.previous().label());
        assertThat(files()).isEmpty();

        Run full = report("--year", current.label(), "--public=false", "--authority", SeedService.AUTHORITY,
                "--out", out.toString(), "--format", "json");
        assertThat(full.exitCode()).as(full.err()).isZero(); // the full copy of this year is the staff's to make
    }

    @Test
    void with_url_it_saves_exactly_what_the_service_serves() throws IOException {
        Run run = report("--year", "2015/16", "--url", service.baseUrl() + "/", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("replayed");
        assertThat(saved(BASE + ".json")).isEqualTo(served(ROUTE));
        assertThat(saved(BASE + ".csv")).isEqualTo(served(ROUTE + "&format=csv"));
        assertThat(saved(BASE + ".html")).isEqualTo(served(ROUTE + "&format=html"));
    }

    /** The public-by-default setting makes the command's copy public too, as it does the service's. */
    @Test
    void the_public_by_default_setting_writes_the_suppressed_copy() throws IOException {
        Run run = report("--year", "2015-16", "--out", out.toString(), "--set", NAMES,
                "--set", "disclosure.public-by-default=true");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String name = BASE + "-public";
        assertThat(files()).containsExactlyInAnyOrder(name + ".json", name + ".csv", name + ".html");
        assertThat(saved(name + ".json")).isEqualTo(served(ROUTE + "&public=true"));

        Run full = report("--year", "2015/16", "--public=false", "--out", out.resolve("full").toString(),
                "--set", "disclosure.public-by-default=true");
        assertThat(full.exitCode()).as(full.err()).isZero();
        assertThat(EventCodec.MAPPER.readTree(out.resolve("full").resolve(BASE + ".json").toFile())
                .get("publicOutput").asBoolean()).isFalse();
    }

    @Test
    void offline_on_a_file_counts_and_names_the_rejected_events() throws IOException {
        Path events = out.resolve("events.jsonl");
        Files.writeString(events, String.join("\n",
                "{\"eventId\":\"39e93c25-e491-3f26-96de-611f3b87984c\",\"eventType\":\"ComplaintReceived\","
                        + "\"occurredAt\":\"2015-06-01T10:00:00+01:00\",\"complaintId\":\"C-1\",\"authority\":\"E09000001\","
                        + "\"schemaVersion\":1,\"data\":{\"regime\":\"CHILDREN\",\"serviceArea\":\"First Response\","
                        + "\"complainantType\":\"PARENT\"}}",
                "{\"eventId\":\"dc2c8d95-393d-3bfc-8f39-67cae7c52cd1\",\"eventType\":\"StageResponded\","
                        + "\"occurredAt\":\"2015-06-10T10:00:00+01:00\",\"complaintId\":\"C-2\",\"authority\":\"E09000001\","
                        + "\"schemaVersion\":1,\"data\":{\"stage\":1,\"outcome\":\"NOT_UPHELD\",\"causes\":[]}}",
                ""), StandardCharsets.UTF_8);
        Path reports = out.resolve("reports");

        Run run = report("--year", "2015/16", "--events", events.toString(), "--out", reports.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("replayed 2 events from " + events + ": 1 accepted, 0 duplicates, 1 rejected");
        assertThat(run.err()).contains("line 2: C-2 StageResponded dc2c8d95-393d-3bfc-8f39-67cae7c52cd1: ");
        // The events' only authority names the report.
        Report json = Report.of(EventCodec.MAPPER.readTree(reports.resolve("annual-E09000001-2015-16.json").toFile()));
        assertThat(json.text("table2", "Stage 1 complaints", "2015/16")).isEqualTo("1");
    }

    private static String received(String id, String complaint, String authority) {
        return "{\"eventId\":\"" + id + "\",\"eventType\":\"ComplaintReceived\","
                + "\"occurredAt\":\"2015-06-01T10:00:00+01:00\",\"complaintId\":\"" + complaint + "\",\"authority\":\""
                + authority + "\",\"schemaVersion\":1,\"data\":{\"regime\":\"CHILDREN\",\"serviceArea\":\"First Response\","
                + "\"complainantType\":\"PARENT\"}}";
    }

    /** Two authorities, a line that is not JSON (line 3) and one that breaks the schema (line 5). */
    private Path mixedFile() throws IOException {
        Path events = out.resolve("mixed.jsonl");
        Files.writeString(events, String.join("\n",
                received("39e93c25-e491-3f26-96de-611f3b87984c", "C-1", "E09000001"),
                received("49e93c25-e491-3f26-96de-611f3b87984c", "C-2", "E09000002"),
                "{\"eventId\": broken",
                received("59e93c25-e491-3f26-96de-611f3b87984c", "C-3", "E09000002"),
                received("69e93c25-e491-3f26-96de-611f3b87984c", "C-4", "E09000001").replace("\"PARENT\"", "\"NOBODY\""),
                ""), StandardCharsets.UTF_8);
        return events;
    }

    @Test
    void offline_on_a_file_of_several_authorities_reports_each_and_lists_its_bad_lines() throws IOException {
        Path events = mixedFile();
        Path reports = out.resolve("reports");

        Run run = report("--year", "2015/16", "--events", events.toString(), "--out", reports.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("replayed 3 events from " + events + ": 3 accepted, 0 duplicates, 0 rejected;"
                + " 2 lines not valid events");
        Report first = Report.of(EventCodec.MAPPER.readTree(reports.resolve("annual-E09000001-2015-16.json").toFile()));
        Report second = Report.of(EventCodec.MAPPER.readTree(reports.resolve("annual-E09000002-2015-16.json").toFile()));
        assertThat(first.text("table2", "Stage 1 complaints", "2015/16")).isEqualTo("1");
        assertThat(second.text("table2", "Stage 1 complaints", "2015/16")).isEqualTo("2");
        List<String> err = run.err().lines().toList();
        assertThat(err).contains("2 rejected (left out of the figures, as the service would dead-letter them):");
        assertThat(err).anySatisfy(line -> assertThat(line).startsWith("line 3: ").contains("malformed JSON"))
                .anySatisfy(line -> assertThat(line).startsWith("line 5: ").contains("complainantType"));
        assertThat(String.join("\n", err).indexOf("line 3: ")).isLessThan(String.join("\n", err).indexOf("line 5: "));

        Run strict = report("--year", "2015/16", "--events", events.toString(), "--out", reports.toString(),
                "--strict");
        assertThat(strict.exitCode()).isEqualTo(3);
        assertThat(strict.out()).contains("wrote " + reports.resolve("annual-E09000002-2015-16.html"));
    }

    @Test
    void offline_asked_for_one_authority_reports_only_it_and_refuses_one_without_events() throws IOException {
        Path events = mixedFile();
        Path reports = out.resolve("reports");

        Run one = report("--year", "2015/16", "--events", events.toString(), "--out", reports.toString(),
                "--authority", "E09000002");
        assertThat(one.exitCode()).as(one.err()).isZero();
        try (Stream<Path> written = Files.list(reports)) {
            assertThat(written.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "annual-E09000002-2015-16.json", "annual-E09000002-2015-16.csv", "annual-E09000002-2015-16.html");
        }

        Run none = report("--year", "2015/16", "--events", events.toString(), "--out", out.resolve("none").toString(),
                "--authority", "LOCAL");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("no events for authority LOCAL in " + events
                + "; it has events for E09000001, E09000002");
        assertThat(out.resolve("none")).doesNotExist();
    }

    @Test
    void format_pdf_writes_the_pdf_alone() throws IOException {
        Run run = report("--year", "2015/16", "--out", out.toString(), "--format", "pdf");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(files()).containsExactly(BASE + ".pdf");
        assertThat(new String(Files.readAllBytes(out.resolve(BASE + ".pdf")), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");

        Run bad = report("--year", "2015/16", "--out", out.toString(), "--format", "docx");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--format must be among json, csv, html, pdf, got 'docx'");
    }

    @Test
    void bad_input_fails_with_a_message_and_writes_nothing() throws IOException {
        Run badYear = report("--year", "2015", "--out", out.toString());
        assertThat(badYear.exitCode()).isEqualTo(2);
        assertThat(badYear.err()).contains("--year must be a financial year like 2015/16");

        Run both = report("--year", "2015/16", "--events", "x.jsonl", "--url", "http://127.0.0.1:1",
                "--out", out.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");

        Run missing = report("--year", "2015/16", "--events", out.resolve("none.jsonl").toString(),
                "--out", out.toString());
        assertThat(missing.exitCode()).isEqualTo(2); // a wrong path is a usage error naming the option
        assertThat(missing.err()).contains("--events " + out.resolve("none.jsonl") + ": no such file");

        Run unreachable = report("--year", "2015/16", "--url", "http://127.0.0.1:1", "--out", out.toString());
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).contains("cannot fetch http://127.0.0.1:1/api/v1/reports/annual?year=2015%2F16");

        Run unsafeAuthority = report("--year", "2015/16", "--url", service.baseUrl(), "--authority", "../etc",
                "--out", out.toString());
        assertThat(unsafeAuthority.exitCode()).isEqualTo(2);
        assertThat(unsafeAuthority.err()).contains("--authority may only contain");

        assertThat(files()).isEmpty();
    }

    /** The instant (JSON) or the London time (CSV, HTML) a report was generated. */
    private static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z"
            + "|\\d{1,2} [A-Z][a-z]+ \\d{4} at \\d{2}:\\d{2}";

    /** A written file with the time it was generated blanked out. */
    private String saved(String file) throws IOException {
        return Files.readString(out.resolve(file)).replaceAll(INSTANT, "(generated)");
    }

    /** What the service serves, with the time it was generated blanked out. */
    private static String served(String route) {
        return service.get(route).text().replaceAll(INSTANT, "(generated)");
    }

    private List<String> files() throws IOException {
        try (Stream<Path> listing = Files.list(out)) {
            return listing.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }
}
