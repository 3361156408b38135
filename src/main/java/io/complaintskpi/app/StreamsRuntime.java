package io.complaintskpi.app;

import io.complaintskpi.config.RulesFingerprint;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.http.HttpPeerClient;
import io.complaintskpi.query.Liveness;
import io.complaintskpi.query.QueryService;
import io.complaintskpi.query.RoutingQueryService;
import io.complaintskpi.streams.ComplaintsTopology;
import io.complaintskpi.streams.CrashRecovery;
import io.complaintskpi.streams.InputBacklog;
import io.complaintskpi.streams.Names;
import io.complaintskpi.streams.StreamsInstances;
import io.complaintskpi.streams.StreamsQueryService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * The Kafka Streams topology running: its rules checked against the stores', recovered after a crash, its
 * thread failures counted, and the query services over its stores (this instance's and the whole service's).
 */
final class StreamsRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRuntime.class);

    private final Resources resources = new Resources();
    private final DomainRules rules;
    private KafkaStreams streams;
    private QueryService local;
    private RoutingQueryService queries;

    private StreamsRuntime(DomainRules rules) {
        this.rules = rules;
    }

    /** {@code config} names the running broker and this instance's fixed HTTP port (its address to the others). */
    static StreamsRuntime start(ServiceConfig config, Monitoring monitoring) {
        // Before any store is opened: never serve figures under rules they were not computed under.
        StoredRules.check(config.kafkaClientProperties(), config.applicationId(), RulesFingerprint.of(config));
        StreamsRuntime runtime = new StreamsRuntime(DomainWiring.rules(config));
        try {
            runtime.run(config, monitoring);
            return runtime;
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    private void run(ServiceConfig config, Monitoring monitoring) {
        InputBacklog backlog = resources.add(InputBacklog.start(config.kafkaClientProperties(),
                config.applicationId(), Names.EVENTS_TOPIC, config.alertScanInterval()));
        Properties properties = ComplaintsTopology.properties(config);
        CrashRecovery.apply(properties, config.dataDir());
        streams = new KafkaStreams(ComplaintsTopology.build(config, rules, backlog), properties);
        CrashRecovery.logStart(streams);
        // Bad records never get here (the processing handler sends them to the DLQ); what does is an
        // infrastructure fault, which a fresh thread can usually ride out. Replacement hides the crash from
        // /ready: the counter shows it (alerted on in the rules).
        Counter replaced = monitoring.threadReplacements();
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it", e);
            replaced.increment();
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        Path dataDir = config.dataDir();
        KafkaStreams running = streams;
        resources.add(() -> {
            if (running.close(CloseOptions.groupMembershipOperation(
                    CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30)))) {
                CrashRecovery.markCleanStop(dataDir);
            }
        });
        resources.add(new KafkaStreamsMetrics(streams)).bindTo(monitoring.metrics());
        local = new StreamsQueryService(streams, monitoring.deadLetters(), rules);
        queries = resources.add(new RoutingQueryService(local,
                new StreamsInstances(streams, new HostInfo(config.advertisedHost(), config.httpPort())),
                new HttpPeerClient(rules.codec(), config.security().internalSecret(), config.tls()), rules.complaintViews()));
        streams.start();
    }

    /** Dead threads are replaced (above); ERROR means the stream threads are gone for good. */
    List<Liveness.Part> liveness() {
        return List.of(new Liveness.Part("Kafka Streams", () -> streams.state() != KafkaStreams.State.ERROR
                && streams.state() != KafkaStreams.State.PENDING_ERROR));
    }

    DomainRules rules() {
        return rules;
    }

    KafkaStreams streams() {
        return streams;
    }

    /** Answers from this instance's stores only. */
    QueryService local() {
        return local;
    }

    /** Answers for the whole service, asking the other instances for what they hold. */
    QueryService queries() {
        return queries;
    }

    @Override
    public void close() {
        resources.close();
    }
}
