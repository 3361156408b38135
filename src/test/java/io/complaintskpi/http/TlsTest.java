package io.complaintskpi.http;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.testing.StubApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 23, item 4: with a keystore the API speaks HTTPS only, the peer client asks over HTTPS and checks the
 * certificate against its truststore (a self-signed one made here with the JDK's keytool), and the internal
 * routes take the instance secret over HTTPS, or over plain HTTP only from an allowed address.
 */
class TlsTest {

    private static final String SECRET = "instances-share-this";
    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    private static Path keystore;
    private static Path truststore;
    private static Path otherTruststore;

    private ApiServer server;

    @BeforeAll
    static void makeCertificates() throws Exception {
        keystore = dir.resolve("instance.p12");
        truststore = dir.resolve("trust.p12");
        otherTruststore = dir.resolve("other-trust.p12");
        keytool("-genkeypair", "-alias", "instance", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "instance", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", dir.resolve("instance.pem").toString());
        keytool("-importcert", "-noprompt", "-alias", "instance", "-file", dir.resolve("instance.pem").toString(),
                "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", PASSWORD);
        // Another instance's certificate only: a truststore that does not vouch for this one.
        keytool("-genkeypair", "-alias", "other", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-storetype", "PKCS12", "-keystore", dir.resolve("other.p12").toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "other", "-keystore", dir.resolve("other.p12").toString(),
                "-storepass", PASSWORD, "-file", dir.resolve("other.pem").toString());
        keytool("-importcert", "-noprompt", "-alias", "other", "-file", dir.resolve("other.pem").toString(),
                "-storetype", "PKCS12", "-keystore", otherTruststore.toString(), "-storepass", PASSWORD);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static ServiceConfig config(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("http.internal-secret", SECRET,
                "http.tokens", "viewer:" + AccessControlTest.sha256("viewer-token")));
        settings.putAll(extra);
        return StubApi.config(settings);
    }

    private static ServiceConfig tlsConfig(Path trust) {
        return config(Map.of("http.tls.keystore", keystore.toString(), "http.tls.keystore-password", PASSWORD,
                "http.tls.truststore", trust.toString(), "http.tls.truststore-password", PASSWORD));
    }

    private int start(ServiceConfig config) {
        server = StubApi.start(config);
        return server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withAKeystoreTheApiSpeaksHttpsOnlyWithACertificateClientsCheck() throws Exception {
        ServiceConfig config = tlsConfig(truststore);
        int port = start(config);
        HttpClient trusting = HttpClient.newBuilder().sslContext(config.tls().clientContext()).build();
        assertThat(get(trusting, "https://localhost:" + port + "/health").statusCode()).isEqualTo(200);
        assertThat(get(trusting, "https://127.0.0.1:" + port + "/health").statusCode()).isEqualTo(200);
        // Certificates are checked: the JVM's CAs do not vouch for a self-signed one, nor does another's.
        assertThatThrownBy(() -> get(HttpClient.newHttpClient(), "https://localhost:" + port + "/health"))
                .isInstanceOf(IOException.class);
        HttpClient other = HttpClient.newBuilder().sslContext(tlsConfig(otherTruststore).tls().clientContext()).build();
        assertThatThrownBy(() -> get(other, "https://localhost:" + port + "/health")).isInstanceOf(IOException.class);
        // No plain HTTP beside it.
        boolean plainAnswered;
        try {
            plainAnswered = get(HttpClient.newHttpClient(), "http://127.0.0.1:" + port + "/health").statusCode() == 200;
        } catch (IOException refused) {
            plainAnswered = false;
        }
        assertThat(plainAnswered).as("plain HTTP answered").isFalse();
    }

    @Test
    void thePeerClientAsksOverHttpsWithTheSecretAndChecksTheCertificate() {
        ServiceConfig config = tlsConfig(truststore);
        int port = start(config);
        EventCodec codec = DomainWiring.rules(config).codec();
        assertThat(new HttpPeerClient(codec, SECRET, config.tls()).authorities("localhost:" + port)).isEmpty();
        assertThatThrownBy(() -> new HttpPeerClient(codec, "wrong", config.tls()).authorities("localhost:" + port))
                .isInstanceOf(ServiceUnavailable.class);
        // A peer whose certificate the truststore does not vouch for is not asked anything.
        assertThatThrownBy(() -> new HttpPeerClient(codec, SECRET, tlsConfig(otherTruststore).tls())
                .authorities("localhost:" + port)).isInstanceOf(ServiceUnavailable.class);
        // A plain-HTTP client (no keystore) cannot talk to it at all.
        assertThatThrownBy(() -> new HttpPeerClient(codec, SECRET).authorities("127.0.0.1:" + port))
                .isInstanceOf(ServiceUnavailable.class);
    }

    @Test
    void overPlainHttpTheSecretIsAcceptedOnlyFromAnAllowedAddress() {
        EventCodec codec = DomainWiring.rules(ServiceConfig.defaults()).codec();
        int open = start(config(Map.of())); // the default allowlist: loopback
        assertThat(new HttpPeerClient(codec, SECRET).authorities("127.0.0.1:" + open)).isEmpty();
        server.close();
        int closed = start(config(Map.of("http.peer-allowlist", "10.0.0.7")));
        assertThatThrownBy(() -> new HttpPeerClient(codec, SECRET).authorities("127.0.0.1:" + closed))
                .isInstanceOf(ServiceUnavailable.class);
    }
}
