package io.complaintskpi.streams;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Knows, per partition of the events topic, whether the service has caught up with it, from the broker's
 * own figures: the application's committed position (Kafka Streams commits the next offset to process,
 * past transaction markers, every commit interval) against the partition's end (the last stable offset,
 * what a read-committed reader can reach). A partition is caught up when everything that was in it one
 * probe ago has been processed: a task keeping pace with live traffic always is, a task working through
 * a backlog (a replay, or what piled up during downtime) is not until it reaches the end.
 */
public final class InputBacklog implements CatchUp, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InputBacklog.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_PROBE_INTERVAL = Duration.ofSeconds(1);

    /** One look at a partition: the committed position and the end. */
    record Probe(long committed, long end) {
    }

    /** Whether committed records lie in {@code [from, to)} of a partition. */
    @FunctionalInterface
    interface Gap {
        boolean hasRecords(int partition, long from, long to);
    }

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;
    private final String groupId;
    private final String topic;
    private final ScheduledExecutorService timer;
    /** Written and read by the timer thread only. */
    private final Map<Integer, Probe> lastProbe = new HashMap<>();
    private final Set<Integer> caughtUp = ConcurrentHashMap.newKeySet();
    /** Consecutive probes each partition has been behind; timer thread only. */
    private final Map<Integer, Integer> probesBehind = new HashMap<>();

    private InputBacklog(Map<String, Object> clientProperties, String groupId, String topic) {
        this.admin = Admin.create(clientProperties);
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.putAll(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100));
        this.reader = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.groupId = groupId;
        this.topic = topic;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "input-backlog-probe");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Probes {@code topic} for consumer group {@code groupId} (the application id) every second, or every
     * {@code scanInterval} if that is shorter. A scan trusts the latest probe, so a load that lands after a
     * probe is unseen until the next: probing once a scan interval (a minute by default) left the scans of
     * up to two minutes raising alerts from the first records of a load.
     *
     * @param clientProperties the cluster and any pass-through client settings
     */
    public static InputBacklog start(Map<String, Object> clientProperties, String groupId, String topic,
                                     Duration scanInterval) {
        InputBacklog backlog = new InputBacklog(clientProperties, groupId, topic);
        long every = Math.min(scanInterval.toMillis(), MAX_PROBE_INTERVAL.toMillis());
        backlog.timer.scheduleWithFixedDelay(backlog::probe, 0, every, TimeUnit.MILLISECONDS);
        return backlog;
    }

    @Override
    public boolean caughtUp(int partition) {
        return caughtUp.contains(partition);
    }

    /**
     * The rule: caught up at the end, or keeping pace: past where the end was at the previous probe, with no
     * more waiting now than was processed since then. Being past the previous end alone is no proof: a load
     * that landed after an idle probe is "past" it as soon as one of its records is processed. A position
     * that has not moved since then, short of the end, is caught up only if nothing but transaction markers
     * (or aborted records) lies before the end: then there is nothing to process, and Kafka Streams does not
     * commit again until there is. Records there mean the task is not running yet (restoring, rebalancing).
     */
    static boolean caughtUp(int partition, Probe before, Probe now, Gap gap) {
        if (now.committed() >= now.end()) {
            return true;
        }
        if (before == null) {
            return false;
        }
        if (now.committed() >= before.end() && now.end() - now.committed() <= now.committed() - before.committed()) {
            return true;
        }
        return now.committed() == before.committed() && !gap.hasRecords(partition, now.committed(), now.end());
    }

    private void probe() {
        try {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            for (int p = 0; p < partitions; p++) {
                TopicPartition tp = new TopicPartition(topic, p);
                OffsetAndMetadata position = committed.get(tp);
                Probe now = new Probe(position == null ? 0 : position.offset(), ends.get(tp).offset());
                record(p, now, caughtUp(p, lastProbe.get(p), now, this::hasRecords));
                lastProbe.put(p, now);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Not knowing is not caught up: alerts wait for the next probe rather than risk paging for history.
            if (!caughtUp.isEmpty()) {
                LOG.warn("cannot tell whether {} is caught up; holding deadline alerts: {}", topic, e.toString());
            }
            caughtUp.clear();
            lastProbe.clear();
        }
    }

    /**
     * Logs a backlog once it has lasted two probes, and its end: probed every second, live traffic is now and
     * then a record short of keeping pace for one probe, which is no news.
     */
    private void record(int partition, Probe now, boolean isCaughtUp) {
        int behind = isCaughtUp ? 0 : probesBehind.merge(partition, 1, Integer::sum);
        if (isCaughtUp) {
            caughtUp.add(partition);
            if (probesBehind.getOrDefault(partition, 0) > 1) {
                LOG.info("{}-{} caught up at offset {}: deadline alerts raised", topic, partition, now.committed());
            }
            probesBehind.remove(partition);
        } else {
            caughtUp.remove(partition);
            if (behind == 2) {
                LOG.info("{}-{} has a backlog ({} of {}): deadline alerts held", topic, partition,
                        now.committed(), now.end());
            }
        }
    }

    private boolean hasRecords(int partition, long from, long to) {
        TopicPartition tp = new TopicPartition(topic, partition);
        reader.assign(List.of(tp));
        reader.seek(tp, from);
        long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
        while (reader.position(tp) < to && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                if (record.offset() < to) {
                    return true;
                }
            }
        }
        return reader.position(tp) < to;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close();
        admin.close(Duration.ofSeconds(5));
    }
}
