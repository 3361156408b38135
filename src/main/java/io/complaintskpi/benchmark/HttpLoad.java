package io.complaintskpi.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop HTTP load: {@code clients} threads each sending GETs back to back for a while. A sample is one
 * pass over the given URIs in order (one request, or a page's requests one after another).
 */
final class HttpLoad {

    /** Passes whose every request was answered 200, per second; their latencies; and how many passes were not. */
    record Result(double perSecond, Samples latencies, long failures) {
    }

    private HttpLoad() {
    }

    static Result run(List<URI> uris, int clients, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong failures = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            List<Long> mine = new ArrayList<>();
            Thread thread = new Thread(() -> {
                HttpClient http = client();
                List<HttpRequest> requests = uris.stream()
                        .map(uri -> HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build()).toList();
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        boolean ok = true;
                        for (HttpRequest request : requests) {
                            ok &= http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                        }
                        if (ok) {
                            mine.add(System.nanoTime() - sent);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                synchronized (perThread) {
                    perThread.add(mine.stream().mapToLong(Long::longValue).toArray());
                }
            }, "bench-client-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = perThread.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        return new Result(all.length / seconds, Samples.of(all), failures.get());
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** One GET's body; throws unless 200. */
    static String get(HttpClient http, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
