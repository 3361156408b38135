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

    /** Records not yet consumed by the group on the topics. */
    long lag(String group, Collection<String> topics) {
        Map<TopicPartition, Long> ends = endOffsets(topics);
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        return ends.entrySet().stream().mapToLong(e -> {
            OffsetAndMetadata at = committed.get(e.getKey());
            return e.getValue() - (at == null ? 0 : at.offset());
        }).sum();
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
