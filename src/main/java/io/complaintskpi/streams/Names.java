package io.complaintskpi.streams;

/**
 * Every topic, store and internal resource the topology uses, named once. Renaming one orphans its
 * state, so these names are part of the deployment contract.
 */
public final class Names {
    public static final String EVENTS_TOPIC = "complaint-events";
    public static final String DLQ_TOPIC = "complaint-events-dlq";
    public static final String ALERTS_TOPIC = "complaint-alerts";
    /** Authority records as published (reference data, compacted). */
    public static final String AUTHORITIES_TOPIC = "authorities";
    /** The valid ones, which every instance reads into {@link #AUTHORITIES_STORE}. */
    public static final String AUTHORITIES_ACCEPTED_TOPIC = "authorities-accepted";
    /** The global table of authorities: code -> the accepted record's bytes. */
    public static final String AUTHORITIES_STORE = "authorities-table";

    /** Each case's accepted events, one entry per event ({@link CaseEventKeySchema}): its history, read by prefix. */
    public static final String CASE_EVENTS_STORE = "case-events";
    /**
     * Each case's derived state beside its events, by reference ({@link io.complaintskpi.lifecycle.CaseSnapshot}):
     * what the lifecycle reads at every event, and what interactive queries route by.
     */
    public static final String CASE_STATE_STORE = "case-state";
    public static final String DEADLINE_INDEX_STORE = "deadline-index";
    public static final String OPEN_ALERTS_STORE = "open-alerts";
    /** Complaints whose current stage is open, each with its caseload entry: the open caseload reads only these. */
    public static final String OPEN_COMPLAINTS_STORE = "open-complaints";
    /**
     * The same open complaints most urgent first, and how many share each set of what the caseload filters on
     * ({@link OpenCaseloadKeySchema}): an open caseload page reads its rows from here, not everything open.
     */
    public static final String OPEN_CASELOAD_STORE = "open-caseload";
    /**
     * What each key counts in each daily bucket, {@code authority|metric|dimension|date|reference}
     * ({@link io.complaintskpi.series.ContributorKey}): the complaints behind every count.
     */
    public static final String KPI_CONTRIBUTORS_STORE = "kpi-contributors";
    public static final String KPI_TOTALS_STORE = "kpi-totals";
    public static final String KPI_CONTRIBUTIONS_REPARTITION = "kpi-contributions";
    /** What Kafka Streams appends to a repartition's name (after the application id and a dash) for its topic. */
    private static final String REPARTITION_SUFFIX = "-repartition";

    /** The topic of the {@link #KPI_CONTRIBUTIONS_REPARTITION} repartition, as Kafka Streams names it. */
    public static String kpiContributionsTopic(String applicationId) {
        return applicationId + "-" + KPI_CONTRIBUTIONS_REPARTITION + REPARTITION_SUFFIX;
    }

    /** Whether {@code topic} is the {@link #KPI_CONTRIBUTIONS_REPARTITION} topic of some application id. */
    public static boolean isKpiContributionsTopic(String topic) {
        return topic.endsWith("-" + KPI_CONTRIBUTIONS_REPARTITION + REPARTITION_SUFFIX);
    }
    /** After the application id: the compacted topic recording the rule settings the stores were built under. */
    public static final String RULE_SETTINGS_TOPIC_SUFFIX = "-rule-settings";

    private Names() {
    }
}
