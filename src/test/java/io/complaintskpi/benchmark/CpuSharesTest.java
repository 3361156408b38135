package io.complaintskpi.benchmark;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CpuSharesTest {

    @Test
    void aBusyStreamThreadThatHasEndedStillCountsAndTheSharesAddUpToTheProcess() throws InterruptedException {
        CpuShares shares = CpuShares.start();
        Thread busy = new Thread(() -> {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(800);
            long x = 0;
            while (System.nanoTime() < until) {
                x += Long.numberOfTrailingZeros(System.nanoTime());
            }
            if (x == 42) {
                System.out.print("");
            }
        }, "complaints-kpi-1-StreamThread-1");
        busy.start();
        busy.join();
        Thread.sleep(50);

        Map<String, Integer> went = parse(shares.sinceStart());
        shares.close();

        assertThat(went).containsOnlyKeys("stream threads", "their producers", "broker", "other Java threads",
                "JIT compiler", "garbage collector", "RocksDB background", "other native threads");
        assertThat(went.get("stream threads")).as("the ended thread's CPU, up to its last sample").isGreaterThan(10);
        assertThat(went.values().stream().mapToInt(Integer::intValue).sum()).as("whole per cents, each rounded")
                .isBetween(96, 104);
    }

    private static Map<String, Integer> parse(String shares) {
        Matcher m = Pattern.compile("([^,]+) (\\d+) %").matcher(shares);
        return m.results().collect(Collectors.toMap(r -> r.group(1).strip(), r -> Integer.parseInt(r.group(2))));
    }
}
