package io.complaintskpi.cli;

import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Files a command reads, checked before it starts, so a wrong path is one line naming the option. */
final class InputFiles {

    private InputFiles() {
    }

    /** What is wrong with reading {@code path}, if anything, in words. */
    static Optional<String> problem(Path path) {
        if (!Files.exists(path)) {
            return Optional.of("no such file");
        }
        if (Files.isDirectory(path)) {
            return Optional.of("is a folder, not a file");
        }
        return Files.isReadable(path) ? Optional.empty() : Optional.of("cannot be read (permissions)");
    }

    /** @throws CommandLine.ParameterException naming {@code option} when {@code path} cannot be read */
    static Path readable(CommandLine commandLine, String option, Path path) {
        problem(path).ifPresent(problem -> {
            throw new CommandLine.ParameterException(commandLine, option + " " + path + ": " + problem);
        });
        return path;
    }
}
