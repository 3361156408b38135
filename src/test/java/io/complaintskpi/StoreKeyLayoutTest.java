package io.complaintskpi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each store's key layout has one home, its key-schema class: no other main class builds a key with the
 * separator, parses one on it or bounds a range past it, and no class but {@code streams.Names} spells an
 * internal topic's suffix. A failure names the file, the line and the rule it breaks.
 */
class StoreKeyLayoutTest {

    private static final Path MAIN = Path.of("src/main/java/io/complaintskpi");
    /** The key-schema classes (one per store layout) and the one home of internal topic names. */
    private static final Set<String> KEY_HOMES = Set.of(
            "series/KpiKey.java",
            "series/ContributorKey.java",
            "streams/OpenAlertKeySchema.java",
            "streams/DeadlineIndexKeySchema.java",
            "streams/CaseEventKeySchema.java",
            "streams/OpenCaseloadKeySchema.java",
            "streams/Names.java",
            "authorities/OmbudsmanAverage.java"); // the authorities table: a code, or an average's key
    /** What building, parsing or bounding a store key (or naming an internal topic) looks like in code. */
    private static final Map<String, Pattern> RULES = Map.of(
            "joins with the key separator", Pattern.compile("\\+\\s*\"\\|\"|\"\\|\"\\s*\\+|\\+\\s*'\\|'|'\\|'\\s*\\+"),
            "looks for the key separator", Pattern.compile("(indexOf|lastIndexOf|split)\\(\\s*('\\|'|\"\\|\"|\"\\\\\\\\\\|\")"),
            "bounds a range with a past-everything character", Pattern.compile("\\\\uffff|\\\\u0000|\"\\|\\\\uffff\""),
            "spells an internal topic's suffix", Pattern.compile("\"-(repartition|changelog)\""));

    @Test
    void theRulesCatchEveryFormTheyForbid() {
        // Positive controls: each way keys were built, parsed and bounded before the key schemas.
        assertThat(broken("openAlerts.prefixScan(after.key() + \"|\", serializer)")).contains("joins with the key separator");
        assertThat(broken("return firesOn + \"|\" + alertId();")).contains("joins with the key separator");
        assertThat(broken("key.substring(0, key.indexOf('|', key.indexOf('|') + 1) + 1)")).contains("looks for the key separator");
        assertThat(broken("String[] parts = key.split(\"\\\\|\", -1);")).contains("looks for the key separator");
        assertThat(broken("deadlineIndex.range(null, today + \"|\\uffff\")")).contains("bounds a range with a past-everything character");
        assertThat(broken("String sums = Names.KPI_CONTRIBUTIONS_REPARTITION + \"-repartition\";"))
                .contains("spells an internal topic's suffix");
        assertThat(broken("return KpiKey.prefix(authority, metric);")).isEmpty();
    }

    @Test
    void theKeyHomesDoWhatIsForbiddenElsewhere() {
        // Guards the scan against passing because it reads nothing: the homes themselves use these forms.
        Map<String, List<String>> homes = scan(KEY_HOMES::contains);
        assertThat(homes).containsKeys("series/KpiKey.java", "streams/Names.java");
        assertThat(scan(file -> file.equals("streams/LifecycleProcessor.java"))).isEmpty();
        assertThat(sourceFiles()).contains("streams/LifecycleProcessor.java", "streams/SeriesPartitioner.java",
                "streams/StreamsQueryService.java", "alerts/PendingAlert.java", "alerts/Alert.java",
                "benchmark/Bench.java");
    }

    @Test
    void noClassOutsideTheKeySchemasBuildsParsesOrBoundsAStoreKey() {
        assertThat(scan(file -> !KEY_HOMES.contains(file))).isEmpty();
    }

    private static List<String> broken(String code) {
        List<String> rules = new ArrayList<>();
        RULES.forEach((rule, pattern) -> {
            if (pattern.matcher(code).find()) {
                rules.add(rule);
            }
        });
        return rules;
    }

    /** file -> "line n: rule: code" for every code line (comments skipped) that breaks a rule. */
    private static Map<String, List<String>> scan(java.util.function.Predicate<String> which) {
        Map<String, List<String>> found = new TreeMap<>();
        for (String file : sourceFiles()) {
            if (!which.test(file)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(MAIN.resolve(file));
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).strip();
                    if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
                        continue;
                    }
                    for (String rule : broken(code)) {
                        found.computeIfAbsent(file, f -> new ArrayList<>()).add("line " + (i + 1) + ": " + rule + ": " + code);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    private static List<String> sourceFiles() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> MAIN.relativize(f).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
