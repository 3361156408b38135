package io.complaintskpi.broker;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** Settings for a one-node KRaft cluster that is both broker and controller, bound to loopback only. */
final class SingleNodeConfig {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private SingleNodeConfig() {
    }

    /**
     * @param login the login every listener wants, clients' and controller's alike, so no local user reaches
     *              the node without it; empty: no authentication on either
     */
    static Properties properties(Path logDir, BrokerPorts ports, Optional<EmbeddedLogin> login) {
        String clients = login.isPresent() ? EmbeddedLogin.PROTOCOL : "PLAINTEXT"; // its name and its protocol
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", String.valueOf(NODE_ID));
        props.setProperty("controller.quorum.voters", NODE_ID + "@" + BrokerPorts.HOST + ":" + ports.controller());
        props.setProperty("listeners", ports.listeners(clients));
        props.setProperty("advertised.listeners", ports.clientListener(clients));
        props.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        // The node's own connections to itself (transaction markers) use the clients' listener, login included.
        props.setProperty("inter.broker.listener.name", clients);
        props.setProperty("listener.security.protocol.map", clients + ":" + clients + "," + CONTROLLER_LISTENER + ":"
                + clients);
        login.ifPresent(l -> {
            props.setProperty("sasl.enabled.mechanisms", EmbeddedLogin.MECHANISM);
            props.setProperty("sasl.mechanism.inter.broker.protocol", EmbeddedLogin.MECHANISM);
            props.setProperty("sasl.mechanism.controller.protocol", EmbeddedLogin.MECHANISM);
            props.putAll(l.listenerSettings(clients));
            props.putAll(l.listenerSettings(CONTROLLER_LISTENER));
        });
        props.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        // One node can hold one replica: every internal topic must accept that.
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "10");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("transaction.state.log.num.partitions", "10");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("min.insync.replicas", "1");
        // Topics come from topics/*.topic.json only; a typo in a topic name must fail, not create a topic.
        props.setProperty("auto.create.topics.enable", "false");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        // After a crash the restarted node may register again only once its killed run's session has expired
        // (the controller refuses the new registration as a duplicate until then): 9 s by default, most of a
        // restart. Its heartbeats go to its own controller in the same JVM, so a short session costs nothing.
        props.setProperty("broker.session.timeout.ms", "3000");
        props.setProperty("broker.heartbeat.interval.ms", "500");
        return props;
    }

    /**
     * The same node with its controller role only (no broker, no client listener): run on its own after an
     * unclean stop, it fences the killed run's broker registration before the broker starts again.
     */
    static Properties controllerOnly(Properties node, BrokerPorts ports) {
        Properties props = new Properties();
        props.putAll(node);
        props.setProperty("process.roles", "controller");
        props.setProperty("listeners", CONTROLLER_LISTENER + "://" + BrokerPorts.HOST + ":" + ports.controller());
        props.remove("advertised.listeners");
        props.remove("inter.broker.listener.name");
        // No broker runs beside it, so the killed run's registration is the only session this applies to:
        // the sooner it expires, the sooner the node starts.
        props.setProperty("broker.session.timeout.ms", "1000");
        return props;
    }
}
