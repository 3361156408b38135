package io.complaintskpi.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * External programs some tests run, found on the {@code PATH}. Where one is missing the test is skipped with
 * how to install it, except in CI ({@code CI=true}), where {@code .ci/run} installs them all: there a missing
 * program fails the test, so a broken install step cannot pass as green.
 */
public final class Tools {

    private Tools() {
    }

    /** Debian's prometheus package; promtool comes with it. */
    public static Path prometheus() {
        return require("prometheus", "apt-get install -y prometheus");
    }

    public static Path promtool() {
        return require("promtool", "apt-get install -y prometheus");
    }

    /** Debian's prometheus-alertmanager package. */
    public static Path amtool() {
        return require("amtool", "apt-get install -y prometheus-alertmanager");
    }

    /** The compose-file linter from the npm registry, at the version .ci/run installs. */
    public static Path dclint() {
        return require("dclint", "npm install -g dclint@3.1.0");
    }

    /** Headless Chromium: Debian names it chromium, Ubuntu's and others' packages chromium-browser. */
    public static Path chromium() {
        return require(List.of("chromium", "chromium-browser"), "apt-get install -y chromium", System.getenv());
    }

    /** The WebDriver server for {@link #chromium()} (Debian's chromium-driver), for Selenium tests. */
    public static Path chromedriver() {
        return require("chromedriver", "apt-get install -y chromium-driver");
    }

    /** True on the CI machine, where every program here is installed and no test may skip for want of one. */
    public static boolean inCi() {
        return inCi(System.getenv());
    }

    static boolean inCi(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.getOrDefault("CI", ""));
    }

    private static Path require(String program, String install) {
        return require(List.of(program), install, System.getenv());
    }

    /**
     * The first of {@code names} on the {@code PATH} of {@code env}; if none, the test fails in CI and is
     * skipped elsewhere, with a message saying what is missing and how to install it.
     */
    static Path require(List<String> names, String install, Map<String, String> env) {
        Optional<Path> found = names.stream().map(name -> find(name, env)).flatMap(Optional::stream).findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        String missing = String.join(" or ", names) + " is not on the PATH (" + install + "; .ci/run installs it)";
        if (inCi(env)) {
            throw new AssertionError(missing + ": CI=true, so this fails instead of skipping");
        }
        Assumptions.abort(missing + "; skipping");
        throw new IllegalStateException("unreachable: abort throws");
    }

    static Optional<Path> find(String program, Map<String, String> env) {
        return Arrays.stream(env.getOrDefault("PATH", "").split(File.pathSeparator)).filter(d -> !d.isBlank())
                .map(d -> Path.of(d, program)).filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }
}
