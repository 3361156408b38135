package io.complaintskpi.broker;

import io.complaintskpi.testing.KafkaRecords;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedKafkaBrokerTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final String EVENTS = "complaint-events";

    @Test
    void restartOnTheSameFolderKeepsPortsClusterTopicsRecordsAndCommittedOffsets(@TempDir Path dataDir)
            throws Exception {
        String bootstrap;
        String clusterId;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            bootstrap = broker.bootstrapServers();
            clusterId = clusterIdSeenBy(bootstrap);
            assertThat(broker.clusterId()).isEqualTo(clusterId);
            TopicProvisioner.provision(bootstrap, List.of(TopicSpecs.named(EVENTS)));
            KafkaRecords.send(bootstrap, EVENTS, "C-1", "first");
            assertThat(KafkaRecords.read(bootstrap, EVENTS, "kpi", 1, READ_TIMEOUT))
                    .extracting(ConsumerRecord::value).containsExactly("first");
            KafkaRecords.send(bootstrap, EVENTS, "C-2", "second");
        }

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
            assertThat(clusterIdSeenBy(bootstrap)).isEqualTo(clusterId);
            assertThat(partitionCount(bootstrap, EVENTS)).isEqualTo(6);
            // The group resumes after its committed offset; a new group still finds every record.
            assertThat(KafkaRecords.read(bootstrap, EVENTS, "kpi", 1, READ_TIMEOUT))
                    .extracting(ConsumerRecord::value).containsExactly("second");
            assertThat(KafkaRecords.read(bootstrap, EVENTS, "audit", 2, READ_TIMEOUT))
                    .extracting(ConsumerRecord::value).containsExactlyInAnyOrder("first", "second");
        }
    }

    @Test
    void aSavedPortTakenByAnotherProcessIsReplacedAndTheNewOneSaved(@TempDir Path dataDir) throws Exception {
        String firstBootstrap;
        String clusterId;
        assertThat(EmbeddedKafkaBroker.savedBootstrapServers(dataDir)).isEmpty();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            firstBootstrap = broker.bootstrapServers();
            clusterId = broker.clusterId();
        }
        int savedPort = Integer.parseInt(firstBootstrap.substring(firstBootstrap.lastIndexOf(':') + 1));

        try (ServerSocket squatter = new ServerSocket(savedPort, 1, InetAddress.getByName("127.0.0.1"));
             EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            assertThat(broker.bootstrapServers()).isNotEqualTo(firstBootstrap);
            assertThat(clusterIdSeenBy(broker.bootstrapServers())).isEqualTo(clusterId);
            Properties saved = new Properties();
            try (Reader reader = Files.newBufferedReader(dataDir.resolve("server.properties"))) {
                saved.load(reader);
            }
            assertThat(saved.getProperty("listeners")).contains("PLAINTEXT://" + broker.bootstrapServers());
            // what a client in another process (the publish command) reads to find the broker
            assertThat(EmbeddedKafkaBroker.savedBootstrapServers(dataDir)).contains(broker.bootstrapServers());
        }
    }

    @Test
    void aSecondBrokerOnAFolderInUseIsRefusedAndTheFirstKeepsWorking(@TempDir Path dataDir) {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dataDir)) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another running broker");
            assertThat(clusterIdSeenBy(first.bootstrapServers())).isEqualTo(first.clusterId());
        }
    }

    @Test
    void aFailedStartStopsEveryBrokerThreadAndReleasesTheFolder(@TempDir Path dataDir) {
        Set<Thread> before = liveNonDaemonThreads();

        // The controller starts its threads before it builds the authorizer, so this fails mid-start.
        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir,
                Map.of("authorizer.class.name", "io.complaintskpi.NoSuchAuthorizer")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fatal error while starting");

        assertThat(liveNonDaemonThreads()).isSubsetOf(before);
        DataDirLock.acquire(dataDir).close();
    }

    private static Set<Thread> liveNonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon())
                .collect(Collectors.toSet());
    }

    private static String clusterIdSeenBy(String bootstrap) {
        try (Admin admin = admin(bootstrap)) {
            return admin.describeCluster().clusterId().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    private static int partitionCount(String bootstrap, String topic) {
        try (Admin admin = admin(bootstrap)) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
