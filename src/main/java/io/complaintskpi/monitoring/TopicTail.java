package io.complaintskpi.monitoring;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a topic (committed records only) on a daemon thread and hands every record to a handler, saying
 * whether it arrived after the tail started. Counters of "new" records then start at zero with the process,
 * as Prometheus expects, while the backlog (read when {@code fromBeginning}) still tells which label values
 * exist.
 */
final class TopicTail implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);

    /** What to do with one record; {@code live} is false for the records already on the topic at start. */
    interface Handler {
        void accept(ConsumerRecord<byte[], byte[]> record, boolean live);
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, Long> endAtStart;
    private final Handler handler;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param clientProperties the cluster and any pass-through client settings */
    TopicTail(Map<String, Object> clientProperties, String topic, String clientId, boolean fromBeginning,
              Handler handler) {
        this.handler = handler;
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        endAtStart = consumer.endOffsets(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            endAtStart.forEach(consumer::seek);
        }
        thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    long end = endAtStart.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L);
                    handler.accept(record, record.offset() >= end);
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the poll
        } catch (RuntimeException | Error e) {
            // The thread ends here: alive() turns false, which /health reports and the process acts on.
            LOG.error("{} stopped: {}", thread.getName(), e.toString());
            throw e;
        } finally {
            Thread.interrupted(); // an interrupt that ended the loop must not also fail the close
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** False once the reading thread has ended, whether closed or killed by a fault. */
    boolean alive() {
        return thread.isAlive();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
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
