package io.complaintskpi.streams;

import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.http.ApiServer;
import io.complaintskpi.query.StubQueries;
import io.complaintskpi.testing.StubApi;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.series.SeriesReader;
import io.complaintskpi.simulate.Simulation;
import io.complaintskpi.testing.ContractEvents;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The time one open caseload page takes to read from the stores, the whole {@code open-complaints} read (the
 * reference, as the service read it before {@code open-caseload}) beside the index, in turns in one JVM: three
 * simulated authorities over three years, then {@code open} more complaints received the day before, open.
 * Each query is read one at a time, {@code reads} times per round after a warm-up round; then, over HTTP, the
 * service's routes for them asked by {@code clients} clients at once for {@code seconds} per round and read,
 * each beside {@code /health} (the bench's baseline) asked the same way right after.
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.complaintskpi.streams.CaseloadAnswerTime \
 *     [open] [reads] [rounds] [clients] [seconds]
 * </pre>
 */
public final class CaseloadAnswerTime {

    private CaseloadAnswerTime() {
    }

    public static void main(String[] args) throws Exception {
        int open = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int reads = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        Path dir = Files.createTempDirectory("caseload-answer-time");
        Instant now = Instant.parse("2023-01-04T09:00:00Z");
        LocalDate today = LocalDate.parse("2023-01-04");
        try (TopologyHarness topology = new TopologyHarness(dir, now)) {
            topology.pipe(new Simulation.Plan(3, FinancialYear.parse("2019/20"), 3, 60, 11));
            for (int i = 0; i < open; i++) {
                String id = "OPEN-many-" + i;
                topology.events.pipeInput(id, ContractEvents.received(id, "2023-01-03T10:00:00Z", "Bench"));
            }
            KeyValueStore<String, Caseload.Entry> byReference = topology.driver.getKeyValueStore(Names.OPEN_COMPLAINTS_STORE);
            KeyValueStore<Bytes, byte[]> index = topology.driver.getKeyValueStore(Names.OPEN_CASELOAD_STORE);
            StoreCaseload whole = WholeCaseloadRead.of(byReference, topology.rules);
            StoreCaseload indexed = StoreCaseload.indexed(() -> List.of(index), List::of, topology.rules);
            String authority = Simulation.Plan.authority(0);
            List<Caseload.Query> queries = List.of(
                    new Caseload.Query(Caseload.Status.OPEN, null, null, null, null, 50, today, null),
                    new Caseload.Query(Caseload.Status.OPEN, authority, null, null, List.of("CHILDREN"), 20, today, null),
                    new Caseload.Query(Caseload.Status.OVERDUE, null, null, null, null, 50, today, null));
            System.out.printf("%,d open (%,d of them added), %,d entries in open-caseload%n",
                    TopologyHarness.entries(byReference), open, TopologyHarness.entries(index));
            for (int round = 0; round <= rounds; round++) {
                for (Caseload.Query query : queries) {
                    Caseload.Page expected = whole.read(query);
                    if (!indexed.read(query).equals(expected)) {
                        throw new IllegalStateException("the index answered differently: " + query);
                    }
                    String before = time(whole, query, reads);
                    String after = time(indexed, query, reads);
                    if (round > 0) {
                        System.out.printf("round %d, %s%s limit %d (count %,d): whole index %s; open-caseload %s%n",
                                round, query.status(), query.authority() == null ? "" : " of " + query.authority(),
                                query.limit(), expected.count(), before, after);
                    }
                }
            }
            List<String> routes = List.of("/api/v1/complaints?status=open&limit=50",
                    "/api/v1/complaints?status=open&regime=children&limit=20&authority=" + authority,
                    "/api/v1/complaints?status=overdue&limit=50");
            try (ApiServer before = StubApi.start(ServiceConfig.defaults(), reading(whole, topology.series()), now);
                 ApiServer after = StubApi.start(ServiceConfig.defaults(), reading(indexed, topology.series()), now)) {
                for (int round = 0; round <= rounds; round++) {
                    for (String route : routes) {
                        String old = load(before.port(), route, clients, seconds);
                        String answer = load(after.port(), route, clients, seconds);
                        String health = load(after.port(), "/health", clients, seconds);
                        if (round > 0) {
                            System.out.printf("round %d, GET %s, %d clients: whole index %s; open-caseload %s;"
                                    + " /health %s%n", round, route, clients, old, answer, health);
                        }
                    }
                }
            }
        }
    }

    /** Stub stores answering the caseload from {@code caseload} (and which authorities are held from {@code series}). */
    private static StubQueries reading(StoreCaseload caseload, SeriesReader series) {
        return new StubQueries(true, List.of(), series) {
            @Override
            public Caseload.Page caseload(Caseload.Query query) {
                return caseload.read(query);
            }
        };
    }

    /** {@code clients} threads asking {@code route} one request after another for {@code seconds}. */
    private static String load(int port, String route, int clients, int seconds) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + route)).build();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Long> took = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(route + " -> " + response.statusCode());
                        }
                        took.add(System.nanoTime() - start);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            client.start();
            threads.add(client);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] sorted = took.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%.0f/s, p50 %.1f ms, p99 %.1f ms", sorted.length / (double) seconds,
                sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 99 / 100] / 1e6);
    }

    private static String time(StoreCaseload caseload, Caseload.Query query, int reads) {
        long[] took = new long[reads];
        for (int i = 0; i < reads; i++) {
            long start = System.nanoTime();
            caseload.read(query);
            took[i] = System.nanoTime() - start;
        }
        double mean = Arrays.stream(took).average().orElse(0) / 1e6;
        Arrays.sort(took);
        return String.format("mean %.3f ms, p50 %.3f, p99 %.3f", mean, took[reads / 2] / 1e6,
                took[reads * 99 / 100] / 1e6);
    }
}
