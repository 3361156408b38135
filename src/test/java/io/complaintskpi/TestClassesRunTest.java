package io.complaintskpi;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every class under src/test that holds tests (JUnit or jqwik annotations) is run by {@code mvn verify}: its
 * file matches an include pattern of the surefire (or a bound failsafe) plugin in pom.xml and no exclude.
 * Surefire alone runs only {@code Test*}, {@code *Test}, {@code *Tests}, {@code *TestCase}; property classes
 * named {@code *Properties} once never ran in CI although the docs cited them.
 */
class TestClassesRunTest {

    private static final Path POM = Path.of("pom.xml");
    private static final Path TESTS = Path.of("src/test/java");
    /** An annotation that makes a method a test for JUnit Jupiter or jqwik, at the start of a line. */
    private static final Pattern TEST_ANNOTATION = Pattern.compile(
            "(?m)^\\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property|Example)\\b");
    private static final List<String> SUREFIRE_DEFAULTS =
            List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");
    private static final List<String> FAILSAFE_DEFAULTS = List.of("**/IT*.java", "**/*IT.java", "**/*ITCase.java");

    /** What a plugin runs: files matching an include and no exclude. */
    record Runner(String plugin, List<String> includes, List<String> excludes) {
        boolean runs(String file) {
            return includes.stream().anyMatch(p -> matches(p, file)) && excludes.stream().noneMatch(p -> matches(p, file));
        }
    }

    @Test
    void everyClassHoldingTestsMatchesTheIncludesOfThePom() {
        List<Runner> runners = runners(read(POM));
        List<String> classes = classesHoldingTests();
        // Guards the check against passing because nothing was scanned.
        assertThat(classes).hasSizeGreaterThan(90).contains("io/complaintskpi/lifecycle/ArrivalOrderProperties.java",
                "io/complaintskpi/TestClassesRunTest.java");

        assertThat(classes.stream().filter(c -> runners.stream().noneMatch(r -> r.runs(c))).toList())
                .as("classes under src/test holding tests that mvn verify never runs (runners: %s); rename them or"
                        + " add an include to the surefire plugin in pom.xml", runners)
                .isEmpty();
    }

    @Test
    void aClassNamedAfterNoPatternIsReportedAndAnExcludeWins() {
        Runner surefire = runners(read(POM)).get(0);
        assertThat(surefire.plugin()).isEqualTo("maven-surefire-plugin");
        assertThat(surefire.runs("io/complaintskpi/rules/PeriodProperties.java")).isTrue();
        assertThat(surefire.runs("io/complaintskpi/rules/PeriodChecks.java")).as("a name no pattern matches").isFalse();
        assertThat(surefire.runs("io/complaintskpi/rules/PeriodSpec.java")).isFalse();
        Runner excluding = new Runner("r", List.of("**/*Test.java"), List.of("**/slow/*Test.java"));
        assertThat(excluding.runs("io/x/slow/ATest.java")).isFalse();
        assertThat(excluding.runs("io/x/ATest.java")).isTrue();
        assertThat(matches("**/Test*.java", "TestA.java")).as("** matches no folder too").isTrue();
    }

    @Test
    void theAnnotationScanSeesJqwikAndJUnitTestsButNotLookAlikes() {
        assertThat(TEST_ANNOTATION.matcher("    @Property(tries = 3)\n    void p() {}").find()).isTrue();
        assertThat(TEST_ANNOTATION.matcher("  @ParameterizedTest\n").find()).isTrue();
        assertThat(TEST_ANNOTATION.matcher("@Testcontainers(disabledWithoutDocker = true)\n").find()).isFalse();
        assertThat(TEST_ANNOTATION.matcher("// a @Test in a comment mid-line\n").find()).isFalse();
    }

    /**
     * A test skips only through {@code testing.Tools} (a missing program: failed when {@code CI=true}),
     * {@code testing.QuickRun} (the crash tests, never skipped in CI) or Testcontainers without Docker (no
     * engine on the build machines; reported as skipped). Any other assumption or disabling is a way for CI to
     * pass without running a test.
     */
    @Test
    void testsSkipOnlyInTheWaysCiAllows() {
        Pattern skip = Pattern.compile("\\bassume(True|False|That)\\b|\\bAssumptions\\b|@Disabled\\w*(\\([^)]*\\))?"
                + "|\\babort\\(|disabledWithoutDocker");
        List<String> allowed = List.of("@DisabledIf(\"io.complaintskpi.testing.QuickRun#skipsCrashTests\")",
                "disabledWithoutDocker");
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TESTS)) {
            files.filter(f -> f.toString().endsWith(".java")).filter(f -> !f.endsWith(Path.of("testing", "Tools.java")))
                    .filter(f -> !f.endsWith(Path.of("TestClassesRunTest.java"))) // names the patterns
                    .forEach(f -> {
                        var m = skip.matcher(read(f));
                        while (m.find()) {
                            if (!allowed.contains(m.group())) {
                                offending.add(TESTS.relativize(f) + ": " + m.group());
                            }
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(offending).as("skips CI would not see fail; use testing.Tools for a missing program").isEmpty();
        assertThat(skip.matcher("Assumptions.assumeTrue(x)").find()).as("the scan sees an assumption").isTrue();
    }

    /** Source files (relative to src/test/java, with '/') that hold at least one test. */
    private static List<String> classesHoldingTests() {
        try (Stream<Path> files = Files.walk(TESTS)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> TEST_ANNOTATION.matcher(read(f)).find())
                    .map(f -> TESTS.relativize(f).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Surefire always; failsafe only when an execution binds its goals (declared alone it runs nothing). */
    private static List<Runner> runners(String pom) {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(pom.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse pom.xml", e);
        }
        List<Runner> runners = new ArrayList<>();
        NodeList plugins = doc.getElementsByTagName("plugin");
        Element surefire = null;
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            String artifact = text(plugin, "artifactId");
            boolean inBuild = "plugins".equals(plugin.getParentNode().getNodeName())
                    && "build".equals(plugin.getParentNode().getParentNode().getNodeName())
                    && "project".equals(plugin.getParentNode().getParentNode().getParentNode().getNodeName());
            if (!inBuild) {
                continue; // pluginManagement or a profile: not part of mvn verify
            }
            if ("maven-surefire-plugin".equals(artifact)) {
                surefire = plugin;
            } else if ("maven-failsafe-plugin".equals(artifact) && plugin.getElementsByTagName("goal").getLength() > 0) {
                runners.add(runner(plugin, FAILSAFE_DEFAULTS));
            }
        }
        assertThat(surefire).as("the surefire plugin is declared in pom.xml's build").isNotNull();
        runners.add(0, runner(surefire, SUREFIRE_DEFAULTS));
        return runners;
    }

    private static Runner runner(Element plugin, List<String> defaults) {
        List<String> includes = values(plugin, "include");
        List<String> excludes = values(plugin, "exclude");
        List<String> all = new ArrayList<>(includes);
        all.addAll(excludes);
        assertThat(all).as("patterns this check understands (no %%regex[...])").noneMatch(p -> p.startsWith("%regex"));
        return new Runner(text(plugin, "artifactId"), includes.isEmpty() ? defaults : includes, excludes);
    }

    /** The plugin's own configuration values (executions' configurations too). */
    private static List<String> values(Element plugin, String tag) {
        List<String> values = new ArrayList<>();
        NodeList nodes = plugin.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Node parent = nodes.item(i).getParentNode();
            if (parent.getNodeName().equals(tag + "s")) {
                values.add(nodes.item(i).getTextContent().trim());
            }
        }
        return values;
    }

    private static String text(Element element, String child) {
        NodeList nodes = element.getElementsByTagName(child);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    /** Ant-style pattern, as surefire reads it: {@code **}/ any folders (or none), {@code *} within a name. */
    static boolean matches(String pattern, String file) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return file.matches(regex.toString());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
