package io.complaintskpi.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.demo.FixtureReader;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.InvalidEventException;
import io.complaintskpi.report.AnnualReport;
import io.complaintskpi.report.AnnualReportCsv;
import io.complaintskpi.report.AnnualReportHtml;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.contributions.OfflineReplay;
import io.complaintskpi.rules.FinancialYear;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the children's social care complaints annual report for a financial year as JSON,"
                + " CSV and HTML: annual-<authority>-<yyyy-yy>[-public].{json,csv,html}.",
                "Computed offline from a JSON Lines file of events (default: the built-in seed fixture), or"
                        + " fetched from a running service with --url."})
final class ReportCommand implements Callable<Integer> {

    private static final Pattern SAFE_AUTHORITY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int REJECTIONS_LISTED = 10;

    @Spec
    CommandSpec spec;

    /** When the report is generated, as it states. */
    Clock clock = Clock.systemUTC();

    @Option(names = "--year", required = true, description = "financial year, e.g. 2015/16 or 2015-16")
    String year;

    @Option(names = "--authority", description = "authority code (default: the only authority in the events,"
            + " else authority.default; with --url, the service's default)")
    String authority;

    @Option(names = "--public", arity = "0..1", fallbackValue = "true",
            description = "suppress small counts (DfE conventions) for publication; --public=false for the full"
                    + " copy when disclosure.public-by-default is true (default: that setting)")
    Boolean publicOutput;

    @Option(names = "--out", defaultValue = "reports", description = "output folder (default ${DEFAULT-VALUE})")
    Path out;

    @ArgGroup(exclusive = true)
    Source source = new Source();

    static final class Source {
        @Option(names = "--events", description = "JSON Lines file of events to replay offline")
        Path events;

        @Option(names = "--url", description = "base URL of a running service, e.g. http://localhost:7070; the token in"
                + " COMPLAINTS_API_TOKEN, if set, is sent")
        URI url;
    }

    /** A viewer's API token for --url (docs/security.md); from the environment so it stays out of ps. */
    private static String apiToken() {
        String token = System.getenv("COMPLAINTS_API_TOKEN");
        return token == null ? "" : token.trim();
    }

    @Mixin
    SettingsOptions settings;

    /** The report's three renderings, by file extension, and what it is about. */
    private record Rendered(String authority, boolean publicOutput, Map<String, byte[]> files) {
    }

    /** No report could be made (unreadable events, service unreachable ...); the message says why. */
    private static final class NoReport extends Exception {
        NoReport(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        ServiceConfig config = settings.load(Map.of()); // every setting checked before anything runs
        boolean publicCopy = publicOutput != null ? publicOutput : config.publicByDefault();
        FinancialYear financialYear = parseYear();
        if (authority != null && !SAFE_AUTHORITY.matcher(authority).matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--authority may only contain letters, digits, '_' and '-', got '" + authority + "'");
        }
        Rendered report;
        try {
            report = source.url != null ? fetch(financialYear, publicCopy) : offline(config, financialYear, publicCopy);
        } catch (NoReport e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        Files.createDirectories(out);
        // A copy for publication is named apart, so it is never mistaken for (or overwritten by) the full one.
        String base = "annual-" + report.authority() + "-" + financialYear.label().replace('/', '-')
                + (report.publicOutput() ? "-public" : "");
        PrintWriter stdout = spec.commandLine().getOut();
        for (var file : report.files().entrySet()) {
            Path path = out.resolve(base + "." + file.getKey());
            Files.write(path, file.getValue());
            stdout.println("wrote " + path);
        }
        stdout.flush();
        return 0;
    }

    private FinancialYear parseYear() {
        try {
            return FinancialYear.parse(year);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--year " + e.getMessage());
        }
    }

    private Rendered offline(ServiceConfig config, FinancialYear financialYear, boolean publicCopy)
            throws JsonProcessingException, NoReport {
        DomainRules rules = DomainWiring.rules(config);
        FixtureReader reader = new FixtureReader(rules.codec());
        String origin = source.events == null ? "the built-in seed fixture" : source.events.toString();
        List<EventEnvelope> events;
        try {
            events = source.events == null ? reader.classpath(FixtureReader.SEED_FIXTURE) : reader.file(source.events);
        } catch (InvalidEventException | UncheckedIOException e) {
            throw new NoReport("cannot read events from " + origin + ": " + e.getMessage());
        }
        OfflineReplay.Result result = new OfflineReplay(rules.machine(), rules.contributions()).replay(events);
        printTally(origin, events.size(), result);

        String about = authority != null ? authority : onlyAuthority(result, config.defaultAuthority());
        AnnualReport report = AnnualReport.build(new KpiEvaluator(result.series()), about,
                config::authorityName, financialYear, publicCopy, config.rules().figureSettings(), clock.instant());
        Map<String, byte[]> files = new LinkedHashMap<>();
        // The same mapper as the HTTP route: the file is byte for byte what the service would serve.
        files.put("json", EventCodec.MAPPER.writeValueAsBytes(report));
        files.put("csv", AnnualReportCsv.render(report).getBytes(StandardCharsets.UTF_8));
        files.put("html", AnnualReportHtml.render(report).getBytes(StandardCharsets.UTF_8));
        return new Rendered(about, publicCopy, files);
    }

    private void printTally(String origin, int read, OfflineReplay.Result result) {
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("replayed %d events from %s: %d accepted, %d duplicates, %d rejected%n", read, origin,
                result.accepted(), result.duplicates(), result.rejected().size());
        PrintWriter stderr = spec.commandLine().getErr();
        result.rejected().stream().limit(REJECTIONS_LISTED).forEach(r -> stderr.printf("rejected %s %s %s: %s%n",
                r.event().complaintId(), r.event().event().getClass().getSimpleName(), r.event().eventId(),
                r.reason()));
        if (result.rejected().size() > REJECTIONS_LISTED) {
            stderr.printf("... and %d more rejected%n", result.rejected().size() - REJECTIONS_LISTED);
        }
        stderr.flush();
    }

    /** The events' authority when they are all about one; otherwise the configured default. */
    private static String onlyAuthority(OfflineReplay.Result result, String fallback) {
        var authorities = result.series().authorities();
        return authorities.size() == 1 ? authorities.iterator().next() : fallback;
    }

    private Rendered fetch(FinancialYear financialYear, boolean publicCopy) throws IOException, InterruptedException, NoReport {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String format : List.of("json", "csv", "html")) {
            URI uri = reportUri(financialYear, format, publicCopy);
            HttpResponse<byte[]> response;
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
                if (!apiToken().isEmpty()) {
                    request.header("Authorization", "Bearer " + apiToken());
                }
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new NoReport("cannot fetch " + uri + ": " + e);
            }
            if (response.statusCode() != 200) {
                throw new NoReport("GET " + uri + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            files.put(format, response.body());
        }
        JsonNode json = EventCodec.MAPPER.readTree(files.get("json"));
        String about = json.path("authority").asText();
        if (!SAFE_AUTHORITY.matcher(about).matches()) {
            throw new NoReport("the service named an authority unfit for a file name: '" + about + "'");
        }
        return new Rendered(about, json.path("publicOutput").asBoolean(), files);
    }

    private URI reportUri(FinancialYear financialYear, String format, boolean publicCopy) {
        String base = source.url.toString().replaceAll("/+$", "");
        StringBuilder query = new StringBuilder("year=").append(encode(financialYear.label()))
                .append("&format=").append(format);
        if (publicOutput != null || publicCopy) {
            query.append("&public=").append(publicCopy); // without it the service's own default applies
        }
        if (authority != null) {
            query.append("&authority=").append(encode(authority));
        }
        return URI.create(base + "/api/v1/reports/annual?" + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
