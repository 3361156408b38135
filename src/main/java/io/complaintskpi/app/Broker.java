package io.complaintskpi.app;

import io.complaintskpi.broker.EmbeddedKafkaBroker;
import io.complaintskpi.broker.TopicProvisioner;
import io.complaintskpi.broker.TopicSpecs;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.streams.CrashRecovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka the service talks to: the embedded broker when no cluster is configured, else the configured
 * one; either way its topics checked against {@code topics/}.
 *
 * @param bootstrapServers where the clients connect
 */
record Broker(String bootstrapServers, AutoCloseable embedded) implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Broker.class);

    static Broker start(ServiceConfig config) {
        Broker broker = new Broker(config.bootstrapServers(), () -> { });
        if (config.embeddedBroker()) {
            EmbeddedKafkaBroker embedded = EmbeddedKafkaBroker.start(config.embeddedBrokerDir());
            broker = new Broker(embedded.bootstrapServers(), embedded);
            LOG.info("embedded Kafka broker on {}, {} s after the JVM started", embedded.bootstrapServers(),
                    CrashRecovery.sinceJvmStart());
        }
        try {
            TopicProvisioner.provision(config.with(ServiceConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers).kafkaClientProperties(),
                    TopicSpecs.load());
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        LOG.info("topics checked, {} s after the JVM started", CrashRecovery.sinceJvmStart());
        return broker;
    }

    @Override
    public void close() {
        try {
            embedded.close();
        } catch (Exception e) {
            LOG.warn("error while stopping the embedded broker", e);
        }
    }
}
