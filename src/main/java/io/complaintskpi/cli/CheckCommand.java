package io.complaintskpi.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.SchemaValidator;
import io.complaintskpi.importing.AuthorityReader;
import io.complaintskpi.importing.EventReader;
import io.complaintskpi.importing.FileCheck;
import io.complaintskpi.importing.ImportFormatException;
import io.complaintskpi.importing.ReadEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Dry run of import: read FILE as import does and validate every event the same way, then"
                + " replay each complaint's events, in file order, through the service's lifecycle rules. Reports"
                + " each problem with its row: an event that breaks the contract, one the lifecycle refuses (a"
                + " response to a complaint the file never received, a date that goes backwards), one that waits"
                + " for a step the file never gives (a stage 3 request with no stage 2). Sends nothing.",
                "Exit 0 when there is no problem, 1 when there is, 2 for a usage error."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ImportSource source;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "the report as text or JSON (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--authorities", description = "FILE holds authority records (reference data,"
            + " docs/authorities.md), NDJSON or CSV as import --authorities reads them: each is validated as the"
            + " service validates it")
    boolean authorities;

    @Mixin
    SettingsOptions settings;

    @Override
    public Integer call() throws JsonProcessingException {
        CommandLine commandLine = spec.commandLine();
        if (!format.equals("text") && !format.equals("json")) {
            throw new CommandLine.ParameterException(commandLine, "--format '" + format
                    + "' is not a report format: give text or json");
        }
        Path file = source.file(commandLine);
        EventReader.Format input = source.format(commandLine);
        if (authorities) {
            return checkAuthorities(file, input);
        }
        ServiceConfig config = settings.load(java.util.Map.of());
        DomainRules rules = DomainWiring.rules(config);
        List<ReadEvent> events = new ArrayList<>();
        EventReader.FileShape shape;
        try {
            shape = new EventReader(rules.codec(), new SchemaValidator()).read(file, input, events::add, read -> { });
        } catch (ImportFormatException e) {
            PrintWriter err = commandLine.getErr();
            err.println("complaints-kpi check: " + file + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        FileCheck.Report report = new FileCheck(rules).check(shape, events);
        PrintWriter out = commandLine.getOut();
        out.println(format.equals("json") ? EventCodec.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(json(file, report)) : text(file, report));
        out.flush();
        return report.problems().isEmpty() ? 0 : 1;
    }

    private int checkAuthorities(Path file, EventReader.Format input) throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        AuthorityReader.Result read;
        try {
            read = new AuthorityReader().read(file, input);
        } catch (ImportFormatException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("complaints-kpi check: " + file + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        List<AuthorityReader.ReadAuthority> problems = read.records().stream().filter(r -> !r.valid()).toList();
        if (format.equals("json")) {
            ObjectNode json = EventCodec.MAPPER.createObjectNode();
            json.put("file", file.toString());
            json.put("format", read.shape().format().name().toLowerCase(java.util.Locale.ROOT));
            json.put("layout", read.shape().layout());
            json.put("authorities", read.records().size());
            json.put("valid", read.valid());
            json.put("sent", 0);
            ArrayNode ignored = json.putArray("ignoredColumns");
            read.shape().ignoredColumns().forEach(ignored::add);
            ArrayNode list = json.putArray("problems");
            problems.forEach(p -> list.addObject().put("row", p.origin().row()).put("code", p.code())
                    .put("reason", p.problem()));
            out.println(EventCodec.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } else {
            out.printf("check %s (%s, %s): %,d records, %,d valid; nothing was sent%n", file,
                    read.shape().format(), read.shape().layout(), read.records().size(), read.valid());
            if (!read.shape().ignoredColumns().isEmpty()) {
                out.println("columns no record reads: " + String.join(", ", read.shape().ignoredColumns()));
            }
            out.println(problems.isEmpty() ? "no problems: every record is valid" : problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + ":");
            problems.forEach(p -> out.printf("  %s: %s%n", p.origin(), p.problem()));
        }
        out.flush();
        return problems.isEmpty() ? 0 : 1;
    }

    private static String text(Path file, FileCheck.Report report) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("check %s (%s, %s): %,d events, %,d valid; complaints received: %,d; nothing"
                        + " was sent%n", file, report.shape().format(), report.shape().layout(), report.events(),
                report.valid(), report.complaints()));
        if (!report.shape().ignoredColumns().isEmpty()) {
            text.append("columns no event reads: ").append(String.join(", ", report.shape().ignoredColumns()))
                    .append(System.lineSeparator());
        }
        for (FileCheck.Repeat repeat : report.repeats()) {
            text.append(String.format("%s repeats %s: the same event, counted once%n", repeat.origin(),
                    repeat.first()));
        }
        if (report.problems().isEmpty()) {
            text.append("no problems: every event is valid and fits its complaint's lifecycle");
            return text.toString();
        }
        text.append(String.format("%d problem%s:%n", report.problems().size(), report.problems().size() == 1 ? ""
                : "s"));
        for (FileCheck.Finding finding : report.problems()) {
            text.append(String.format("  %s: %s: %s%n", finding.origin(), finding.kind().name().toLowerCase(
                    java.util.Locale.ROOT).replace('_', ' '), finding.reason()));
        }
        return text.toString().stripTrailing();
    }

    private static ObjectNode json(Path file, FileCheck.Report report) {
        ObjectNode json = EventCodec.MAPPER.createObjectNode();
        json.put("file", file.toString());
        json.put("format", report.shape().format().name().toLowerCase(java.util.Locale.ROOT));
        json.put("layout", report.shape().layout());
        json.put("events", report.events());
        json.put("valid", report.valid());
        json.put("complaints", report.complaints());
        json.put("sent", 0);
        ArrayNode ignored = json.putArray("ignoredColumns");
        report.shape().ignoredColumns().forEach(ignored::add);
        ArrayNode problems = json.putArray("problems");
        for (FileCheck.Finding finding : report.problems()) {
            ObjectNode problem = problems.addObject();
            problem.put("row", finding.origin().row());
            if (!finding.origin().column().isEmpty()) {
                problem.put("column", finding.origin().column());
            }
            problem.put("kind", finding.kind().name());
            if (finding.complaintId() != null) {
                problem.put("complaintId", finding.complaintId());
                problem.put("eventType", finding.eventType());
                problem.put("eventId", finding.eventId());
            }
            problem.put("reason", finding.reason());
        }
        ArrayNode repeats = json.putArray("repeats");
        report.repeats().forEach(repeat -> repeats.addObject().put("row", repeat.origin().row())
                .put("repeatsRow", repeat.first().row()));
        return json;
    }
}
