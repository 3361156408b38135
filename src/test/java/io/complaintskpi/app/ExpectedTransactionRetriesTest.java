package io.complaintskpi.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.clients.producer.internals.Sender;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.utils.internals.LogContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExpectedTransactionRetriesTest {

    private static final String RETRYING = "Got error produce response with correlation id {} on topic-partition {},"
            + " retrying ({} attempts left). Error: {}";

    @Test
    void dropsOnlyTheProducersRetriesBehindAConcurrentTransactionAndKeepsEveryOtherWarning() {
        List<ILoggingEvent> seen = passedThroughTheFilter(Sender.class.getName(), () -> {
            // Logged the way the producer logs it: through Kafka's prefixing logger.
            org.slf4j.Logger producer = new LogContext("[Producer clientId=p, transactionalId=t] ").logger(Sender.class);
            TopicPartition changelog = new TopicPartition("complaints-kpi-case-events-changelog", 2);
            producer.warn(RETRYING, 22, changelog, 2147483646, Errors.CONCURRENT_TRANSACTIONS);
            producer.warn(RETRYING, 22, changelog, 2147483646, Errors.CONCURRENT_TRANSACTIONS.name());
            producer.warn(RETRYING, 23, changelog, 2147483646, Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);
            producer.warn(RETRYING, 23, changelog, 2147483645, Errors.NOT_ENOUGH_REPLICAS);
            producer.error("Uncaught error in kafka producer I/O thread: CONCURRENT_TRANSACTIONS");
        });
        assertThat(seen).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "[Producer clientId=p, transactionalId=t] Got error produce response with correlation id 23 on"
                        + " topic-partition complaints-kpi-case-events-changelog-2, retrying (2147483645 attempts"
                        + " left). Error: NOT_ENOUGH_REPLICAS",
                "[Producer clientId=p, transactionalId=t] Uncaught error in kafka producer I/O thread:"
                        + " CONCURRENT_TRANSACTIONS");
    }

    @Test
    void dropsTheBrokersSideOfTheSameRaceAndKeepsItsOtherErrors() {
        org.slf4j.Logger replicaManager = LoggerFactory.getLogger(ExpectedTransactionRetries.REPLICA_MANAGER);
        String append = "[ReplicaManager broker=1] Error processing append operation on partition t-2";
        List<ILoggingEvent> seen = passedThroughTheFilter(ExpectedTransactionRetries.REPLICA_MANAGER, () -> {
            replicaManager.error(append, new OutOfOrderSequenceException("Invalid sequence number for producer 1"));
            replicaManager.error(append, new CorruptRecordException("crc mismatch"));
            replicaManager.warn(append, new OutOfOrderSequenceException("kept: not an error"));
        });
        assertThat(seen).extracting(e -> e.getThrowableProxy().getClassName()).containsExactly(
                CorruptRecordException.class.getName(), OutOfOrderSequenceException.class.getName());
    }

    /** What one logger still logs while the filter is installed and {@code logging} runs. */
    private static List<ILoggingEvent> passedThroughTheFilter(String loggerName, Runnable logging) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ExpectedTransactionRetries filter = new ExpectedTransactionRetries();
        filter.start();
        context.addTurboFilter(filter);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        Logger logger = context.getLogger(loggerName);
        logger.addAppender(seen);
        try {
            logging.run();
            return List.copyOf(seen.list);
        } finally {
            logger.detachAppender(seen);
            context.getTurboFilterList().remove(filter);
        }
    }
}
