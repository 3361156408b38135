package io.complaintskpi.cli;

import io.complaintskpi.app.ComplaintsService;
import io.complaintskpi.app.ProcessGuard;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.demo.DemoPublisher;
import io.complaintskpi.demo.FixtureReader;
import io.complaintskpi.demo.LiveComplaintsSimulator;
import io.complaintskpi.demo.SeedHistory;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.SchemaValidator;
import io.complaintskpi.publish.EventPublisher;
import org.apache.kafka.clients.producer.Producer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the service and publish the seed report's three years and the last year and a half of"
                + " children's, adults' and corporate complaints, time-compressed, then a live synthetic stream.")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    ServiceOptions options;

    @Option(names = "--per-day", defaultValue = "PT0.05S",
            description = "pause after each business day of history (ISO-8601, default ${DEFAULT-VALUE})")
    Duration perDay;

    @Option(names = "--live-every", defaultValue = "PT3S",
            description = "interval of the live stream after the history (default ${DEFAULT-VALUE})")
    Duration liveEvery;

    /**
     * The demo's events are one authority's: make it the default so plain curls find it. Its history is
     * published in one go at the start, so its overdue alerts need not wait the service's five minutes to
     * settle. Any source the user gives (flag, environment, --config file) still wins.
     */
    ServiceConfig settings() {
        return options.load(Map.of(
                "alerts.settle-time", "PT30S",
                "authority.default", SeedHistory.AUTHORITY,
                "authority.names", SeedHistory.AUTHORITY + "=Leicestershire County Council"));
    }

    @Override
    public Integer call() throws InterruptedException {
        ComplaintsService service = ComplaintsService.start(settings());
        Producer<String, byte[]> producer = EventPublisher.createProducer(service.config().kafkaClientProperties());
        EventCodec codec = new EventCodec(SeedHistory.AUTHORITY, new SchemaValidator());
        DemoPublisher publisher = new DemoPublisher(producer, codec::encode, perDay, liveEvery,
                line -> System.out.println("demo " + line), d -> Thread.sleep(d.toMillis()));
        System.out.printf("complaints-kpi demo on http://localhost:%d: publishing the 2013/14-2015/16 history and"
                + " the three procedures since last April, then live events; try curl 'localhost:%d/api/v1/kpis/received?year=2015/16'%n",
                service.httpPort(), service.httpPort());
        Thread publishing = new Thread(() -> {
            try {
                publisher.run(List.of(FixtureReader.withSchemas().seedFixture(),
                                LiveComplaintsSimulator.recentHistory(LocalDate.now(EventEnvelope.LONDON))),
                        new LiveComplaintsSimulator(LiveComplaintsSimulator.Settings.defaults(), Clock.systemUTC(),
                                new Random()), Clock.systemUTC());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-publisher");
        publishing.start();
        ProcessGuard.runUntilShutdown(() -> {
            publisher.stop();
            publishing.interrupt();
            publishing.join(5_000);
            producer.close(Duration.ofSeconds(5));
            service.close();
        }, service.liveness());
        return 0;
    }
}
