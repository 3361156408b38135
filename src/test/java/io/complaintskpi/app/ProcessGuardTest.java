package io.complaintskpi.app;

import io.complaintskpi.query.Liveness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessGuardTest {

    @Test
    void aStopThatHangsIsGivenUpAfterTheBound() {
        CountDownLatch never = new CountDownLatch(1);
        long start = System.nanoTime();
        boolean stopped = ProcessGuard.closeWithin(never::await, Duration.ofMillis(300));
        assertThat(stopped).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(ProcessGuard.closeWithin(() -> { }, Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void theGuardWakesWhenAPartDiesAndNamesIt() throws Exception {
        AtomicBoolean watcher = new AtomicBoolean(true);
        Liveness liveness = new Liveness(List.of(new Liveness.Part("streams", () -> true),
                new Liveness.Part("watcher", watcher::get)));
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            watcher.set(false);
        });
        killer.start();
        assertThat(ProcessGuard.awaitDeath(liveness, Duration.ofMillis(20))).containsExactly("watcher");
    }

    @Test
    void partsClosedByAnOrderlyStopAreNoFailure() throws Exception {
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicBoolean watcher = new AtomicBoolean(true);
        Liveness liveness = new Liveness(List.of(new Liveness.Part("watcher", watcher::get)));
        Thread stop = new Thread(() -> {
            stopping.set(true); // the shutdown hook marks the stop before it closes anything
            watcher.set(false);
        });
        stop.start();
        assertThat(ProcessGuard.awaitUnexpectedDeath(liveness, Duration.ofMillis(20), stopping::get)).isEmpty();

        AtomicBoolean running = new AtomicBoolean(false);
        Liveness dying = new Liveness(List.of(new Liveness.Part("watcher", running::get)));
        assertThat(ProcessGuard.awaitUnexpectedDeath(dying, Duration.ofMillis(20), () -> false))
                .containsExactly("watcher");
    }
}
