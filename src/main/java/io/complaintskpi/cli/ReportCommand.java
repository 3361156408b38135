package io.complaintskpi.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.demo.FixtureReader;
import io.complaintskpi.disclosure.PublicSnapshot;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.InvalidEventException;
import io.complaintskpi.events.Regime;
import io.complaintskpi.contributions.Metric;
import io.complaintskpi.report.AnnualReport;
import io.complaintskpi.report.AnnualReportCsv;
import io.complaintskpi.report.AnnualReportHtml;
import io.complaintskpi.report.AnnualReportPdf;
import io.complaintskpi.report.CommentaryFolder;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a complaints annual report for a financial year as JSON, CSV, HTML and/or PDF: the"
                + " children's social care report (the default), the adults' (--regime adults) or the Complaint"
                + " Handling Code's for corporate complaints (--regime corporate), to"
                + " annual-<authority>[-<regime>]-<yyyy-yy>[-public].{json,csv,html,pdf}.",
                "Computed offline from a JSON Lines file of events (default: the built-in seed fixture), one report"
                        + " per authority in it, or fetched from a running service with --url."})
final class ReportCommand implements Callable<Integer> {

    private static final Pattern SAFE_AUTHORITY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final List<String> FORMATS = List.of("json", "csv", "html", "pdf");
    /** Exit status when the files are written but lines or events were rejected, with --strict. */
    static final int REJECTED_WITH_STRICT = 3;

    @Spec
    CommandSpec spec;

    /** When the report is generated, as it states. */
    Clock clock = Clock.systemUTC();

    @Option(names = "--year", required = true, description = "financial year, e.g. 2015/16 or 2015-16")
    String year;

    @Option(names = "--regime", defaultValue = "children",
            description = "the complaints procedure: children, adults or corporate (default ${DEFAULT-VALUE})")
    String regime;

    @Option(names = "--authority", description = "authority code (default: the only authority in the events,"
            + " else authority.default; with --url, the service's default)")
    String authority;

    @Option(names = "--public", arity = "0..1", fallbackValue = "true",
            description = "suppress small counts (DfE conventions) for publication; --public=false for the full"
                    + " copy when disclosure.public-by-default is true (default: that setting)")
    Boolean publicOutput;

    @Option(names = "--format", split = ",", defaultValue = "json,csv,html",
            description = "formats to write, comma-separated, of json, csv, html, pdf (default ${DEFAULT-VALUE})")
    List<String> formats;

    @Option(names = "--strict", description = "exit with status 3 when any line or event of --events was rejected"
            + " (the reports are written all the same)")
    boolean strict;

    @Option(names = "--commentary", description = "folder of commentary, <authority>/<yyyy-yy>/introduction.md and"
            + " tableN.md (default: data.dir/commentary, as the service)")
    Path commentary;

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

    /** The report's renderings, by file extension, and what it is about. */
    private record Rendered(String authority, boolean publicOutput, Map<String, byte[]> files) {
    }

    /** The reports made offline, and one line per rejected line or event of the file, for the end of the run. */
    private record Offline(List<Rendered> reports, List<String> rejections) {
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
        Regime procedure = parseRegime();
        if (source.events != null) {
            InputFiles.readable(spec.commandLine(), "--events", source.events);
        }
        if (authority != null && !SAFE_AUTHORITY.matcher(authority).matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--authority may only contain letters, digits, '_' and '-', got '" + authority + "'");
        }
        for (String format : formats) {
            if (!FORMATS.contains(format)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--format must be among " + String.join(", ", FORMATS) + ", got '" + format + "'");
            }
        }
        // The service refuses an unfinished year's public copy by itself (--url); offline, the same rule does.
        String unpublishable = publicCopy && source.url == null
                ? PublicSnapshot.refusal(financialYear, LocalDate.now(clock.withZone(EventEnvelope.LONDON))) : null;
        if (unpublishable != null) {
            spec.commandLine().getErr().println("complaints-kpi report --public: " + unpublishable);
            spec.commandLine().getErr().flush();
            return 1;
        }
        Offline made;
        try {
            made = source.url != null ? new Offline(List.of(fetch(financialYear, procedure, publicCopy)), List.of())
                    : offline(config, financialYear, procedure, publicCopy);
        } catch (NoReport e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        Files.createDirectories(out);
        PrintWriter stdout = spec.commandLine().getOut();
        for (Rendered report : made.reports()) {
            // A copy for publication is named apart, so it is never mistaken for (or overwritten by) the full one.
            String base = "annual-" + report.authority()
                    + (procedure == Regime.CHILDREN ? "" : "-" + Metric.regime(procedure)) + "-"
                    + financialYear.label().replace('/', '-')
                    + (report.publicOutput() ? "-public" : "");
            for (var file : report.files().entrySet()) {
                Path path = out.resolve(base + "." + file.getKey());
                Files.write(path, file.getValue());
                stdout.println("wrote " + path);
            }
        }
        stdout.flush();
        if (made.rejections().isEmpty()) {
            return 0;
        }
        PrintWriter stderr = spec.commandLine().getErr();
        stderr.printf("%d rejected (left out of the figures, as the service would dead-letter them):%n",
                made.rejections().size());
        made.rejections().forEach(stderr::println);
        stderr.flush();
        return strict ? REJECTED_WITH_STRICT : 0;
    }

    private FinancialYear parseYear() {
        try {
            return FinancialYear.parse(year);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--year " + e.getMessage());
        }
    }

    private Regime parseRegime() {
        return Arrays.stream(Regime.values()).filter(r -> Metric.regime(r).equals(regime.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                        "--regime must be children, adults or corporate, got '" + regime + "'"));
    }

    private Offline offline(ServiceConfig config, FinancialYear financialYear, Regime procedure, boolean publicCopy)
            throws JsonProcessingException, NoReport {
        DomainRules rules = DomainWiring.rules(config);
        FixtureReader reader = new FixtureReader(rules.codec());
        String origin = source.events == null ? "the built-in seed fixture" : source.events.toString();
        FixtureReader.Lines lines;
        try {
            lines = source.events == null ? new FixtureReader.Lines(numbered(reader.classpath(FixtureReader.SEED_FIXTURE)),
                    List.of()) : reader.readAll(source.events);
        } catch (UncheckedIOException e) {
            throw new NoReport("cannot read events from " + origin + ": " + e.getMessage());
        }
        List<EventEnvelope> events = lines.events().stream().map(FixtureReader.Line::event).toList();
        OfflineReplay.Result result = new OfflineReplay(rules.machine(), rules.contributions()).replay(events);
        spec.commandLine().getOut().printf("replayed %d events from %s: %d accepted, %d duplicates, %d rejected;"
                        + " %d lines not valid events%n", events.size(), origin, result.accepted(), result.duplicates(),
                result.rejected().size(), lines.bad().size());

        Set<String> present = new TreeSet<>(result.series().authorities());
        List<String> about;
        if (authority != null) {
            if (!present.contains(authority)) {
                throw new NoReport("no events for authority " + authority + " in " + origin + (present.isEmpty()
                        ? " (it has no accepted events)" : "; it has events for " + String.join(", ", present)));
            }
            about = List.of(authority);
        } else if (present.isEmpty()) {
            throw new NoReport("no accepted events in " + origin + ": no report to write");
        } else {
            about = List.copyOf(present);
        }
        List<Rendered> reports = new ArrayList<>();
        for (String code : about) {
            AnnualReport report = AnnualReport.of(procedure, new KpiEvaluator(result.series()), code,
                    config::authorityName, financialYear, publicCopy, config.rules().figureSettings(),
                    config.rules().timescales().corporate(code), clock.instant(),
                    new CommentaryFolder(commentary != null ? commentary : config.commentaryDir())
                            .read(code, financialYear, procedure));
            reports.add(new Rendered(code, publicCopy, render(report)));
        }
        return new Offline(reports, rejections(lines, result));
    }

    /** The seed fixture's events, numbered by line (it has no blank or bad lines). */
    private static List<FixtureReader.Line> numbered(List<EventEnvelope> events) {
        List<FixtureReader.Line> lines = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            lines.add(new FixtureReader.Line(i + 1, "", events.get(i)));
        }
        return lines;
    }

    /** Each bad line and each event the lifecycle rejected, by line number. */
    private static List<String> rejections(FixtureReader.Lines lines, OfflineReplay.Result result) {
        Map<EventEnvelope, Integer> lineOf = new IdentityHashMap<>();
        lines.events().forEach(line -> lineOf.put(line.event(), line.number()));
        Map<Integer, String> byLine = new TreeMap<>();
        lines.bad().forEach(bad -> byLine.put(bad.number(), "line " + bad.number() + ": " + bad.reason()));
        result.rejected().forEach(r -> byLine.put(lineOf.get(r.event()), "line " + lineOf.get(r.event()) + ": "
                + r.event().complaintId() + " " + r.event().event().getClass().getSimpleName() + " "
                + r.event().eventId() + ": " + r.reason()));
        return List.copyOf(byLine.values());
    }

    /** The report in each asked format; JSON by the same mapper as the HTTP route, so the bytes are the same. */
    private Map<String, byte[]> render(AnnualReport report) throws JsonProcessingException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String format : formats) {
            files.put(format, switch (format) {
                case "json" -> EventCodec.MAPPER.writeValueAsBytes(report);
                case "csv" -> AnnualReportCsv.render(report).getBytes(StandardCharsets.UTF_8);
                case "html" -> AnnualReportHtml.render(report).getBytes(StandardCharsets.UTF_8);
                case "pdf" -> AnnualReportPdf.render(report);
                default -> throw new IllegalStateException("format checked before: " + format);
            });
        }
        return files;
    }

    private Rendered fetch(FinancialYear financialYear, Regime procedure, boolean publicCopy) throws IOException, InterruptedException, NoReport {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String format : formats) {
            files.put(format, get(http, reportUri(financialYear, procedure, format, publicCopy)));
        }
        // What the report is about is read from its JSON, fetched too when not asked for.
        byte[] jsonBytes = files.containsKey("json") ? files.get("json") : get(http, reportUri(financialYear, procedure,
                "json", publicCopy));
        JsonNode json = EventCodec.MAPPER.readTree(jsonBytes);
        String about = json.path("authority").asText();
        if (!SAFE_AUTHORITY.matcher(about).matches()) {
            throw new NoReport("the service named an authority unfit for a file name: '" + about + "'");
        }
        return new Rendered(about, json.path("publicOutput").asBoolean(), files);
    }

    private static byte[] get(HttpClient http, URI uri) throws InterruptedException, NoReport {
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
        return response.body();
    }

    private URI reportUri(FinancialYear financialYear, Regime procedure, String format, boolean publicCopy) {
        String base = source.url.toString().replaceAll("/+$", "");
        StringBuilder query = new StringBuilder("year=").append(encode(financialYear.label()))
                .append("&format=").append(format);
        if (procedure != Regime.CHILDREN) {
            query.append("&regime=").append(Metric.regime(procedure));
        }
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
