package io.complaintskpi.ops;

import java.util.LinkedHashSet;
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

    /** Grafana's global variables: they need no entry in {@code templating.list}. */
    static final Set<String> BUILT_IN = Set.of("__from", "__to", "__interval", "__interval_ms", "__rate_interval",
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
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = name(m);
            String format = m.group(2) != null ? m.group(2) : m.group(5);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for $" + name + " in: " + text);
            }
            if (format != null && !(name.startsWith("__") && format.equals("date:YYYY-MM-DD"))) {
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
