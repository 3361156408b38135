package io.complaintskpi.app;

import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.http.ApiServer;
import io.complaintskpi.publish.EventIntake;
import io.complaintskpi.query.Liveness;
import io.complaintskpi.streams.Names;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * The running service, its parts started in this order and closed in reverse (also after a failed start:
 * the broker's threads would otherwise keep the JVM alive): the {@link Broker} (embedded when no cluster is
 * configured) with its topics, {@link Monitoring} (metrics and the side consumers), the {@link StreamsRuntime}
 * (the topology and the queries over its stores), the {@link EventIntake} (the producer behind
 * {@code POST /api/v1/events}) and the HTTP API.
 */
public final class ComplaintsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintsService.class);

    private final Resources parts = new Resources();
    private ServiceConfig config;
    private StreamsRuntime streams;
    private ApiServer api;
    private Liveness liveness = Liveness.NONE;

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

    private void run(ServiceConfig configured, Clock clock) {
        String apiHost = bindHost(configured); // refuses an open API on the network before anything starts
        DataFolder.secure(configured.dataDir());
        Broker broker = parts.add(Broker.start(configured));
        // What the parts run with: the broker's address (and login), and a fixed HTTP port, by which the other
        // instances find this one (application.server), so it is chosen before Streams starts.
        config = broker.reachedFrom(configured)
                .with(ServiceConfig.HTTP_PORT, configured.httpPort() == 0 ? freePort() : configured.httpPort());
        Monitoring monitoring = parts.add(Monitoring.start(config));
        streams = parts.add(StreamsRuntime.start(config, monitoring));
        liveness = new Liveness(Stream.of(broker.liveness(), monitoring.liveness(), streams.liveness())
                .flatMap(List::stream).toList());
        EventIntake intake = parts.add(EventIntake.start(config.kafkaClientProperties(), streams.rules().codec(),
                monitoring.metrics()));
        api = parts.add(ApiServer.start(apiHost, config.httpPort(), new ApiServer.ApiDependencies(streams.queries(),
                streams.local(), streams.rules(), clock, config, monitoring.metrics(), liveness, intake)));
    }

    /** Says at start when the API is open to anyone who can reach it. */
    private static String bindHost(ServiceConfig config) {
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

    /** The parts whose death the process must not outlive. */
    public Liveness liveness() {
        return liveness;
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
        return streams.streams().metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream())
                .filter(tp -> tp.topic().equals(Names.EVENTS_TOPIC))
                .count();
    }

    @Override
    public void close() {
        parts.close();
    }
}
