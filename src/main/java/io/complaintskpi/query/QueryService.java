package io.complaintskpi.query;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.authorities.Authorities;
import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.alerts.ComplaintStory;
import io.complaintskpi.alerts.ComplaintDeadlines;
import io.complaintskpi.drilldown.DrillDown;
import io.complaintskpi.series.SeriesReader;
import io.complaintskpi.lifecycle.CaseHistory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The one seam between HTTP and the stores. Today it reads this instance's stores; with several
 * instances it routes a key to its owner and fans out and merges, and nothing above it changes.
 */
public interface QueryService {

    SeriesReader series();

    /** The authorities reference data (a global table: every instance holds all of it). */
    Authorities authorities();

    /** Every raised alert whose stage is still open. */
    List<Alert> openAlerts();

    /** The accepted events of one key, if it has any. */
    Optional<CaseHistory> caseHistory(String complaintId);

    /**
     * One complaint's stages and statutory clocks on {@code today}, worked out by the domain from its history
     * wherever it is stored; empty when the key holds no complaint.
     */
    Optional<ComplaintDeadlines> complaintDeadlines(String complaintId, LocalDate today);

    /**
     * The caseload: open or overdue complaints from the index of open ones (cost: what is open), or a page of
     * every complaint in reference order (cost: the page). Never reads every complaint at once.
     */
    Caseload.Page caseload(Caseload.Query query);

    /** One complaint's story on {@code today} (see {@link ComplaintStory}); empty when the key holds no complaint. */
    Optional<ComplaintStory> complaintStory(String complaintId, LocalDate today);

    /**
     * A page of the keys behind the buckets of one metric (see {@link DrillDown}): read from the index of
     * contributions, so a page costs what it lists.
     */
    DrillDown.Page contributors(DrillDown.Query query);

    /** Committed records on the dead-letter topic (as far as this instance has read it). */
    long deadLetterCount();

    /** The latest rejections, newest first, with their reasons. */
    List<DeadLetter> recentRejections();

    /** Kafka Streams' state name, e.g. RUNNING or REBALANCING. */
    String streamsState();

    default boolean ready() {
        return "RUNNING".equals(streamsState());
    }
}
