package io.complaintskpi.app;

import io.complaintskpi.broker.EmbeddedKafkaBroker;
import io.complaintskpi.broker.TopicProvisioner;
import io.complaintskpi.broker.TopicSpec;
import io.complaintskpi.broker.TopicSpecs;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.query.Liveness;
import io.complaintskpi.streams.CrashRecovery;
import io.complaintskpi.streams.Names;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * The Kafka the service talks to: the embedded broker when no cluster is configured, else the configured
 * one; either way its topics checked against {@code topics/}, with complaint-alerts kept only as long as
 * {@code alerts.retention} says.
 *
 * @param bootstrapServers where the clients connect
 * @param clientSettings   what they set besides: the embedded broker's SASL login with {@code kafka.embedded-sasl}
 * @param liveness         the embedded broker's threads (none watched for a configured cluster)
 */
record Broker(String bootstrapServers, Map<String, String> clientSettings, AutoCloseable embedded,
              List<Liveness.Part> liveness) implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Broker.class);

    static Broker start(ServiceConfig config) {
        Broker broker = new Broker(config.bootstrapServers(), Map.of(), () -> { }, List.of());
        if (config.embeddedBroker()) {
            EmbeddedKafkaBroker embedded = EmbeddedKafkaBroker.start(config.embeddedBrokerDir(),
                    config.get(ServiceConfig.EMBEDDED_SASL));
            broker = new Broker(embedded.bootstrapServers(), embedded.clientSettings(), embedded,
                    List.of(new Liveness.Part("embedded Kafka broker", embedded::alive)));
            LOG.info("embedded Kafka broker on {}, {} s after the JVM started", embedded.bootstrapServers(),
                    CrashRecovery.sinceJvmStart());
        }
        try {
            provisionTopics(broker.reachedFrom(config));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        LOG.info("topics checked, {} s after the JVM started", CrashRecovery.sinceJvmStart());
        return broker;
    }

    /** complaint-alerts names complaints: kept only as long as alerts.retention says, also when it existed. */
    private static void provisionTopics(ServiceConfig config) {
        String alertsRetention = Long.toString(config.alertsRetention().toMillis());
        List<TopicSpec> specs = TopicSpecs.load().stream().map(spec -> spec.name().equals(Names.ALERTS_TOPIC)
                ? spec.withConfig(TopicSpec.RETENTION_MS, alertsRetention) : spec).toList();
        try (Admin admin = Admin.create(config.kafkaClientProperties())) {
            TopicProvisioner provisioner = new TopicProvisioner(admin);
            provisioner.provision(specs);
            provisioner.enforce(Names.ALERTS_TOPIC, TopicSpec.RETENTION_MS, alertsRetention);
        }
    }

    /** {@code config} with this broker's address and client settings, for every client of the service. */
    ServiceConfig reachedFrom(ServiceConfig config) {
        return config.reaching(bootstrapServers, clientSettings);
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
