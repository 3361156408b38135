package io.complaintskpi.ops;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana's variable syntax in dashboard strings: {@code $name}, {@code ${name}}, {@code ${name:format}} and
 * the deprecated {@code [[name]]}. Filling refuses any variable or format it was not given, so a test never
 * sends a query with a variable left in it.
 */
final class GrafanaVariables {

    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{(\\w+)(?::([^}]*))?}|\\$(\\w+)|\\[\\[(\\w+)(?::([^]]*))?]]");

    /**
     * Grafana's global variables: they need no entry in {@code templating.list} ({@code $__all} is the value a
     * variable stores for its All option).
     */
    static final Set<String> BUILT_IN = Set.of("__all", "__from", "__to", "__interval", "__interval_ms", "__rate_interval",
            "__range", "__range_s", "__range_ms", "__data", "__field", "__series", "__value", "__name", "__dashboard",
            "__user", "__org", "__timezone", "timeFilter", "__timeFilter");

    private GrafanaVariables() {
    }

    static Set<String> used(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            names.add(name(m));
        }
        return names;
    }

    /**
     * Replaces every variable by its value. {@code __from} and {@code __to} are given already formatted, so
     * the only format accepted for them is the one the dashboards use, {@code date:YYYY-MM-DD}.
     */
    static String fill(String text, Map<String, String> values) {
        return fill(text, values, Map.of());
    }

    /**
     * The same, with {@code selected} the values chosen of multi-value variables, formatted as Grafana does:
     * {@code ${name:csv}} joins them with commas (how the Infinity URLs ask for several); plain {@code $name}
     * is one value as it is, several as the regular expression {@code (a|b)} (how Prometheus matches them).
     */
    static String fill(String text, Map<String, String> values, Map<String, List<String>> selected) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = name(m);
            String format = m.group(2) != null ? m.group(2) : m.group(5);
            List<String> several = selected.get(name);
            String value = several == null ? values.get(name) : String.join(",", several);
            if (value == null) {
                throw new IllegalArgumentException("no value for $" + name + " in: " + text);
            }
            if (several != null && format == null && several.size() > 1) {
                value = "(" + String.join("|", several) + ")";
            } else if (format != null && !(name.startsWith("__") && format.equals("date:YYYY-MM-DD"))
                    && !(several != null && format.equals("csv"))) {
                throw new IllegalArgumentException("unsupported format " + format + " of $" + name + " in: " + text);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String name(Matcher m) {
        for (int group : new int[] {1, 3, 4}) {
            if (m.group(group) != null) {
                return m.group(group);
            }
        }
        throw new IllegalStateException();
    }
}
