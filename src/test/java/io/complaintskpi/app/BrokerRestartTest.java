package io.complaintskpi.app;

import io.complaintskpi.testing.Reproducible;
import io.complaintskpi.broker.StandaloneBroker;
import io.complaintskpi.config.ServiceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The broker, in a JVM of its own, is killed and restarted twice mid-stream; the service rides it out. */
// Part of every build; -Dcrash.tests=false skips it outside CI. A run once ended 192 of 200 figures short: the test's own
// publisher had lost records (docs/kafka.md, "Crashes and recovery"), which it now reports as such.
@DisabledIf("io.complaintskpi.testing.QuickRun#skipsCrashTests")
class BrokerRestartTest {

    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final Pattern READY = Pattern.compile("broker ready on (\\S+)");

    @TempDir
    Path dir;

    @Test
    void theServiceKeepsRunningThroughBrokerRestartsAndLosesNothing() throws IOException {
        for (int run = 1; run <= 3; run++) {
            Files.deleteIfExists(log(run));
        }
        long seed = Reproducible.seed("broker-restart");
        Random random = new Random(seed);
        CrashWorkload workload = new CrashWorkload(3, seed, Reproducible.now("broker-restart"));
        Path brokerDir = dir.resolve("kafka");
        ChildJvm broker = startBroker(brokerDir, 1);
        String bootstrap = awaitReady(1);
        try {
            ServiceConfig config = EndToEndScenario.config(dir.resolve("service"), bootstrap);
            try (ComplaintsService service = ComplaintsService.start(config)) {
                List<List<CrashWorkload.Sent>> chunks = workload.chunks();
                for (int i = 0; i < chunks.size(); i++) {
                    CrashWorkload.publish(bootstrap, chunks.get(i));
                    if (i < chunks.size() - 1) {
                        CrashWorkload.pause(random);
                        broker.kill();
                        broker = startBroker(brokerDir, i + 2);
                        // The broker keeps its port in its folder: the service's address stays right.
                        assertThat(awaitReady(i + 2)).as("seed " + seed).isEqualTo(bootstrap);
                    }
                }
                workload.assertServiceMatchesOfflineReplay(service.httpPort(), bootstrap, PATIENCE);
                assertThat(new ServiceClient(service).ok("/ready")).as("still ready").isNotNull();
            }
        } finally {
            broker.close();
        }
    }

    private ChildJvm startBroker(Path brokerDir, int run) {
        return ChildJvm.start(log(run), StandaloneBroker.class.getName(),
                brokerDir.toString());
    }

    /** Kept after the run, so a failure can be read in CI. */
    private static Path log(int run) {
        return Path.of("target", "broker-restart-" + run + ".log");
    }

    private String awaitReady(int run) {
        Path log = log(run);
        String[] bootstrap = new String[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!Files.exists(log)) {
                return false;
            }
            Matcher m = READY.matcher(Files.readString(log));
            if (m.find()) {
                bootstrap[0] = m.group(1);
            }
            return bootstrap[0] != null;
        });
        return bootstrap[0];
    }

}
