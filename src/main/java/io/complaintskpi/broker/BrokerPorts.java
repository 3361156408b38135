package io.complaintskpi.broker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The two loopback ports a single-node broker listens on: clients and the KRaft controller. */
record BrokerPorts(int broker, int controller) {

    static final String HOST = "127.0.0.1";
    /** The clients' listener (PLAINTEXT, or SASL_PLAINTEXT when it wants a login) and the controller's. */
    private static final Pattern LISTENER = Pattern.compile("(SASL_PLAINTEXT|PLAINTEXT|CONTROLLER)://[^:,]+:(\\d+)");

    /** Two ports free right now; the OS picks them from its ephemeral range. */
    static BrokerPorts pickFree() {
        try (ServerSocket first = bindLoopback(0); ServerSocket second = bindLoopback(0)) {
            return new BrokerPorts(first.getLocalPort(), second.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException("No free port on " + HOST, e);
        }
    }

    /** Reads the ports back from the {@code listeners} line of a saved server.properties. */
    static Optional<BrokerPorts> fromListeners(Properties saved) {
        Matcher matcher = LISTENER.matcher(saved.getProperty("listeners", ""));
        Integer broker = null;
        Integer controller = null;
        while (matcher.find()) {
            int port = Integer.parseInt(matcher.group(2));
            if (matcher.group(1).equals(SingleNodeConfig.CONTROLLER_LISTENER)) {
                controller = port;
            } else if (broker == null) { // the first clients' listener: a test's extra one comes after it
                broker = port;
            }
        }
        return broker == null || controller == null
                ? Optional.empty()
                : Optional.of(new BrokerPorts(broker, controller));
    }

    boolean bothFree() {
        return isFree(broker) && isFree(controller);
    }

    /** @param clients the name of the clients' listener, which is also its security protocol */
    String listeners(String clients) {
        return clientListener(clients) + "," + SingleNodeConfig.CONTROLLER_LISTENER + "://" + HOST + ":" + controller;
    }

    String clientListener(String clients) {
        return clients + "://" + bootstrapServers();
    }

    String bootstrapServers() {
        return HOST + ":" + broker;
    }

    private static boolean isFree(int port) {
        try (ServerSocket ignored = bindLoopback(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static ServerSocket bindLoopback(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            // As on Kafka's own listener: a port left in TIME_WAIT by our previous run still counts as free.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
