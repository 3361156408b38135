package io.complaintskpi.ops;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * External programs the ops tests run: Debian's prometheus package brings prometheus and promtool,
 * prometheus-alertmanager brings amtool; .ci/run installs both.
 */
final class Tools {

    private Tools() {
    }

    static Optional<Path> find(String program) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.add("/usr/bin");
        return dirs.stream().filter(d -> !d.isBlank()).map(d -> Path.of(d, program))
                .filter(Files::isExecutable).findFirst();
    }

    /** The program, or the test is skipped with a message saying what is missing and how to get it. */
    static Path require(String program) {
        Optional<Path> found = find(program);
        Assumptions.assumeTrue(found.isPresent(), () -> program + " is not installed (apt-get install -y prometheus"
                + " brings prometheus and promtool, prometheus-alertmanager brings amtool); skipping");
        return found.orElseThrow();
    }
}
