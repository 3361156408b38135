package io.complaintskpi.http;

import io.complaintskpi.testing.StubApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Security headers on every answer, and the Host check that keeps DNS rebinding out while no tokens are set. */
class BrowserSafetyTest {

    private ApiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(Map<String, String> settings) {
        server = StubApi.start(StubApi.config(settings));
    }

    /** The status line and headers of a GET sent with exactly this Host header (HttpClient will not send one). */
    private List<String> head(String path, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                lines.add(line.toLowerCase());
            }
            return lines;
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndListsAreNeverStored() throws Exception {
        start(Map.of());
        for (String path : List.of("/", "/api/v1/kpis/definitions", "/api/v1/complaints", "/api/v1/nonsense")) {
            List<String> head = head(path, "localhost:" + server.port());
            assertThat(head).as(path).contains(
                    "content-security-policy: " + BrowserSafety.CONTENT_SECURITY_POLICY.toLowerCase(),
                    "x-content-type-options: nosniff", "x-frame-options: deny", "referrer-policy: no-referrer");
        }
        assertThat(BrowserSafety.CONTENT_SECURITY_POLICY).contains("script-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(head("/api/v1/complaints", "127.0.0.1")).contains("cache-control: no-store");
        assertThat(head("/api/v1/kpis/definitions", "127.0.0.1")).contains("cache-control: no-store");
    }

    @Test
    void withoutTokensOnlyLoopbackNamesTheAdvertisedHostAndConfiguredPublicHostsAreAnswered() throws Exception {
        start(Map.of("http.public-hosts", "Complaints.Example.org", "http.advertised-host", "node-1"));
        for (String host : List.of("localhost", "localhost:7070", "127.0.0.1:7070", "127.1.2.3", "[::1]:7070",
                "complaints.example.org", "node-1:7070")) {
            assertThat(head("/api/v1/complaints", host).get(0)).as(host).contains(" 200 ");
        }
        for (String host : List.of("attacker.example", "attacker.example:7070", "localhost.attacker.example",
                "127.0.0.1.attacker.example")) {
            assertThat(head("/api/v1/complaints", host).get(0)).as(host).contains(" 403 ");
            assertThat(head("/", host).get(0)).as(host).contains(" 403 ");
        }
    }

    @Test
    void withTokensAnyHostMayAskForTheTokensDecide() throws Exception {
        start(Map.of("http.tokens", "viewer:" + AccessControlTest.sha256("t")));
        assertThat(head("/api/v1/kpis/definitions", "complaints.example.org").get(0)).contains(" 401 ");
    }
}
