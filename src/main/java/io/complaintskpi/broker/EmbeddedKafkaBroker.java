package io.complaintskpi.broker;

import kafka.server.ControllerServer;
import kafka.server.KafkaConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.internals.Exit;
import org.apache.kafka.image.MetadataImage;
import org.apache.kafka.metadata.BrokerRegistration;
import org.apache.kafka.metadata.KRaftMetadataCache;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real single-node Apache Kafka (KRaft) running inside this JVM, so the service works with no
 * infrastructure. Everything lives under one data folder: restarting on the same folder brings back the
 * same cluster id, topics, records and committed offsets, and the same ports when they are still free.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String SERVER_PROPERTIES = "server.properties";
    private static final String META_PROPERTIES = "meta.properties";
    /** Kafka writes it in the log folder when it stops cleanly and removes it when it starts. */
    private static final String CLEAN_SHUTDOWN_FILE = ".kafka_cleanshutdown";
    /** Far beyond the broker session (3 s) the controller waits out before fencing the killed run. */
    private static final Duration FENCE_PATIENCE = Duration.ofSeconds(60);

    /** The threads the node cannot run without: its raft log (metadata, leadership) is one thread. */
    private static final String ESSENTIAL_THREADS = "raft-io-thread";

    private final KafkaRaftServer server;
    private final List<Thread> essential;
    private final DataDirLock lock;
    private final String bootstrapServers;
    private final Map<String, String> clientSettings;
    private final String clusterId;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, DataDirLock lock, String bootstrapServers,
                                Map<String, String> clientSettings, String clusterId) {
        this.server = server;
        this.essential = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().contains(ESSENTIAL_THREADS)).toList();
        if (essential.isEmpty()) {
            LOG.warn("no thread named *{}* found: the embedded broker's liveness cannot be watched", ESSENTIAL_THREADS);
        }
        this.lock = lock;
        this.bootstrapServers = bootstrapServers;
        this.clientSettings = Map.copyOf(clientSettings);
        this.clusterId = clusterId;
    }

    /** Formats the folder on first use, then starts the broker and returns once it accepts clients. */
    public static EmbeddedKafkaBroker start(Path dataDir) {
        return start(dataDir, false);
    }

    /**
     * As above; with {@code sasl} every listener wants the SASL/PLAIN login kept in the folder
     * ({@link EmbeddedLogin}, made on first use), and {@link #clientSettings()} carry it.
     */
    public static EmbeddedKafkaBroker start(Path dataDir, boolean sasl) {
        return start(dataDir, sasl, Map.of());
    }

    /** @param overrides broker settings on top of the single-node ones; tests use it to make a start fail */
    static EmbeddedKafkaBroker start(Path dataDir, Map<String, String> overrides) {
        return start(dataDir, false, overrides);
    }

    private static EmbeddedKafkaBroker start(Path dataDir, boolean sasl, Map<String, String> overrides) {
        Path logDir = dataDir.resolve("logs");
        createDirectories(logDir);
        DataDirLock lock = DataDirLock.acquire(dataDir);
        try {
            return startLocked(dataDir, logDir, sasl ? Optional.of(EmbeddedLogin.ensure(dataDir)) : Optional.empty(),
                    overrides, lock);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    private static EmbeddedKafkaBroker startLocked(Path dataDir, Path logDir, Optional<EmbeddedLogin> login,
                                                   Map<String, String> overrides, DataDirLock lock) {
        BrokerPorts ports = choosePorts(dataDir.resolve(SERVER_PROPERTIES));
        Properties props = SingleNodeConfig.properties(logDir, ports, login);
        Map<String, String> clientSettings = login.map(EmbeddedLogin::clientSettings).orElse(Map.of());
        props.putAll(overrides);
        save(props, dataDir.resolve(SERVER_PROPERTIES));
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        boolean stoppedUncleanly = Files.exists(logDir.resolve(META_PROPERTIES))
                && !Files.exists(logDir.resolve(CLEAN_SHUTDOWN_FILE));
        formatIfNew(logDir);

        // Kafka halts the JVM on a fault during start. Inside this service that would take the caller
        // (and a test run) down without a word, so for the start only the halt becomes an exception.
        Exit.setHaltProcedure(EmbeddedKafkaBroker::refuseToTerminate);
        Exit.setExitProcedure(EmbeddedKafkaBroker::refuseToTerminate);
        KafkaRaftServer server = null;
        try {
            if (stoppedUncleanly) {
                fenceKilledRun(SingleNodeConfig.controllerOnly(props, ports));
            }
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            awaitPartitionLeaders(ports.bootstrapServers(), clientSettings);
        } catch (RuntimeException | Error e) {
            // Broker threads are not daemons: left running they would keep the JVM alive after the failure.
            LOG.error("Embedded Kafka failed to start in {}; shutting down what had started", dataDir);
            if (server != null) {
                stop(server);
            }
            throw e;
        } finally {
            Exit.resetHaltProcedure();
            Exit.resetExitProcedure();
        }
        String clusterId = load(logDir.resolve(META_PROPERTIES)).getProperty("cluster.id");
        LOG.info("Embedded Kafka ready on {} (cluster {}, data in {}){}", ports.bootstrapServers(), clusterId,
                dataDir.toAbsolutePath(), login.isPresent() ? "; its listeners want the SASL login in "
                        + dataDir.resolve(EmbeddedLogin.FILE).toAbsolutePath() : "");
        return new EmbeddedKafkaBroker(server, lock, ports.bootstrapServers(), clientSettings, clusterId);
    }

    /**
     * After an unclean stop the metadata still shows the killed run's broker registered and leading every
     * partition. A broker started on that picture takes up its partitions and, as transaction coordinator,
     * resumes completing the transactions the killed run had decided (PREPARE_COMMIT or PREPARE_ABORT) at
     * once; its markers can only be delivered once the new run is registered, and that waits until the
     * controller has fenced the killed run, which leaves every partition of this one-node cluster without a
     * leader for a moment. Kafka's marker sender takes a partition without a leader for a deleted one: it
     * drops the markers and records the transaction complete. The partitions then hold a transaction that
     * is never ended, so a read-committed reader stops at it and Kafka Streams waits for ever for the
     * committed offsets ("unstable offsets"). Running the controller alone until it has fenced the killed
     * run means the broker starts on a picture in which it leads nothing, registers at once, and becomes
     * coordinator only when it leads its partitions again, so the markers reach them.
     */
    private static void fenceKilledRun(Properties controllerOnly) {
        KafkaRaftServer controller = new KafkaRaftServer(KafkaConfig.fromProps(controllerOnly, false), Time.SYSTEM);
        try {
            long started = System.nanoTime();
            controller.startup();
            KRaftMetadataCache metadata = controllerServer(controller).metadataCache();
            while (!killedRunFenced(metadata.currentImage())) {
                if (System.nanoTime() - started > FENCE_PATIENCE.toNanos()) {
                    LOG.warn("The controller has not fenced the killed run's broker within {}; starting anyway",
                            FENCE_PATIENCE);
                    return;
                }
                Thread.sleep(100);
            }
            LOG.info("Embedded Kafka's last stop was not clean: its controller alone fenced the killed run in {} ms",
                    (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the controller fenced the killed run", e);
        } finally {
            stop(controller);
        }
    }

    private static boolean killedRunFenced(MetadataImage image) {
        if (image.isEmpty()) {
            return false; // not loaded yet
        }
        BrokerRegistration registration = image.cluster().broker(SingleNodeConfig.NODE_ID);
        return registration == null || registration.fenced();
    }

    /** KafkaRaftServer keeps its controller to itself; its metadata is what says the killed run is fenced. */
    private static ControllerServer controllerServer(KafkaRaftServer server) {
        try {
            Field field = KafkaRaftServer.class.getDeclaredField("controller");
            field.setAccessible(true);
            return ((scala.Option<?>) field.get(server)).map(ControllerServer.class::cast).get();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Kafka version keeps its controller elsewhere", e);
        }
    }

    /**
     * After an unclean stop, startup returns before the partitions are online again: the controller elects
     * the node leader once more only when its new run has registered and caught up. A client producing in
     * that window gets NOT_LEADER_OR_FOLLOWER, and a new idempotent producer can have a later batch appended
     * before its first (the broker knows nothing of it yet) and then stay stuck on OUT_OF_ORDER_SEQUENCE_NUMBER.
     */
    private static void awaitPartitionLeaders(String bootstrapServers, Map<String, String> clientSettings) {
        Map<String, Object> client = new HashMap<>(clientSettings);
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(client)) {
            TopicProvisioner provisioner = new TopicProvisioner(admin);
            provisioner.awaitLeaders(List.copyOf(TopicProvisioner.await(
                    admin.listTopics(new ListTopicsOptions().listInternal(true)).names())));
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** What a client sets besides the address: the SASL login when the listeners want one, else nothing. */
    public Map<String, String> clientSettings() {
        return clientSettings;
    }

    public String clusterId() {
        return clusterId;
    }

    /**
     * False once one of the broker's essential threads has died (an OutOfMemoryError in the raft thread
     * leaves the broker up but unable to change anything), or once it is closed.
     */
    public synchronized boolean alive() {
        return !closed && essential.stream().allMatch(Thread::isAlive);
    }

    /** Shuts the broker down and waits until its threads have finished; calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            stop(server);
            lock.close();
            LOG.info("Embedded Kafka on {} stopped", bootstrapServers);
        }
    }

    private static void refuseToTerminate(int status, String message) {
        throw new IllegalStateException("Embedded Kafka hit a fatal error while starting (status " + status
                + (message == null ? "" : ", " + message) + "); Kafka's ERROR log line above says what it was");
    }

    private static void stop(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    /**
     * The address clients reach the broker of {@code dataDir} at, as saved by its last start (a later start
     * reuses it unless the port was taken); empty if no broker has run there.
     */
    public static Optional<String> savedBootstrapServers(Path dataDir) {
        return savedPorts(dataDir.resolve(SERVER_PROPERTIES)).map(BrokerPorts::bootstrapServers);
    }

    /**
     * What a client of the broker last run in {@code dataDir} sets besides the address: the SASL login kept there
     * when that run's listeners wanted one ({@code kafka.embedded-sasl}), else nothing.
     */
    public static Map<String, String> savedClientSettings(Path dataDir) {
        Path serverProperties = dataDir.resolve(SERVER_PROPERTIES);
        boolean sasl = Files.exists(serverProperties) && load(serverProperties)
                .getProperty("listener.security.protocol.map", "").contains(EmbeddedLogin.PROTOCOL);
        return sasl ? EmbeddedLogin.read(dataDir).clientSettings() : Map.of();
    }

    private static Optional<BrokerPorts> savedPorts(Path serverProperties) {
        return Files.exists(serverProperties) ? BrokerPorts.fromListeners(load(serverProperties)) : Optional.empty();
    }

    private static BrokerPorts choosePorts(Path serverProperties) {
        Optional<BrokerPorts> saved = savedPorts(serverProperties);
        if (saved.isEmpty()) {
            return BrokerPorts.pickFree();
        }
        if (saved.get().bothFree()) {
            return saved.get();
        }
        BrokerPorts fresh = BrokerPorts.pickFree();
        LOG.warn("Saved Kafka ports {} (clients) and {} (controller) are in use; using {} and {} instead,"
                        + " so clients must now connect to {}",
                saved.get().broker(), saved.get().controller(), fresh.broker(), fresh.controller(),
                fresh.bootstrapServers());
        return fresh;
    }

    private static void formatIfNew(Path logDir) {
        if (Files.exists(logDir.resolve(META_PROPERTIES))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(SingleNodeConfig.NODE_ID)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .setControllerListenerName(SingleNodeConfig.CONTROLLER_LISTENER)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + logDir, e);
        }
        LOG.info("Formatted new Kafka storage in {} (cluster {})", logDir.toAbsolutePath(), clusterId);
    }

    /**
     * Written sorted and in full so the folder documents exactly what the broker ran with, but for the SASL
     * password: its one copy is the login file.
     */
    private static void save(Properties props, Path file) {
        Properties shown = new Properties();
        props.stringPropertyNames().forEach(key -> shown.setProperty(key, key.endsWith("sasl.jaas.config")
                ? "(the login in " + EmbeddedLogin.FILE + ")" : props.getProperty(key)));
        StringWriter text = new StringWriter();
        try {
            shown.store(text, "Embedded Kafka settings, rewritten by complaints-kpi at every start");
            List<String> lines = text.toString().lines().toList();
            String sorted = Stream.concat(
                            lines.stream().filter(line -> line.startsWith("#")),
                            lines.stream().filter(line -> !line.startsWith("#")).sorted())
                    .collect(Collectors.joining(System.lineSeparator(), "", System.lineSeparator()));
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, sorted);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static Properties load(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dir, e);
        }
    }
}
