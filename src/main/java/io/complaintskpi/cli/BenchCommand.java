package io.complaintskpi.cli;

import io.complaintskpi.benchmark.Bench;
import io.complaintskpi.benchmark.BenchSettings;
import io.complaintskpi.benchmark.BenchTable;
import io.complaintskpi.simulate.Simulation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the service on the embedded broker and print one table, each figure beside a baseline"
                + " from the same run: replay of simulated events beside a plain consumer and a bare exactly-once count"
                + " topology, dashboard routes beside /health, end-to-end latency under a steady load, the deadline"
                + " scan with few and many open complaints, peak memory and disk. Takes some 10 minutes at the defaults.",
                "Every size has an option to scale it down; the table also goes to --out."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SimulateCommand.SimulationOptions simulation;

    @Option(names = "--events", defaultValue = "500000", description = "simulated events replayed (default ${DEFAULT-VALUE})")
    long events;

    @Option(names = "--clients", defaultValue = "8", description = "concurrent HTTP clients (default ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--query-time", defaultValue = "PT10S", description = "load per route (default ${DEFAULT-VALUE})")
    Duration queryTime;

    @Option(names = "--rate", defaultValue = "1000", description = "steady events/s while latency is measured"
            + " (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--latency-time", defaultValue = "PT60S", description = "how long (default ${DEFAULT-VALUE})")
    Duration latencyTime;

    @Option(names = "--open-few", defaultValue = "1000", description = "open complaints, first deadline-scan figure"
            + " (default ${DEFAULT-VALUE})")
    int openFew;

    @Option(names = "--open-many", defaultValue = "100000", description = "open complaints, second figure (default"
            + " ${DEFAULT-VALUE}: the issue's 1,000,000 scaled down to keep the run short)")
    int openMany;

    @Option(names = "--scan-time", defaultValue = "PT40S", description = "how long each scan figure is watched"
            + " (default ${DEFAULT-VALUE}; Kafka's metric averages over the last 30 to 60 s)")
    Duration scanTime;

    @Option(names = "--scan-interval", defaultValue = "PT0.2S", description = "deadline scan interval while watched"
            + " (default ${DEFAULT-VALUE})")
    Duration scanInterval;

    @Option(names = "--stream-threads", defaultValue = "1", description = "stream threads of the service and of the"
            + " bare count baseline (default ${DEFAULT-VALUE})")
    int streamThreads;

    @Option(names = "--partitions", defaultValue = "6", description = "partitions of the input topic, at least its"
            + " spec's 6 (default ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--commit-interval", defaultValue = "PT0.1S",
            description = "commit interval of the service and of the bare count baseline, as streams.commit-interval"
            + " (default ${DEFAULT-VALUE})")
    Duration commitInterval;

    @Option(names = "--rocksdb-memory-mb", defaultValue = "64", description = "the service's RocksDB memory bound, as"
            + " streams.rocksdb-memory-mb (default ${DEFAULT-VALUE})")
    int rocksDbMemoryMb;

    @Option(names = "--data-dir", description = "new or empty folder for the broker and state (default: a temporary"
            + " folder, deleted after)")
    Path dataDir;

    @Option(names = "--out", defaultValue = "bench-result.md", description = "file for the table (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        Simulation run = simulation.simulation(spec);
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("complaints-kpi-bench") : dataDir;
        if (!temporary && Files.isDirectory(dir)) {
            try (Stream<Path> children = Files.list(dir)) {
                if (children.findAny().isPresent()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--data-dir must be new or empty: " + dir);
                }
            }
        }
        BenchSettings settings;
        try {
            settings = new BenchSettings(run.plan(), events, clients, queryTime, rate, latencyTime, openFew, openMany,
                    scanTime, scanInterval, dir, streamThreads, partitions, commitInterval, rocksDbMemoryMb);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            BenchTable table = Bench.run(settings, System.err);
            String markdown = table.markdown();
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(out, markdown);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(markdown);
            stdout.println("wrote " + out);
            stdout.flush();
            return 0;
        } finally {
            if (temporary) {
                delete(dir);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
