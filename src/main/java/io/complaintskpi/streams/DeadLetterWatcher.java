package io.complaintskpi.streams;

import io.complaintskpi.query.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tails the dead-letter topic (committed records only) to count rejections and keep the latest reasons
 * for operators. Offsets cannot be used for the count: under exactly-once, transaction markers take
 * offsets too.
 */
public final class DeadLetterWatcher implements AutoCloseable {

    private static final int RECENT = 50;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final AtomicLong count = new AtomicLong();
    private final Deque<DeadLetter> recent = new ArrayDeque<>();
    private volatile boolean running = true;

    public DeadLetterWatcher(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "complaints-kpi-dlq-watcher"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "dlq-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    public long count() {
        return count.get();
    }

    public synchronized List<DeadLetter> recent() {
        return List.copyOf(recent);
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    remember(record);
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the poll
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private synchronized void remember(ConsumerRecord<byte[], byte[]> record) {
        count.incrementAndGet();
        String partition = header(record, "__streams.errors.partition");
        String offset = header(record, "__streams.errors.offset");
        recent.addFirst(new DeadLetter(Instant.ofEpochMilli(record.timestamp()),
                header(record, "__streams.errors.topic"),
                partition == null ? null : Integer.valueOf(partition),
                offset == null ? null : Long.valueOf(offset),
                header(record, "__streams.errors.exception"),
                header(record, "__streams.errors.message")));
        if (recent.size() > RECENT) {
            recent.removeLast();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
