package io.complaintskpi.cli;

import io.complaintskpi.app.ComplaintsService;
import io.complaintskpi.app.ProcessGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Map;
import java.util.concurrent.Callable;

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
        ProcessGuard.runUntilShutdown(service, service.liveness());
        return 0;
    }
}
