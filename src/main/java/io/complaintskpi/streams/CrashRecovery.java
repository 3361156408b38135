package io.complaintskpi.streams;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What brings a killed instance back quickly (docs/kafka.md, "Crashes and recovery"): static membership, the
 * same {@code group.instance.id} at every start on the same data folder, so the restarted instance takes its
 * own place in the group instead of waiting for the dead member's session to time out and a full rebalance;
 * and, after an unclean stop, the local state removed before Kafka Streams starts, as exactly-once would
 * wipe it anyway, only later and slower. (Transactional state stores were tried and left off: docs/kafka.md
 * says why.)
 */
public final class CrashRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(CrashRecovery.class);

    /** Lives beside the state folder, not in it: Kafka Streams may delete what it finds in there. */
    static final String INSTANCE_ID_FILE = "instance.id";
    /** Written once Kafka Streams has closed cleanly; missing at start, the last run was killed or crashed. */
    static final String CLEAN_STOP_FILE = "streams.clean-stop";
    /** A task's folder in the application's state folder, e.g. {@code 0_3}. */
    private static final Pattern TASK_FOLDER = Pattern.compile("\\d+_\\d+");

    private CrashRecovery() {
    }

    /**
     * Adds the settings to the Kafka Streams properties of the instance whose data folder is {@code dataDir}
     * and, after an unclean stop, removes the local state those properties point at. Call it just before
     * Kafka Streams is created.
     */
    public static void apply(Properties props, Path dataDir) {
        String applicationId = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                applicationId + "-" + instanceId(dataDir));
        discardStateAfterUncleanStop(dataDir,
                Path.of(props.getProperty(StreamsConfig.STATE_DIR_CONFIG)).resolve(applicationId));
    }

    /**
     * Logs what a start costs, in seconds since the JVM started: each state of the Kafka Streams client and,
     * when it first runs, how many records the stores restored from their changelogs and how long that took
     * (after a crash under exactly-once every store is wiped and restored).
     */
    public static void logStart(KafkaStreams streams) {
        AtomicLong restored = new AtomicLong();
        AtomicLong firstRestoreStart = new AtomicLong();
        AtomicLong lastRestoreEnd = new AtomicLong();
        streams.setGlobalStateRestoreListener(new StateRestoreListener() {
            @Override
            public void onRestoreStart(TopicPartition partition, String store, long startOffset, long endOffset) {
                firstRestoreStart.compareAndSet(0, System.currentTimeMillis());
            }

            @Override
            public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long records) {
                restored.addAndGet(records);
            }

            @Override
            public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
                lastRestoreEnd.set(System.currentTimeMillis());
            }
        });
        AtomicBoolean running = new AtomicBoolean();
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING && running.compareAndSet(false, true)) {
                LOG.info("streams RUNNING {} s after the JVM started; stores restored {} records from their"
                                + " changelogs in {} s", sinceJvmStart(), restored.get(),
                        seconds(lastRestoreEnd.get() - firstRestoreStart.get()));
            } else {
                LOG.info("streams {} -> {} ({} s after the JVM started)", before, now, sinceJvmStart());
            }
        });
    }

    /** Seconds since this JVM started, for the start-up log lines. */
    public static String sinceJvmStart() {
        return seconds(System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", Math.max(0, millis) / 1000.0);
    }

    /**
     * After an unclean stop under exactly-once, Kafka Streams trusts no
     * local store (it may hold writes of a transaction that was then aborted): it opens each one at start-up,
     * fails its task as corrupted, wipes it, rebalances again and restores it from its changelog. Removing the
     * task folders first ends the same way (every store restored from its committed changelog) without the
     * detour, which took most of a restart. The process id file stays, so the transactional id stays the same
     * and the killed run's open transaction is aborted as soon as the new producer starts. After a clean stop
     * the stores are kept: they know the changelog offsets they hold.
     *
     * @param appStateDir the application's folder in the state folder ({@code <state.dir>/<application.id>})
     * @return the task folders removed
     */
    public static List<String> discardStateAfterUncleanStop(Path dataDir, Path appStateDir) {
        Path marker = dataDir.resolve(CLEAN_STOP_FILE);
        try {
            // Consumed now: if this run is killed too, the next start must not take it for clean.
            if (Files.deleteIfExists(marker) || !Files.isDirectory(appStateDir)) {
                return List.of();
            }
            List<Path> tasks;
            try (Stream<Path> children = Files.list(appStateDir)) {
                tasks = children.filter(child -> Files.isDirectory(child)
                        && TASK_FOLDER.matcher(child.getFileName().toString()).matches()).sorted().toList();
            }
            for (Path task : tasks) {
                deleteRecursively(task);
            }
            List<String> removed = tasks.stream().map(task -> task.getFileName().toString()).toList();
            if (!removed.isEmpty()) {
                LOG.info("last stop was not clean: removed the local state of tasks {}; their stores are restored"
                        + " from their changelogs (exactly-once trusts nothing else)", removed);
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the local state in " + appStateDir, e);
        }
    }

    /** Call once Kafka Streams has closed cleanly (its stores hold the offsets they were written up to). */
    public static void markCleanStop(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve(CLEAN_STOP_FILE), Instant.now() + System.lineSeparator(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("cannot record the clean stop in {}: the next start restores every store", dataDir, e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The id of the instance owning {@code dataDir}: made on its first start, read back at every later one. */
    static String instanceId(Path dataDir) {
        Path file = dataDir.resolve(INSTANCE_ID_FILE);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            Files.createDirectories(dataDir);
            String id = UUID.randomUUID().toString();
            Path tmp = dataDir.resolve(INSTANCE_ID_FILE + ".tmp");
            Files.writeString(tmp, id + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the instance id in " + file, e);
        }
    }
}
