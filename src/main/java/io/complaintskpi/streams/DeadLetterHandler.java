package io.complaintskpi.streams;

import io.complaintskpi.events.RejectionReason;

import io.complaintskpi.contributions.InternalErrorException;
import io.complaintskpi.events.InvalidEventException;
import io.complaintskpi.lifecycle.IllegalTransitionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Sends a rejected record to the dead-letter topic (with Kafka Streams' reason headers) and carries on.
 * A rejection (the contract's {@link InvalidEventException}, the rules' {@link IllegalTransitionException})
 * gets one log line: where the record came from and why, never the record itself nor a stack trace,
 * because records carry personal data and a flood of bad input must not flood the log. Anything else
 * thrown while processing is a bug, not the record's fault: it is dead-lettered as an
 * {@link InternalErrorException} (the reason says to report it; the DLQ watcher counts it on its own) and
 * logged with its stack trace, so processing goes on and an operator is told.
 */
public final class DeadLetterHandler implements ProcessingExceptionHandler, DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private String deadLetterTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        deadLetterTopic = topic == null ? null : topic.toString();
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                           Exception exception) {
        Exception reason = classify(exception);
        log(context, reason);
        return ProcessingExceptionHandler.Response.resume(ExceptionHandlerUtils.maybeBuildDeadLetterQueueRecords(
                deadLetterTopic, context.sourceRawKey(), context.sourceRawValue(), context, reason));
    }

    /** A rejection as it is; anything else as the internal error it is. */
    static Exception classify(Exception exception) {
        return exception instanceof InvalidEventException || exception instanceof IllegalTransitionException
                || exception instanceof InternalErrorException ? exception : new InternalErrorException(exception);
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                ConsumerRecord<byte[], byte[]> record,
                                                                Exception exception) {
        log(context, exception);
        return DeserializationExceptionHandler.Response.resume(ExceptionHandlerUtils.maybeBuildDeadLetterQueueRecords(
                deadLetterTopic, record.key(), record.value(), context, exception));
    }

    private static void log(ErrorHandlerContext context, Exception exception) {
        if (exception instanceof InternalErrorException) {
            LOG.error("internal error on record {}-{} offset {}, sent to the dead-letter topic: please report it",
                    context.topic(), context.partition(), context.offset(), exception);
            return;
        }
        LOG.warn("rejected record {}-{} offset {} to the dead-letter topic: {}", context.topic(),
                context.partition(), context.offset(), RejectionReason.of(exception));
    }
}
