package io.complaintskpi.config;

import io.complaintskpi.config.ServiceConfig.Setting;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * HTTPS for the API and between instances (docs/security.md, "Between instances"). With a keystore the service
 * serves HTTPS only and asks its peers over HTTPS, checking their certificates against the truststore (else the
 * JVM's CAs) and their host names. Peers' {@code /internal/v1} requests, which carry the instance secret, are
 * accepted over HTTPS, or over plain HTTP only from the addresses of {@code http.peer-allowlist}.
 *
 * @param keystore           PKCS12 keystore of this instance's key and certificate; null: plain HTTP
 * @param truststore         PKCS12 truststore for peers' certificates; null: the JVM's default CAs
 * @param peerAllowlist      addresses whose internal requests are accepted over plain HTTP
 */
public record Tls(Path keystore, String keystorePassword, Path truststore, String truststorePassword,
                  Set<InetAddress> peerAllowlist) {

    static final Setting<String> KEYSTORE = new Setting<>("http.tls.keystore", "COMPLAINTS_HTTP_TLS_KEYSTORE", "",
            "PKCS12 keystore with this instance's key and certificate: the API and /internal/v1 speak HTTPS only,"
                    + " and peers are asked over HTTPS; empty: plain HTTP", SettingForm.text());
    static final Setting<String> KEYSTORE_PASSWORD = new Setting<>("http.tls.keystore-password",
            "COMPLAINTS_HTTP_TLS_KEYSTORE_PASSWORD", "", "password of http.tls.keystore (a secret: environment,"
            + " <ENV>_FILE or the --config file)", SettingForm.text());
    static final Setting<String> TRUSTSTORE = new Setting<>("http.tls.truststore", "COMPLAINTS_HTTP_TLS_TRUSTSTORE",
            "", "PKCS12 truststore the peer client checks other instances' certificates against; empty: the JVM's"
            + " default CAs", SettingForm.text());
    static final Setting<String> TRUSTSTORE_PASSWORD = new Setting<>("http.tls.truststore-password",
            "COMPLAINTS_HTTP_TLS_TRUSTSTORE_PASSWORD", "", "password of http.tls.truststore", SettingForm.text());
    static final Setting<String> PEER_ALLOWLIST = new Setting<>("http.peer-allowlist",
            "COMPLAINTS_HTTP_PEER_ALLOWLIST", "127.0.0.1,::1", "IP addresses whose /internal/v1 requests (with"
            + " http.internal-secret) are accepted over plain HTTP, comma-separated; over HTTPS the secret is enough",
            SettingForm.text());

    static final List<Setting<?>> SETTINGS = List.of(KEYSTORE, KEYSTORE_PASSWORD, TRUSTSTORE, TRUSTSTORE_PASSWORD,
            PEER_ALLOWLIST);

    static Tls load(ServiceConfig v) {
        return new Tls(path(v.get(KEYSTORE)), v.get(KEYSTORE_PASSWORD), path(v.get(TRUSTSTORE)),
                v.get(TRUSTSTORE_PASSWORD), addresses(v.get(PEER_ALLOWLIST)));
    }

    public boolean enabled() {
        return keystore != null;
    }

    /** {@code https} with a keystore, else {@code http}. */
    public String scheme() {
        return enabled() ? "https" : "http";
    }

    /** Whether a peer's internal request from {@code address}, over HTTPS or not, may be accepted. */
    public boolean acceptsPeer(boolean secure, String address) {
        if (secure) {
            return true;
        }
        try {
            return peerAllowlist.contains(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** What the peer client trusts: the truststore, or the JVM's default CAs. */
    public SSLContext clientContext() {
        try {
            if (truststore == null) {
                return SSLContext.getDefault();
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(truststore)) {
                store.load(in, truststorePassword.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("http.tls.truststore: cannot read " + truststore + ": "
                    + e.getMessage(), e);
        }
    }

    private static Path path(String text) {
        return text.isBlank() ? null : Path.of(text.trim());
    }

    private static Set<InetAddress> addresses(String list) {
        Set<InetAddress> addresses = new LinkedHashSet<>();
        for (String entry : list.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                addresses.add(InetAddress.getByName(entry.trim()));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("http.peer-allowlist wants IP addresses, got '" + entry.trim() + "'");
            }
        }
        return Set.copyOf(addresses);
    }
}
