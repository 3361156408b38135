package io.complaintskpi.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.config.Tls;
import io.complaintskpi.drilldown.DrillDown;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.series.SeriesReader.Span;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.CaseHistoryCodec;
import io.complaintskpi.query.PeerClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

/**
 * Asks another instance for what its own stores hold, over its {@code /internal/v1} routes. A failure is a
 * 503 that names neither the instance nor the route (callers need not learn the service's inside); the log
 * has both, with the route's pattern only, since a case route's path carries a complaint reference.
 */
public final class HttpPeerClient implements PeerClient {

    private static final Logger LOG = LoggerFactory.getLogger(HttpPeerClient.class);
    static final String UNAVAILABLE = "another instance holding part of the data did not answer well; retry shortly";

    private final HttpClient http;
    private final CaseHistoryCodec histories;
    private final String internalSecret;
    private final String scheme;

    /** @param internalSecret sent as the bearer token on every request; empty: none is sent */
    public HttpPeerClient(EventCodec codec, String internalSecret) {
        this(codec, internalSecret, null);
    }

    /**
     * @param tls with a keystore, peers are asked over HTTPS and their certificates and host names checked
     *            against its truststore; null or none: plain HTTP
     */
    public HttpPeerClient(EventCodec codec, String internalSecret, Tls tls) {
        this.histories = new CaseHistoryCodec(codec);
        this.internalSecret = internalSecret;
        boolean https = tls != null && tls.enabled();
        this.scheme = https ? "https" : "http";
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        this.http = (https ? builder.sslContext(tls.clientContext()) : builder).build();
    }

    @Override
    public Map<String, Long> sumByDimension(String peer, String authority, String metric, LocalDate from,
                                            LocalDate to) {
        return read(peer, InternalRoutes.SUM, query(Map.of("authority", authority, "metric", metric,
                "from", from.toString(), "to", to.toString())), null, new TypeReference<LinkedHashMap<String, Long>>() { });
    }

    @Override
    public Map<Span, Map<String, Long>> sumsByDimension(String peer, String authority, List<Span> spans) {
        byte[] request;
        try {
            request = EventCodec.MAPPER.writeValueAsBytes(new InternalRoutes.SumsRequest(authority, spans));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a sums request", e);
        }
        List<Map<String, Long>> answers = read(peer, InternalRoutes.SUMS, "", request,
                new TypeReference<ArrayList<Map<String, Long>>>() { });
        if (answers.size() != spans.size()) {
            throw unavailable(peer, InternalRoutes.SUMS, "answered " + answers.size() + " sums for " + spans.size()
                    + " asked", null);
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
        return read(peer, InternalRoutes.DAILY, query(Map.of("authority", authority, "metric", metric,
                "dimension", dimension, "from", from.toString(), "to", to.toString())), null,
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
        HttpResponse<byte[]> response = send(peer, InternalRoutes.CASES, "/"
                + URLEncoder.encode(complaintId, StandardCharsets.UTF_8).replace("+", "%20"), null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(histories.fromJson(parse(peer, InternalRoutes.CASES, response)));
    }

    @Override
    public Caseload.Page caseload(String peer, Caseload.Query query) {
        return read(peer, InternalRoutes.CASELOAD, "", body(query), new TypeReference<Caseload.Page>() { });
    }

    @Override
    public DrillDown.Page contributors(String peer, DrillDown.Query query) {
        return read(peer, InternalRoutes.CONTRIBUTORS, "", body(query), new TypeReference<DrillDown.Page>() { });
    }

    private static byte[] body(Object query) {
        try {
            return EventCodec.MAPPER.writeValueAsBytes(query);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a " + query.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String peer, String route, TypeReference<T> type) {
        return read(peer, route, "", null, type);
    }

    /** A GET, or a POST of {@code body} when there is one; {@code rest} follows the route (a query). */
    private <T> T read(String peer, String route, String rest, byte[] body, TypeReference<T> type) {
        HttpResponse<byte[]> response = send(peer, route, rest, body);
        try {
            return EventCodec.MAPPER.readValue(ok(peer, route, response).body(), type);
        } catch (IOException e) {
            throw unavailable(peer, route, "answered with something unreadable", e);
        }
    }

    private JsonNode parse(String peer, String route, HttpResponse<byte[]> response) {
        try {
            return EventCodec.MAPPER.readTree(ok(peer, route, response).body());
        } catch (IOException e) {
            throw unavailable(peer, route, "answered with something unreadable", e);
        }
    }

    private static HttpResponse<byte[]> ok(String peer, String route, HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw unavailable(peer, route, "answered " + response.statusCode(), null);
        }
        return response;
    }

    /** Logs which instance and route failed (a route pattern, no reference); the answer says neither. */
    private static ServiceUnavailable unavailable(String peer, String route, String what, Exception cause) {
        LOG.warn("instance {} {} on {}{}", peer, what, route, cause == null ? "" : ": " + cause);
        return new ServiceUnavailable(UNAVAILABLE);
    }

    /** {@code route} a constant of {@link InternalRoutes}, {@code rest} what follows it (a path part, a query). */
    private HttpResponse<byte[]> send(String peer, String route, String rest, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scheme + "://" + peer + route + rest))
                .timeout(Duration.ofSeconds(10));
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        if (!internalSecret.isEmpty()) {
            request.header("Authorization", "Bearer " + internalSecret);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unavailable(peer, route, "did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(peer, route, "was being asked when this thread was interrupted", e);
        }
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
