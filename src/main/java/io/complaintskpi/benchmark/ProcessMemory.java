package io.complaintskpi.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's peak resident set (Linux: VmHWM, reset through /proc/self/clear_refs) and peak heap
 * (sum of the heap pools' peaks), from a reset to now; and the CPU time all its threads have used.
 */
final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ProcessMemory() {
    }

    static void resetPeaks() {
        try {
            Files.writeString(CLEAR_REFS, "5"); // 5: reset the peak RSS to the current RSS (Linux 4.0+)
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Not Linux, or not allowed: the peak then counts from process start, which the table says.
        }
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Peak RSS in bytes, or -1 where /proc is not there. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /**
     * CPU time used by every thread of the JVM so far (the broker's included), in nanoseconds, or -1 where the
     * JVM does not say. Unlike a rate, CPU per event hardly moves when other work shares the machine.
     */
    static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }
}
