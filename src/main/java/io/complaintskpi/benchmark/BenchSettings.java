package io.complaintskpi.benchmark;

import io.complaintskpi.simulate.Simulation;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How big the bench runs; every part scales down for a quick run.
 *
 * @param plan         the simulated history replayed
 * @param events       events of it to publish and replay (the simulation is cut there)
 * @param clients      concurrent HTTP clients for the query figures
 * @param queryTime    how long each route is loaded
 * @param rate         events per second of the steady load during the end-to-end latency figure
 * @param latencyTime  how long the steady load runs
 * @param openFew      open complaints added for the first deadline-scan figure
 * @param openMany     open complaints in total for the second
 * @param scanTime     how long the deadline scan is watched at each size (its metric averages over ~30 s)
 * @param scanInterval the deadline scan's interval while it is watched
 * @param dataDir      broker, state and baselines' folder (must be new or empty)
 * @param streamThreads stream threads of the service and of the bare count topology
 * @param partitions   partitions of the input topic (at least its spec's; the repartition topic follows it)
 * @param commitInterval  the service's and the bare count's commit interval ({@code streams.commit-interval})
 * @param rocksDbMemoryMb the service's RocksDB memory bound ({@code streams.rocksdb-memory-mb})
 */
public record BenchSettings(Simulation.Plan plan, long events, int clients, Duration queryTime, int rate,
                            Duration latencyTime, int openFew, int openMany, Duration scanTime,
                            Duration scanInterval, Path dataDir, int streamThreads, int partitions,
                            Duration commitInterval, int rocksDbMemoryMb) {

    public BenchSettings {
        if (events < 1 || clients < 1 || rate < 1 || openFew < 1 || openMany < openFew || streamThreads < 1
                || partitions < 1 || rocksDbMemoryMb < 1 || commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException("events, clients, rate, open complaints, threads, partitions, the commit"
                    + " interval and the RocksDB memory must be positive, and --open-many at least --open-few");
        }
    }
}
