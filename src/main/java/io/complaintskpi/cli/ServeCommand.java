package io.complaintskpi.cli;

import io.complaintskpi.app.ComplaintsService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the service: embedded Kafka unless KAFKA_BOOTSTRAP_SERVERS is set, streams, HTTP API.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    ServiceOptions options;

    @Override
    public Integer call() throws InterruptedException {
        ComplaintsService service = ComplaintsService.start(options.load(Map.of()));
        System.out.printf("complaints-kpi serving on http://localhost:%d (Kafka %s); Ctrl-C to stop%n",
                service.httpPort(), service.bootstrapServers());
        runUntilShutdown(service);
        return 0;
    }

    /** Blocks until the JVM is asked to stop, then closes in the shutdown hook so the close completes. */
    static void runUntilShutdown(AutoCloseable running) throws InterruptedException {
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("error while stopping: " + e);
            }
        }, "shutdown"));
        forever.await();
    }
}
