package io.complaintskpi;

import io.complaintskpi.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/ describes the service as it is: no commit hashes, branches or run diaries; the README maps every package and command. */
class DocsAreReferenceTest {

    /** A word of 7 to 40 hex digits with a letter and a digit, as a commit is named (not inside a UUID or an id). */
    private static final Pattern COMMIT = Pattern.compile("(?<![0-9A-Za-z_-])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])"
            + "[0-9a-f]{7,40}(?![0-9A-Za-z_-])");
    private static final Pattern HISTORY = Pattern.compile("(?i)\\bbranch(es)?\\b|merged into main|merging main"
            + "|\\bof main\\b|`main`|^#+ .*\\b20\\d\\d-\\d\\d-\\d\\d");

    static List<String> findings(String name, String text) {
        List<String> found = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            for (Pattern pattern : List.of(COMMIT, HISTORY)) {
                Matcher m = pattern.matcher(lines[i]);
                if (m.find()) {
                    found.add(name + ":" + (i + 1) + ": " + m.group());
                }
            }
        }
        return found;
    }

    @Test
    void docsNameNoCommitBranchOrRunDate() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> pages = Files.list(Path.of("docs"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                found.addAll(findings(page.toString(), Files.readString(page)));
            }
        }
        assertThat(found).isEmpty();
    }

    /** The check can fail: it finds what the old run logs held, and leaves UUIDs and example ids alone. */
    @Test
    void theCheckFindsHashesBranchesAndDatedRunsOnly() {
        assertThat(findings("x", "Runs of main at e32ea05 and of this branch")).hasSize(2);
        assertThat(findings("x", "after the changes were merged into main")).hasSize(1);
        assertThat(findings("x", "### One run (2026-11-30, branch `replay`)")).isNotEmpty();
        assertThat(findings("x", "\"eventId\": \"fc3d4160-5e70-5161-8979-37404d0bbeb7\"")).isEmpty();
        assertThat(findings("x", "--set application.id=complaints-kpi-1a2b3c4d")).isEmpty();
        assertThat(findings("x", "a whole number from 1 to 1048576, LIVE-20260309-B1")).isEmpty();
    }

    @Test
    void theReadmeMapsEveryPackageAndEveryCommand() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String map = readme.substring(readme.indexOf("src/main/java/io/complaintskpi/"), readme.indexOf("topics/  "));
        try (Stream<Path> packages = Files.list(Path.of("src/main/java/io/complaintskpi"))) {
            for (Path pkg : packages.filter(Files::isDirectory).toList()) {
                assertThat(map).as("README's package map").containsPattern("(?m)^  " + pkg.getFileName() + " ");
            }
        }
        String cli = map.lines().filter(l -> l.startsWith("  cli ")).findFirst().orElseThrow();
        for (Class<?> command : Main.class.getAnnotation(Command.class).subcommands()) {
            String name = command.getAnnotation(Command.class).name();
            assertThat(cli).as("README names the " + name + " command").containsPattern("\\b" + name + "\\b");
        }
    }
}
