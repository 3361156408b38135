package io.complaintskpi.query;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.drilldown.DrillDown;
import io.complaintskpi.series.SeriesReader.Span;
import io.complaintskpi.lifecycle.CaseHistory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Asks another instance ({@code host:port}) for what its own stores hold, never what it would gather from
 * the others, so a query crosses the network at most once. A peer that cannot answer throws an unchecked
 * exception that the caller reports as "retry shortly".
 */
public interface PeerClient {

    Map<String, Long> sumByDimension(String peer, String authority, String metric, LocalDate from, LocalDate to);

    /** Every span's sums in one call, in the order asked. */
    Map<Span, Map<String, Long>> sumsByDimension(String peer, String authority, List<Span> spans);

    Map<LocalDate, Long> daily(String peer, String authority, String metric, String dimension, LocalDate from,
                               LocalDate to);

    Set<String> authorities(String peer);

    List<Alert> openAlerts(String peer);

    Optional<CaseHistory> caseHistory(String peer, String complaintId);

    /** The peer's own page of a drill-down (see {@link QueryService#contributors}). */
    DrillDown.Page contributors(String peer, DrillDown.Query query);

    /** The peer's own answer to a caseload query (see {@link QueryService#caseload}). */
    Caseload.Page caseload(String peer, Caseload.Query query);
}
