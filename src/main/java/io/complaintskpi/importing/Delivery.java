package io.complaintskpi.importing;

import java.util.List;

/** Where an import sends its valid events: Kafka's events topic, or a running service's POST /api/v1/events. */
public interface Delivery extends AutoCloseable {

    /** The destination in words, for the summary. */
    String destination();

    /**
     * Sends a batch and answers one {@link Answer} per event, in the batch's order, once the destination has
     * taken them; throws {@link Failed} when it cannot send at all (unreachable, refused).
     */
    List<Answer> deliver(List<ReadEvent.Valid> batch);

    /** Where the checks that need a complaint's history happen, and where to look for what they refuse. */
    String laterChecks();

    @Override
    void close();

    /** What became of one event: taken (with where it went, when known) or refused (with why). */
    record Answer(boolean accepted, String reason, Integer partition, Long offset) {
        public static Answer accepted(Integer partition, Long offset) {
            return new Answer(true, null, partition, offset);
        }

        public static Answer rejected(String reason) {
            return new Answer(false, reason, null, null);
        }
    }

    /** The destination could not take the batch at all; the message says why in one line. */
    class Failed extends RuntimeException {
        public Failed(String message) {
            super(message);
        }
    }
}
