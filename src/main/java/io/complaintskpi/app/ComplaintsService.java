package io.complaintskpi.app;

import io.complaintskpi.broker.EmbeddedKafkaBroker;
import io.complaintskpi.broker.TopicProvisioner;
import io.complaintskpi.broker.TopicSpecs;
import io.complaintskpi.config.RulesFingerprint;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.http.ApiServer;
import io.complaintskpi.http.HttpPeerClient;
import io.complaintskpi.query.QueryService;
import io.complaintskpi.query.RoutingQueryService;
import io.complaintskpi.streams.CrashRecovery;
import io.complaintskpi.monitoring.BreachWatcher;
import io.complaintskpi.streams.ComplaintsTopology;
import io.complaintskpi.monitoring.DeadLetterWatcher;
import io.complaintskpi.monitoring.EventTypeCounter;
import io.complaintskpi.streams.InputBacklog;
import io.complaintskpi.streams.Names;
import io.complaintskpi.streams.StreamsInstances;
import io.complaintskpi.streams.StreamsQueryService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;

/**
 * The running service: the embedded broker when no cluster is configured, topics from {@code topics/},
 * the Kafka Streams topology and the HTTP API. Closing stops them in reverse order, also after a failed
 * start (the broker's threads would otherwise keep the JVM alive).
 */
public final class ComplaintsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintsService.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private ServiceConfig config;
    private KafkaStreams streams;
    private ApiServer api;

    private ComplaintsService() {
    }

    public static ComplaintsService start(ServiceConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static ComplaintsService start(ServiceConfig config, Clock clock) {
        ComplaintsService service = new ComplaintsService();
        try {
            service.run(config, clock);
            return service;
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    private void run(ServiceConfig initial, Clock clock) {
        config = initial;
        String apiHost = bindHost(); // refuses an open API on the network before anything starts
        if (config.embeddedBroker()) {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(config.embeddedBrokerDir());
            resources.push(broker);
            config = config.withBootstrapServers(broker.bootstrapServers());
            LOG.info("embedded Kafka broker on {}, {} s after the JVM started", broker.bootstrapServers(),
                    CrashRecovery.sinceJvmStart());
        }
        TopicProvisioner.provision(config.kafkaClientProperties(), TopicSpecs.load());
        LOG.info("topics checked, {} s after the JVM started", CrashRecovery.sinceJvmStart());
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DeadLetterWatcher deadLetters = new DeadLetterWatcher(config.kafkaClientProperties(), Names.DLQ_TOPIC, metrics);
        resources.push(deadLetters);
        resources.push(new BreachWatcher(config.kafkaClientProperties(), Names.ALERTS_TOPIC, metrics));
        resources.push(new EventTypeCounter(config.kafkaClientProperties(), Names.EVENTS_TOPIC, metrics));

        if (config.httpPort() == 0) {
            // Other instances find this one by its port (application.server), so it is fixed before start.
            config = config.withHttpPort(freePort());
        }
        // Before any store is opened: never serve figures under rules they were not computed under.
        StoredRules.check(config.kafkaClientProperties(), config.applicationId(), RulesFingerprint.of(config));
        DomainRules rules = DomainWiring.rules(config);
        InputBacklog backlog = InputBacklog.start(config.kafkaClientProperties(), config.applicationId(),
                Names.EVENTS_TOPIC, config.alertScanInterval());
        resources.push(backlog);
        Properties streamsProps = ComplaintsTopology.properties(config);
        CrashRecovery.apply(streamsProps, config.dataDir());
        streams = new KafkaStreams(ComplaintsTopology.build(config, rules, backlog), streamsProps);
        CrashRecovery.logStart(streams);
        // Bad records never get here (the processing handler sends them to the DLQ); what does is an
        // infrastructure fault, which a fresh thread can usually ride out.
        // Replacement hides the crash from /ready: the counter shows it (alerted on in the rules).
        Counter replaced = Counter.builder("complaints.kpi.stream.thread.replacements")
                .description("stream threads that died and were replaced").register(metrics);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it", e);
            replaced.increment();
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        Path dataDir = config.dataDir();
        resources.push(() -> {
            if (streams.close(CloseOptions.groupMembershipOperation(
                    CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30)))) {
                CrashRecovery.markCleanStop(dataDir);
            }
        });
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics);
        resources.push(streamsMetrics);
        new JvmMemoryMetrics().bindTo(metrics);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(metrics);
        resources.push(gc);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        QueryService local = new StreamsQueryService(streams, deadLetters, rules);
        RoutingQueryService queries = new RoutingQueryService(local,
                new StreamsInstances(streams, new HostInfo(config.advertisedHost(), config.httpPort())),
                new HttpPeerClient(rules.codec(), config.security().internalSecret()), rules.complaintViews());
        resources.push(queries);
        streams.start();

        api = ApiServer.start(apiHost, config.httpPort(),
                new ApiServer.ApiDependencies(queries, local, rules, clock, config, metrics));
        resources.push(api);
    }

    /** Says at start when the API is open to anyone who can reach it. */
    private String bindHost() {
        String host = config.security().bindHost(config.httpHost());
        if (!config.security().authenticates()) {
            LOG.warn("no API tokens configured (http.tokens): the HTTP API needs no authentication and is bound to {}{}",
                    host, config.security().allowUnauthenticated() ? " (http.allow-unauthenticated=true)" : " only");
        }
        return host;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the HTTP API", e);
        }
    }

    public ServiceConfig config() {
        return config;
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    public int httpPort() {
        return api.port();
    }

    /** Input partitions this instance processes now (its share of the work). */
    public long localPartitionCount() {
        return streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream())
                .filter(tp -> tp.topic().equals(Names.EVENTS_TOPIC))
                .count();
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}", resource, e);
            }
        }
    }
}
