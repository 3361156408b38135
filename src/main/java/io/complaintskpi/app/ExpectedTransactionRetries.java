package io.complaintskpi.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

import java.util.List;

/**
 * Drops the producer's warnings that it is retrying a send because the previous exactly-once transaction
 * was still being completed ({@code CONCURRENT_TRANSACTIONS}), and the batches in flight behind that one,
 * answered out of sequence ({@code OUT_OF_ORDER_SEQUENCE_NUMBER}). With Kafka 4's transactions a commit can
 * race the next send this way; the idempotent producer retries in order and nothing is lost, so a warning
 * per race only buries the warnings that matter. A send that finally fails is still logged as an error,
 * and every other producer warning still shows. The embedded broker logs the same race from its side, as an
 * error of its replica manager carrying the {@link OutOfOrderSequenceException} it answered: dropped too,
 * since the producer's retry (or its final error) is what tells whether anything went wrong.
 */
public final class ExpectedTransactionRetries extends TurboFilter {

    static final String SENDER = "org.apache.kafka.clients.producer.internals.Sender";
    static final List<String> RETRIED_ERRORS = List.of("CONCURRENT_TRANSACTIONS", "OUT_OF_ORDER_SEQUENCE_NUMBER");
    static final String REPLICA_MANAGER = "kafka.server.ReplicaManager";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (level == Level.ERROR && logger != null && REPLICA_MANAGER.equals(logger.getName())
                && t instanceof OutOfOrderSequenceException) {
            return FilterReply.DENY;
        }
        if (level != Level.WARN || logger == null || !SENDER.equals(logger.getName()) || format == null) {
            return FilterReply.NEUTRAL;
        }
        // Kafka's logger hands over the message already formatted; formatting again keeps any other caller right.
        String message = MessageFormatter.arrayFormat(format, params).getMessage();
        boolean expected = message.contains(", retrying (")
                && RETRIED_ERRORS.stream().anyMatch(error -> message.contains("Error: " + error));
        return expected ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
