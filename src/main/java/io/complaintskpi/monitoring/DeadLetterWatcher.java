package io.complaintskpi.monitoring;

import io.complaintskpi.contributions.InternalErrorException;
import io.complaintskpi.query.DeadLetter;
import io.complaintskpi.events.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tails the dead-letter topic (committed records only) to count rejections and keep the latest reasons
 * for operators. Offsets cannot be used for the count: under exactly-once, transaction markers take
 * offsets too. Exports {@code complaints_kpi_dead_letters_total}, the records sent to the DLQ since this
 * process started (the alert reads its increase: it exists from the start, so the first one counts), and
 * the same by {@code type} and {@code reason} as {@code complaints_kpi_events_rejected_total} (the backlog
 * registers its label values at zero). Of those, the internal errors (bugs, dead-lettered as an
 * {@link InternalErrorException} so processing goes on) are also {@code complaints_kpi_internal_errors_total}.
 */
public final class DeadLetterWatcher implements AutoCloseable {

    private static final int RECENT = 50;

    private final MeterRegistry metrics;
    private final Counter deadLetters;
    private final Counter internalErrors;
    private final AtomicLong count = new AtomicLong();
    private final Deque<DeadLetter> recent = new ArrayDeque<>();
    private TopicTail tail;

    /** @param clientProperties the cluster and any pass-through client settings */
    public DeadLetterWatcher(Map<String, Object> clientProperties, String topic, MeterRegistry metrics) {
        this(metrics);
        this.tail = new TopicTail(clientProperties, topic, "complaints-kpi-dlq-watcher", true, this::remember);
    }

    /** Counts what {@link #remember} is given, with no consumer of its own (tests give it records). */
    DeadLetterWatcher(MeterRegistry metrics) {
        this.metrics = metrics;
        this.deadLetters = Counter.builder("complaints.kpi.dead.letters")
                .description("records sent to the dead-letter topic since start").register(metrics);
        this.internalErrors = Counter.builder("complaints.kpi.internal.errors")
                .description("records dead-lettered since start because processing them hit a bug (report it)")
                .register(metrics);
    }

    public long count() {
        return count.get();
    }

    public synchronized List<DeadLetter> recent() {
        return List.copyOf(recent);
    }

    synchronized void remember(ConsumerRecord<byte[], byte[]> record, boolean live) {
        count.incrementAndGet();
        String exception = TopicTail.header(record, "__streams.errors.exception");
        Counter rejected = Counter.builder("complaints.kpi.events.rejected")
                .description("records sent to the dead-letter topic since start, by event type and reason")
                .tag("type", EventTypeLabel.of(record.value()))
                .tag("reason", reason(exception))
                .register(metrics);
        if (live) {
            rejected.increment();
            deadLetters.increment();
            if (InternalErrorException.class.getName().equals(exception)) {
                internalErrors.increment();
            }
        }
        recent.addFirst(deadLetter(record));
        if (recent.size() > RECENT) {
            recent.removeLast();
        }
    }

    /**
     * Where a dead letter came from and why, with the reason redacted as in the log: the exception's message
     * can quote the record (a reference, a name), and the caseworkers reading {@code /api/v1/dlq} need the
     * kind of fault and the offset, not the content.
     */
    static DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> record) {
        String exception = TopicTail.header(record, "__streams.errors.exception");
        String partition = TopicTail.header(record, "__streams.errors.partition");
        String offset = TopicTail.header(record, "__streams.errors.offset");
        return new DeadLetter(Instant.ofEpochMilli(record.timestamp()),
                TopicTail.header(record, "__streams.errors.topic"),
                partition == null ? null : Integer.valueOf(partition),
                offset == null ? null : Long.valueOf(offset),
                exception,
                RejectionReason.of(exception, TopicTail.header(record, "__streams.errors.message")));
    }

    /** The exception's simple class name: a bounded label (the message, which names values, is not). */
    static String reason(String exceptionClass) {
        if (exceptionClass == null || exceptionClass.isBlank()) {
            return "unknown";
        }
        return exceptionClass.substring(exceptionClass.lastIndexOf('.') + 1);
    }

    /** False once its reading thread has ended ({@link io.complaintskpi.query.Liveness}). */
    public boolean alive() {
        return tail != null && tail.alive();
    }

    @Override
    public void close() throws InterruptedException {
        if (tail != null) {
            tail.close();
        }
    }
}
