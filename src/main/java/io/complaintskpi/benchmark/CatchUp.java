package io.complaintskpi.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * "Nothing left to consume": a consumer group's committed offsets at the end of every partition of the
 * topics it reads. Transactional topics (repartition) end with a commit marker the group may never
 * commit past, so one offset of slack is allowed there.
 */
final class CatchUp {

    private final Admin admin;

    CatchUp(Admin admin) {
        this.admin = admin;
    }

    /** Waits until the group has consumed everything, polling; returns the time it waited. */
    Duration await(String group, Collection<String> plainTopics, Collection<String> transactionalTopics,
                   Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (caughtUp(group, plainTopics, 0) && caughtUp(group, transactionalTopics, 1)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(group + " did not catch up within " + timeout);
    }

    /**
     * Waits until every partition's leader answers for it. A topic just created has leaders in the
     * cluster's metadata a moment before the broker serves them; an idempotent producer that starts in
     * that moment can be refused and lose track of its sequence numbers (seen on a loaded machine).
     */
    void awaitServed(String topic, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                endOffsets(List.of(topic));
                return;
            } catch (IllegalStateException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private boolean caughtUp(String group, Collection<String> topics, long slack) {
        if (topics.isEmpty()) {
            return true;
        }
        Map<TopicPartition, Long> ends = endOffsets(topics);
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        return ends.entrySet().stream().allMatch(e -> {
            OffsetAndMetadata at = committed.get(e.getKey());
            return e.getValue() == 0 || at != null && e.getValue() - at.offset() <= slack;
        });
    }

    Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        try {
            List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topics, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of " + group, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
