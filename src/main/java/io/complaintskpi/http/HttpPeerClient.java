package io.complaintskpi.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.drilldown.DrillDown;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.series.SeriesReader.Span;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.CaseHistoryCodec;
import io.complaintskpi.query.PeerClient;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Asks another instance for what its own stores hold, over its {@code /internal/v1} routes. */
public final class HttpPeerClient implements PeerClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final CaseHistoryCodec histories;
    private final String internalSecret;

    /** @param internalSecret sent as the bearer token on every request; empty: none is sent */
    public HttpPeerClient(EventCodec codec, String internalSecret) {
        this.histories = new CaseHistoryCodec(codec);
        this.internalSecret = internalSecret;
    }

    @Override
    public Map<String, Long> sumByDimension(String peer, String authority, String metric, LocalDate from,
                                            LocalDate to) {
        return read(peer, InternalRoutes.SUM + query(Map.of("authority", authority, "metric", metric,
                "from", from.toString(), "to", to.toString())), new TypeReference<LinkedHashMap<String, Long>>() { });
    }

    @Override
    public Map<Span, Map<String, Long>> sumsByDimension(String peer, String authority, List<Span> spans) {
        byte[] request;
        try {
            request = EventCodec.MAPPER.writeValueAsBytes(new InternalRoutes.SumsRequest(authority, spans));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a sums request", e);
        }
        List<Map<String, Long>> answers = read(peer, InternalRoutes.SUMS, request,
                new TypeReference<ArrayList<Map<String, Long>>>() { });
        if (answers.size() != spans.size()) {
            throw new ServiceUnavailable("instance " + peer + " answered " + answers.size() + " sums for "
                    + spans.size() + " asked; retry shortly");
        }
        Map<Span, Map<String, Long>> sums = new LinkedHashMap<>();
        for (int i = 0; i < spans.size(); i++) {
            sums.put(spans.get(i), answers.get(i));
        }
        return sums;
    }

    @Override
    public Map<LocalDate, Long> daily(String peer, String authority, String metric, String dimension,
                                      LocalDate from, LocalDate to) {
        return read(peer, InternalRoutes.DAILY + query(Map.of("authority", authority, "metric", metric,
                "dimension", dimension, "from", from.toString(), "to", to.toString())),
                new TypeReference<TreeMap<LocalDate, Long>>() { });
    }

    @Override
    public Set<String> authorities(String peer) {
        return read(peer, InternalRoutes.AUTHORITIES, new TypeReference<TreeSet<String>>() { });
    }

    @Override
    public List<Alert> openAlerts(String peer) {
        return read(peer, InternalRoutes.ALERTS, new TypeReference<ArrayList<Alert>>() { });
    }

    @Override
    public Optional<CaseHistory> caseHistory(String peer, String complaintId) {
        HttpResponse<byte[]> response = get(peer, InternalRoutes.CASES + "/"
                + URLEncoder.encode(complaintId, StandardCharsets.UTF_8).replace("+", "%20"));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(histories.fromJson(parse(peer, response)));
    }

    @Override
    public Caseload.Page caseload(String peer, Caseload.Query query) {
        return read(peer, InternalRoutes.CASELOAD, body(query), new TypeReference<Caseload.Page>() { });
    }

    @Override
    public DrillDown.Page contributors(String peer, DrillDown.Query query) {
        return read(peer, InternalRoutes.CONTRIBUTORS, body(query), new TypeReference<DrillDown.Page>() { });
    }

    private static byte[] body(Object query) {
        try {
            return EventCodec.MAPPER.writeValueAsBytes(query);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a " + query.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String peer, String path, TypeReference<T> type) {
        return read(peer, path, null, type);
    }

    /** A GET, or a POST of {@code body} when there is one. */
    private <T> T read(String peer, String path, byte[] body, TypeReference<T> type) {
        HttpResponse<byte[]> response = send(peer, path, body);
        try {
            return EventCodec.MAPPER.readValue(ok(peer, response).body(), type);
        } catch (IOException e) {
            throw new ServiceUnavailable("instance " + peer + " answered " + path + " with something unreadable", e);
        }
    }

    private JsonNode parse(String peer, HttpResponse<byte[]> response) {
        try {
            return EventCodec.MAPPER.readTree(ok(peer, response).body());
        } catch (IOException e) {
            throw new ServiceUnavailable("instance " + peer + " answered with something unreadable", e);
        }
    }

    private static HttpResponse<byte[]> ok(String peer, HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new ServiceUnavailable("instance " + peer + " answered " + response.statusCode()
                    + " for " + response.uri().getPath() + "; retry shortly");
        }
        return response;
    }

    private HttpResponse<byte[]> get(String peer, String path) {
        return send(peer, path, null);
    }

    private HttpResponse<byte[]> send(String peer, String path, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + peer + path))
                .timeout(Duration.ofSeconds(10));
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        try {
        if (!internalSecret.isEmpty()) {
            request.header("Authorization", "Bearer " + internalSecret);
        }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ServiceUnavailable("instance " + peer + " did not answer; retry shortly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable("interrupted while asking instance " + peer, e);
        }
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
