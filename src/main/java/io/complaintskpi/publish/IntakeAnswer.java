package io.complaintskpi.publish;

import io.complaintskpi.streams.Names;

import java.util.List;

/**
 * What the service answers for a batch of events offered to it: each event accepted (stored on
 * complaint-events, where Kafka put it) or rejected (with the stream's reason), in the order offered, and where
 * the checks that need a complaint's history report. The import command reads this shape: keep it.
 *
 * @param accepted    how many events Kafka acknowledged
 * @param rejected    how many broke the contract and were not stored
 * @param results     one per event, by its 0-based {@code index} in the batch
 * @param laterChecks what is checked later, in the stream, and where its refusals go
 */
public record IntakeAnswer(int accepted, int rejected, List<Result> results, String laterChecks) {

    /** The sentence every answer carries: an accepted event can still be refused by its complaint's history. */
    public static final String LATER_CHECKS = "Accepted means stored on " + Names.EVENTS_TOPIC + ", not yet"
            + " applied: checks that need the complaint's history (an impossible transition, such as an answer to a"
            + " complaint never received) happen in the stream, which sends an event failing them to the dead-letter"
            + " topic " + Names.DLQ_TOPIC + " with its reason, readable at GET /api/v1/dlq (caseworker role).";

    /** How the batch went as a whole. */
    public enum Outcome {
        /** every event accepted */
        ALL_ACCEPTED,
        /** no event accepted */
        NONE_ACCEPTED,
        /** some accepted, some rejected: each result says which */
        MIXED
    }

    /** One event's answer. */
    public sealed interface Result permits Accepted, Rejected {
        int index();

        String status();
    }

    /** Stored: Kafka acknowledged the record at this partition and offset. */
    public record Accepted(int index, String status, String eventId, int partition, long offset) implements Result {
        public Accepted(int index, String eventId, int partition, long offset) {
            this(index, "accepted", eventId, partition, offset);
        }
    }

    /**
     * Not stored: the reason as the dead-letter topic would give it ({@link io.complaintskpi.events.RejectionReason});
     * {@code eventId} when the event carries a readable one, else null.
     */
    public record Rejected(int index, String status, String eventId, String reason) implements Result {
        public Rejected(int index, String eventId, String reason) {
            this(index, "rejected", eventId, reason);
        }
    }

    public IntakeAnswer {
        results = List.copyOf(results);
    }

    /** The answer for these results, in batch order. */
    static IntakeAnswer of(List<Result> results) {
        int accepted = (int) results.stream().filter(Accepted.class::isInstance).count();
        return new IntakeAnswer(accepted, results.size() - accepted, results, LATER_CHECKS);
    }

    public Outcome outcome() {
        return rejected == 0 ? Outcome.ALL_ACCEPTED : accepted == 0 ? Outcome.NONE_ACCEPTED : Outcome.MIXED;
    }
}
