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
    private static final Pattern LISTENER = Pattern.compile("(PLAINTEXT|CONTROLLER)://[^:,]+:(\\d+)");

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
            if (matcher.group(1).equals("PLAINTEXT")) {
                broker = port;
            } else {
                controller = port;
            }
        }
        return broker == null || controller == null
                ? Optional.empty()
                : Optional.of(new BrokerPorts(broker, controller));
    }

    boolean bothFree() {
        return isFree(broker) && isFree(controller);
    }

    String listeners() {
        return "PLAINTEXT://" + HOST + ":" + broker + ",CONTROLLER://" + HOST + ":" + controller;
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
