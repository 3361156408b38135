package io.complaintskpi.streams;

import io.complaintskpi.demo.SeedHistory;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.SchemaValidator;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.http.ApiServer;
import io.complaintskpi.query.StubQueries;
import io.complaintskpi.testing.StubApi;
import io.complaintskpi.figures.KpiSnapshot;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import io.complaintskpi.simulate.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code /kpis?period=} for a financial year costs: {@code snapshot}, in the store without HTTP (every KPI
 * of one authority for the year beside the year before, {@link KpiEvaluator#snapshot}); {@code answer}, the
 * whole route over local HTTP (the snapshot, its cells, the rows and their JSON, as the bench's clients get
 * it). Both read {@code kpi-totals} as the production topology wrote it (three authorities, three simulated
 * years, RocksDB with its record cache), by 8 threads at once as the bench's 8 clients ({@code -t 1}: one
 * request's own cost). Sampled, so the score gives the mean and p99 per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MICROSECONDS)
@Threads(8)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class KpiSnapshotBenchmark {

    private static final FinancialYear FIRST = FinancialYear.parse("2019/20");

    private Path dir;
    private TopologyHarness topology;
    private KpiEvaluator evaluator;
    private String authority;
    private Period year;
    private ApiServer api;
    private HttpClient http;
    private HttpRequest kpis;

    @Setup(Level.Trial)
    public void replay() throws IOException {
        dir = Files.createTempDirectory("kpi-snapshot-bench");
        topology = new TopologyHarness(dir, Instant.parse("2023-01-04T09:00:00Z"));
        EventCodec codec = new EventCodec(SeedHistory.AUTHORITY, new SchemaValidator());
        new Simulation(new Simulation.Plan(3, FIRST, 3, 60, 11)).days().forEachRemaining(day -> {
            for (EventEnvelope event : day) {
                topology.events.pipeInput(event.complaintId(), codec.encode(event), event.occurredAt().toInstant());
            }
        });
        evaluator = new KpiEvaluator(topology.series());
        authority = topology.series().authorities().iterator().next();
        year = Period.financialYear(new FinancialYear(FIRST.startYear() + 2));
        if (evaluator.snapshot(authority, year).figures().isEmpty()) {
            throw new IllegalStateException("the snapshot has no figures: nothing would be measured");
        }
        api = StubApi.start(ServiceConfig.defaults(), new StubQueries(true, List.of(), topology.series()),
                Instant.parse("2023-01-04T09:00:00Z"));
        http = HttpClient.newHttpClient();
        kpis = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/v1/kpis?authority="
                + authority + "&period=" + FinancialYear.of(year.from()).label())).build();
    }

    @Benchmark
    public KpiSnapshot snapshot() {
        return evaluator.snapshot(authority, year);
    }

    @Benchmark
    public int answer() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(kpis, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(kpis.uri() + " -> " + response.statusCode());
        }
        return response.body().length;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        api.close();
        topology.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
