package io.complaintskpi.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A load of history (an import, a replay, a case system's backlog) arrives in business-date order, so a
 * complaint's receipt comes long before the answer that closes it. An alert whose deadline had already
 * passed when the event that scheduled it arrived says nothing the rest of the load may not contradict: it
 * waits until no event from before today has arrived for {@code settleTime}. Alerts that fall due after their
 * events arrived (live deadlines) never wait.
 */
public record LoadSettling(Duration settleTime) {

    public LoadSettling {
        if (settleTime.isNegative()) {
            throw new IllegalArgumentException("settle time must not be negative: " + settleTime);
        }
    }

    /** An event about a day before today belongs to a load of history, however it was sent. */
    public boolean fromHistory(LocalDate businessDate, LocalDate today) {
        return businessDate.isBefore(today);
    }

    /** Whether {@code scheduled}, scheduled today by an event of {@code businessDate}, waits for its load to settle. */
    public boolean holds(PendingAlert scheduled, LocalDate businessDate, LocalDate today) {
        return fromHistory(businessDate, today) && !scheduled.firesOn().isAfter(today);
    }

    /** Whether the load has settled: nothing from before today arrived in the last {@code settleTime}. */
    public boolean settled(Instant lastHistoryArrival, Instant now) {
        return !now.isBefore(lastHistoryArrival.plus(settleTime));
    }
}
