package io.complaintskpi.app;

import io.complaintskpi.testing.Reproducible;
import io.complaintskpi.cli.Main;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code serve} on its embedded broker, SIGKILLed at random moments while it works through a few thousand
 * events, and again while it starts after each kill (restoring its stores, before {@code /ready}), and
 * started again on the same folder each time: nothing is lost, nothing counted or raised twice, and every
 * alert the events make due is raised exactly once.
 */
// Part of every build; -Dcrash.tests=false skips it (and BrokerRestartTest) in a quick local run, never in CI.
@DisabledIf("io.complaintskpi.testing.QuickRun#skipsCrashTests")
class CrashRestartTest {

    private static final int KILLS = 5;
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    /** Kept after the run (the data folder is not), so a failure can be read in CI. */
    private static final Path LOG = Path.of("target", "crash-restart-serve.log");
    private static final Pattern BROKER_PORT = Pattern.compile("advertised\\.listeners=PLAINTEXT\\\\://127\\.0\\.0\\.1\\\\:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void killedRepeatedlyTheServiceEndsWithTheOfflineFiguresEachAlertOnceAndExactlyTheBadRecordsDeadLettered()
            throws IOException {
        Files.deleteIfExists(LOG);
        long seed = Reproducible.seed("crash");
        Random random = new Random(seed);
        CrashWorkload workload = new CrashWorkload(KILLS, seed, Reproducible.now("crash"));
        assertThat(workload.recordCount()).as("seed " + seed).isGreaterThan(2000);
        int httpPort = freePort();
        Path dataDir = dir.resolve("data");
        
        ServiceClient client = new ServiceClient(httpPort, "");
        long startMillis = 0;
        int killedBeforeReady = 0;
        for (List<CrashWorkload.Sent> chunk : workload.chunks()) {
            if (startMillis > 0) {
                // Killed again while starting after the last kill: the broker coming up, the stores restoring
                // their changelogs (between a fifth and nine tenths of how long the last start took).
                try (ChildJvm service = serve(dataDir, httpPort)) {
                    CrashWorkload.sleep(startMillis / 5 + random.nextInt((int) (startMillis * 7 / 10)));
                    boolean ready = client.ok("/ready") != null;
                    service.kill();
                    killedBeforeReady += ready ? 0 : 1;
                    System.out.println("serve killed while starting, " + (ready ? "already" : "not yet") + " ready");
                }
            }
            try (ChildJvm service = serve(dataDir, httpPort)) {
                long started = System.nanoTime();
                awaitReady(client, service);
                startMillis = (System.nanoTime() - started) / 1_000_000;
                // Recorded for docs/kafka.md: from the JVM's start to /ready, after a SIGKILL but the first, with
                // the CPU the start took (the wall time depends on what else the machine is doing).
                System.out.printf("serve ready %.1f s after start, %.1f s of CPU, load average %.1f%n",
                        startMillis / 1e3, service.cpuSeconds(),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                CrashWorkload.publish(bootstrap(dataDir), chunk);
                // Somewhere in processing the chunk, raising alerts, committing or restoring.
                CrashWorkload.pause(random);
                service.kill();
            }
        }
        assertThat(killedBeforeReady).as("kills while the service was starting, before /ready (seed %d)", seed)
                .isPositive();
        try (ChildJvm service = serve(dataDir, httpPort)) {
            awaitReady(new ServiceClient(httpPort, ""), service);
            workload.assertServiceMatchesOfflineReplay(httpPort, bootstrap(dataDir), PATIENCE);
        }
    }

    private ChildJvm serve(Path dataDir, int httpPort) {
        return ChildJvm.start(LOG, Main.class.getName(), "serve", "--data-dir", dataDir.toString(),
                "--http-port", Integer.toString(httpPort), "--set", "alerts.scan-interval=PT1S",
                "--set", "authority.default=" + CrashWorkload.AUTHORITY);
    }

    /**
     * Ready again after each kill: the stores answer (docs/kafka.md says how long that takes). A start that
     * never gets there leaves its thread dump in the test's output, to show where it waits.
     */
    private static void awaitReady(ServiceClient client, ChildJvm service) {
        try {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
                assertThat(service.alive()).as("serve is running").isTrue();
                return client.ok("/ready") != null;
            });
        } catch (ConditionTimeoutException e) {
            System.out.println("serve not ready after " + PATIENCE + "; its threads:");
            System.out.println(service.threadDump());
            throw e;
        }
    }

    /** The embedded broker keeps its port in its folder across restarts. */
    private static String bootstrap(Path dataDir) {
        try {
            Matcher m = BROKER_PORT.matcher(Files.readString(dataDir.resolve("kafka/server.properties")));
            assertThat(m.find()).isTrue();
            return "127.0.0.1:" + m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
