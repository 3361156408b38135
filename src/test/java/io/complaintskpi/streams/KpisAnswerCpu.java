package io.complaintskpi.streams;

import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.http.ApiServer;
import io.complaintskpi.query.StubQueries;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.simulate.Simulation;
import io.complaintskpi.testing.StubApi;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The CPU one {@code GET /api/v1/kpis?period=} for a financial year costs the server: the HTTP threads' CPU time
 * over a run of requests sent one at a time, divided by the requests, over the store {@link KpiSnapshotBenchmark}
 * reads. CPU time, unlike the JMH benchmark's latency, hardly moves with what else the machine runs, so two
 * versions compare on a busy machine.
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.complaintskpi.streams.KpisAnswerCpu [requests]
 * </pre>
 */
public final class KpisAnswerCpu {

    private KpisAnswerCpu() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        Path dir = Files.createTempDirectory("kpis-answer-cpu");
        FinancialYear first = FinancialYear.parse("2019/20");
        try (TopologyHarness topology = new TopologyHarness(dir, Instant.parse("2023-01-04T09:00:00Z"))) {
            topology.pipe(new Simulation.Plan(3, first, 3, 60, 11));
            String authority = topology.series().authorities().iterator().next();
            try (ApiServer api = StubApi.start(ServiceConfig.defaults(), new StubQueries(true, List.of(),
                    topology.series()), Instant.parse("2023-01-04T09:00:00Z"))) {
                HttpClient http = HttpClient.newHttpClient();
                HttpRequest kpis = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port()
                        + "/api/v1/kpis?authority=" + authority + "&period="
                        + new FinancialYear(first.startYear() + 2).label())).build();
                send(http, kpis, requests); // warm-up: compiled code, filled caches
                long cpu = serverCpuNanos();
                long[] wall = send(http, kpis, requests);
                cpu = serverCpuNanos() - cpu;
                Arrays.sort(wall);
                System.out.printf("%d requests: server CPU %.3f ms per answer; wall p50 %.2f ms, p99 %.2f ms%n",
                        requests, cpu / 1e6 / requests, wall[requests / 2] / 1e6, wall[requests * 99 / 100] / 1e6);
            }
        }
    }

    private static long[] send(HttpClient http, HttpRequest request, int times) throws Exception {
        long[] wall = new long[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            wall[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " -> " + response.statusCode());
            }
        }
        return wall;
    }

    /** CPU time so far of the HTTP server's threads (Jetty's pool), the threads that answer. */
    private static long serverCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("JettyServerThreadPool")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
