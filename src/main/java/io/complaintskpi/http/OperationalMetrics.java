package io.complaintskpi.http;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an open {@code /metrics} shows a caller without a token: the service's health, HTTP, Kafka and JVM
 * metrics, not its business figures. Headline KPIs, open alerts, breaches and events by type, sampled every few
 * seconds, date single complaints; they are the service's own {@code complaints_kpi_} metrics, so those are left
 * out but for the few that say only whether the service runs.
 */
final class OperationalMetrics {

    private static final String BUSINESS_PREFIX = "complaints_kpi_";
    /** The service's own metrics that carry no figure: whether it runs, and its internal failures. */
    private static final Set<String> OPERATIONAL = Set.of("complaints_kpi_streams_running",
            "complaints_kpi_stream_threads_configured", "complaints_kpi_stream_thread_replacements",
            "complaints_kpi_internal_errors");
    /** The metric a line of the text format is about: {@code # HELP name}, {@code # TYPE name} or a sample. */
    private static final Pattern NAME = Pattern.compile("^(?:# (?:HELP|TYPE|UNIT) )?([a-zA-Z_:][a-zA-Z0-9_:]*)");

    private OperationalMetrics() {
    }

    /** The Prometheus text without the business metrics' lines. */
    static String only(String text) {
        return text.lines().filter(OperationalMetrics::operational).collect(Collectors.joining("\n", "", "\n"));
    }

    private static boolean operational(String line) {
        Matcher m = NAME.matcher(line);
        if (!m.find()) {
            return true; // a comment line or blank
        }
        String name = m.group(1);
        return !name.startsWith(BUSINESS_PREFIX) || OPERATIONAL.stream().anyMatch(name::startsWith);
    }
}
