package io.complaintskpi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.contributions.OfflineReplay;
import io.complaintskpi.demo.FixtureReader;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.http.ApiServer;
import io.complaintskpi.query.StubQueries;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.series.SeriesReader;
import io.complaintskpi.simulate.Simulation;
import io.complaintskpi.testing.StubApi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The exact size of {@code GET /api/v1/kpis?period=} for a financial year, every KPI of every procedure, over
 * the seed (Leicestershire, 2015/16) and a simulated set (three authorities, 2021/22): bytes, rows and
 * distinct KPI ids per authority, as the route serves them (the figures replayed offline, so the store does
 * not matter here).
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.complaintskpi.bench.KpisAnswerSize
 * </pre>
 */
public final class KpisAnswerSize {

    private static final DomainRules RULES = DomainWiring.rules(ServiceConfig.defaults());

    private KpisAnswerSize() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        List<EventEnvelope> seed = FixtureReader.withSchemas().seedFixture();
        print("seed", seed, FinancialYear.parse("2015/16"), Instant.parse("2016-04-01T12:00:00Z"));
        List<EventEnvelope> simulated = new ArrayList<>();
        new Simulation(new Simulation.Plan(3, FinancialYear.parse("2019/20"), 3, 60, 11)).days()
                .forEachRemaining(simulated::addAll);
        print("simulated", simulated, FinancialYear.parse("2021/22"), Instant.parse("2023-01-04T09:00:00Z"));
    }

    private static void print(String set, List<EventEnvelope> events, FinancialYear year, Instant now)
            throws IOException, InterruptedException {
        SeriesReader series = new OfflineReplay(RULES.machine(), RULES.contributions()).replay(events).series();
        ApiServer server = StubApi.start(ServiceConfig.defaults(), new StubQueries(true, List.of(), series), now);
        try {
            HttpClient http = HttpClient.newHttpClient();
            for (String authority : new TreeSet<>(series.authorities())) {
                String path = "/api/v1/kpis?authority=" + authority + "&period=" + year.label();
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.port() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " -> " + response.statusCode());
                }
                JsonNode rows = EventCodec.MAPPER.readTree(response.body()).path("rows");
                TreeSet<String> ids = new TreeSet<>();
                rows.forEach(row -> ids.add(row.path("id").asText()));
                System.out.printf("%s %s %s: %,d bytes, %d rows, %d KPI ids%n", set, authority, year.label(),
                        response.body().length, rows.size(), ids.size());
            }
        } finally {
            server.close();
        }
    }
}
