package io.complaintskpi.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The embedded broker with one more listener that wants SASL/PLAIN (one user), for tests of a secured
 * cluster. Its other listeners stay as they are, for the broker itself.
 */
public final class SaslBroker {

    private SaslBroker() {
    }

    /** A started broker and the SASL listener's address. */
    public record Started(EmbeddedKafkaBroker broker, String saslBootstrapServers) {
    }

    public static Started start(Path dataDir, String user, String password) {
        BrokerPorts ports = BrokerPorts.pickFree();
        int sasl = freePort();
        // The broker reuses the ports it finds saved, so the listeners below name the ports it will use.
        Properties saved = new Properties();
        saved.setProperty("listeners", ports.listeners("PLAINTEXT"));
        try (Writer out = Files.newBufferedWriter(createDirectories(dataDir).resolve("server.properties"))) {
            saved.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String saslAddress = BrokerPorts.HOST + ":" + sasl;
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, Map.of(
                "listeners", ports.listeners("PLAINTEXT") + ",SASL_PLAINTEXT://" + saslAddress,
                "advertised.listeners", "PLAINTEXT://" + ports.bootstrapServers() + ",SASL_PLAINTEXT://" + saslAddress,
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
                "sasl.enabled.mechanisms", "PLAIN",
                "listener.name.sasl_plaintext.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required user_" + user + "=\"" + password
                        + "\";"));
        return new Started(broker, saslAddress);
    }

    private static Path createDirectories(Path dir) throws IOException {
        return Files.createDirectories(dir);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
