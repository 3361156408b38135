package io.complaintskpi.streams;

import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.drilldown.DrillDown;
import io.complaintskpi.http.ApiServer;
import io.complaintskpi.query.StubQueries;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.simulate.Simulation;
import io.complaintskpi.testing.StubApi;
import org.apache.kafka.streams.state.KeyValueStore;

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
 * The three drill-down lists the bench asks (first 50 received in a year, by service area, open at a year's
 * end), over HTTP, one request at a time, from the stores the topology fills for three simulated authorities
 * over three years (one partition: the test driver's). For a profile: run it under JFR and read the HTTP
 * threads' samples ({@code /work/tools/jfrtop.py rec.jfr JettyServerThreadPool}).
 * <pre>
 * java -XX:StartFlightRecording=filename=target/drill.jfr,settings=profile \
 *     -cp target/test-classes:target/classes:$(cat target/cp.txt) io.complaintskpi.streams.DrillDownAnswerTime [requests]
 * </pre>
 */
public final class DrillDownAnswerTime {

    private DrillDownAnswerTime() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Path dir = Files.createTempDirectory("drill-down-answer-time");
        FinancialYear first = FinancialYear.parse("2019/20");
        Instant now = Instant.parse("2023-01-04T09:00:00Z");
        try (TopologyHarness topology = new TopologyHarness(dir, now)) {
            topology.pipe(new Simulation.Plan(3, first, 3, 60, 11));
            KeyValueStore<String, Long> index = topology.driver.getKeyValueStore(Names.KPI_CONTRIBUTORS_STORE);
            StoreContributors contributors = new StoreContributors(
                    () -> List.of(new StoreContributors.Partition(index, topology.cases())));
            StubQueries stores = new StubQueries(true, List.of(), topology.series()) {
                @Override
                public DrillDown.Page contributors(DrillDown.Query query) {
                    return contributors.read(query);
                }
            };
            String authority = Simulation.Plan.authority(0);
            String period = new FinancialYear(first.startYear() + 2).label().replace("/", "%2F");
            List<String> routes = List.of(
                    "/api/v1/kpis/stage1.received/complaints?limit=50&period=" + period + "&authority=" + authority,
                    "/api/v1/kpis/stage1.received.by_service_area/complaints?limit=50&period=" + period
                            + "&authority=" + authority,
                    "/api/v1/kpis/stage1.open/complaints?limit=50&period=" + period + "&authority=" + authority);
            try (ApiServer api = StubApi.start(ServiceConfig.defaults(), stores, now)) {
                HttpClient http = HttpClient.newHttpClient();
                for (int round = 0; round < 2; round++) {
                    for (String route : routes) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port()
                                + route)).build();
                        long[] wall = new long[requests];
                        for (int i = 0; i < requests; i++) {
                            long start = System.nanoTime();
                            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            wall[i] = System.nanoTime() - start;
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException(route + " -> " + response.statusCode());
                            }
                        }
                        Arrays.sort(wall);
                        System.out.printf("%s %s: p50 %.2f ms, p99 %.2f ms%n", round == 0 ? "warm-up" : "measured",
                                route, wall[requests / 2] / 1e6, wall[requests * 99 / 100] / 1e6);
                    }
                }
            }
        }
    }
}
