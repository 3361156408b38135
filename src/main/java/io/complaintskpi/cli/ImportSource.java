package io.complaintskpi.cli;

import io.complaintskpi.importing.EventReader;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** The file {@code import} and {@code check} read, and how to read it. */
final class ImportSource {

    @Parameters(index = "0", paramLabel = "FILE", description = "NDJSON (one event per line) or a CSV export (.csv);"
            + " docs/import.md")
    Path file;

    @Option(names = "--input-format", paramLabel = "csv|ndjson", description = "how to read FILE (default: CSV for a"
            + " .csv name, else NDJSON)")
    String inputFormat;

    /** The file, checked readable (a usage error naming it otherwise). */
    Path file(CommandLine commandLine) {
        return InputFiles.readable(commandLine, "FILE", file);
    }

    EventReader.Format format(CommandLine commandLine) {
        if (inputFormat == null) {
            return EventReader.Format.of(file);
        }
        return switch (inputFormat.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> EventReader.Format.CSV;
            case "ndjson", "jsonl" -> EventReader.Format.NDJSON;
            default -> throw new CommandLine.ParameterException(commandLine, "--input-format '" + inputFormat
                    + "' is not a format: give csv or ndjson");
        };
    }
}
