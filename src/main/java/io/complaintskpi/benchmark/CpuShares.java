package io.complaintskpi.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Where the JVM's CPU went between two moments, by kind of thread: the profile that says why the replay is as
 * fast as it is, printed with the figure. Java threads by name (Kafka Streams' stream threads and their
 * producers, the embedded broker's threads, the rest); the JVM's own threads (JIT compilers, garbage
 * collector) and RocksDB's by their Linux names in {@code /proc/self/task} (none is a Java thread); the rest of
 * the process's CPU as "other native threads". Threads are sampled every {@value #SAMPLE_MILLIS} ms, so one that ends before the phase does
 * (the bare count's stream thread closes with its topology) keeps what it used up to its last sample.
 */
final class CpuShares implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 100;

    /** A kind of thread and how its name is recognised; the first kind that matches takes the thread. */
    private record Kind(String name, Predicate<String> threadName) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("stream threads", n -> n.contains("-StreamThread-") && !n.contains("producer")),
            new Kind("their producers", n -> n.startsWith("kafka-producer-network-thread")),
            new Kind("broker", CpuShares::brokerThread),
            new Kind("other Java threads", n -> true));

    private static final List<String> NATIVE_KINDS = List.of("JIT compiler", "garbage collector", "RocksDB background");

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Path TASKS = Path.of("/proc/self/task");
    /** Linux counts thread CPU in clock ticks, 100 per second on every common kernel. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final Map<Long, Long> startByThread;
    /** Each thread's CPU at its latest sample, and its name. */
    private final Map<Long, Long> lastByThread = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final long startProcess;
    private final Map<String, Long> startNative;
    /** Each native thread's CPU at its latest sample, by thread id, with its kind. */
    private final Map<String, Long> lastNative = new HashMap<>();
    private final Map<String, String> nativeKindOf = new HashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bench-cpu-sampler");
        thread.setDaemon(true);
        return thread;
    });

    private CpuShares() {
        startByThread = sample();
        startProcess = ProcessMemory.cpuNanos();
        startNative = nativeSample();
        sampler.scheduleAtFixedRate(() -> {
            sample();
            nativeSample();
        }, SAMPLE_MILLIS, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** From now. */
    static CpuShares start() {
        return new CpuShares();
    }

    /** Each kind's share of the process's CPU since {@link #start}, largest first: "stream threads 31 %, ...". */
    String sinceStart() {
        Map<Long, Long> now = sample();
        long process = ProcessMemory.cpuNanos() - startProcess;
        if (process <= 0 || startProcess < 0) {
            return "n/a";
        }
        Map<String, Long> byKind = new LinkedHashMap<>();
        KINDS.forEach(kind -> byKind.put(kind.name(), 0L));
        NATIVE_KINDS.forEach(kind -> byKind.put(kind, 0L));
        long java = 0;
        for (Map.Entry<Long, Long> thread : now.entrySet()) {
            long used = thread.getValue() - startByThread.getOrDefault(thread.getKey(), 0L);
            String name = names.get(thread.getKey());
            String kind = KINDS.stream().filter(k -> k.threadName().test(name)).findFirst().orElseThrow().name();
            byKind.merge(kind, used, Long::sum);
            java += used;
        }
        Map<String, Long> nativeKinds = nativeSample();
        long named = java;
        for (Map.Entry<String, Long> kind : nativeKinds.entrySet()) {
            long used = Math.max(0, kind.getValue() - startNative.getOrDefault(kind.getKey(), 0L));
            byKind.put(kind.getKey(), used);
            named += used;
        }
        byKind.put("other native threads", Math.max(0, process - named));
        StringBuilder out = new StringBuilder();
        byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.append(out.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
                        .append(Math.round(100.0 * e.getValue() / process)).append(" %"));
        return out.toString();
    }

    /** Every live thread's CPU now, kept as its latest; returns every thread seen so far, ended ones included. */
    private synchronized Map<Long, Long> sample() {
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                long used = THREADS.getThreadCpuTime(info.getThreadId());
                if (used >= 0) {
                    lastByThread.put(info.getThreadId(), used);
                    names.put(info.getThreadId(), info.getThreadName());
                }
            }
        }
        return new HashMap<>(lastByThread);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    /**
     * CPU by kind of native thread, from {@code /proc/self/task/<tid>/stat} (Linux; empty elsewhere): each thread's
     * latest reading kept, so one that ended still counts.
     */
    private synchronized Map<String, Long> nativeSample() {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String kind = nativeKind(name);
                    if (kind != null) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                        lastNative.put(task.getFileName().toString(), ticks * NANOS_PER_TICK);
                        nativeKindOf.put(task.getFileName().toString(), kind);
                    }
                } catch (IOException | RuntimeException ended) {
                    // the thread ended between the listing and the read: its last sample stands
                }
            }
        } catch (IOException notLinux) {
            return Map.of();
        }
        Map<String, Long> byKind = new LinkedHashMap<>();
        lastNative.forEach((tid, used) -> byKind.merge(nativeKindOf.get(tid), used, Long::sum));
        return byKind;
    }

    /** The JVM's and RocksDB's threads by their Linux names (at most 15 characters); null for any other. */
    private static String nativeKind(String name) {
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return NATIVE_KINDS.get(0);
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
            return NATIVE_KINDS.get(1);
        }
        return name.startsWith("rocksdb:") ? NATIVE_KINDS.get(2) : null;
    }

    /** The embedded Kafka server's threads (request handling, replication, coordinators, log cleaning, KRaft). */
    private static boolean brokerThread(String name) {
        return name.startsWith("data-plane-kafka") || name.startsWith("kafka-log-cleaner")
                || name.startsWith("kafka-scheduler") || name.matches("kafka-\\d+-.*") || name.contains("raft")
                || name.startsWith("group-coordinator") || name.startsWith("TxnMarkerSenderThread")
                || name.startsWith("AddPartitionsToTxnSenderThread") || name.startsWith("quorum-controller")
                || name.startsWith("ExpirationReaper") || name.startsWith("transaction-")
                || name.startsWith("executor-") || name.startsWith("controller-")
                || name.startsWith("broker-") || name.startsWith("share-");
    }
}
