package io.complaintskpi.broker;

import io.complaintskpi.publish.EventPublisher;
import io.complaintskpi.streams.Names;
import io.complaintskpi.testing.KafkaRecords;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code kafka.embedded-sasl}: every listener of the embedded broker, the clients' and the controller's, wants
 * the login kept owner-only in its folder. Without it a local user can neither write nor read nor administer;
 * with it, everything works as before.
 */
class EmbeddedSaslTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private static Map<String, Object> client(String bootstrap, Map<String, String> settings) {
        Map<String, Object> client = new HashMap<>(settings);
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return client;
    }

    @Test
    void withoutTheLoginNoClientWritesReadsOrAdministersAndWithItEverythingWorks() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, true)) {
            String bootstrap = broker.bootstrapServers();
            Map<String, String> login = broker.clientSettings();
            assertThat(login).containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "PLAIN");
            TopicProvisioner.provision(client(bootstrap, login), List.of(TopicSpecs.named(Names.EVENTS_TOPIC)));

            // A producer with no login: the listener answers nothing but the SASL handshake.
            Properties anonymous = EventPublisher.producerConfig(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap, ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000));
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(anonymous)) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Names.EVENTS_TOPIC, "K-1",
                        "{}".getBytes(StandardCharsets.UTF_8))).get()).hasCauseInstanceOf(TimeoutException.class)
                        .hasMessageContaining("not present in metadata");
            }
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "intruder",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
                assertThatThrownBy(() -> consumer.listTopics(Duration.ofSeconds(3))).isInstanceOf(TimeoutException.class);
            }
            // Nor does the controller's listener (an admin client may address it directly) take anyone.
            String controller = BrokerPorts.HOST + ":" + BrokerPorts.fromListeners(serverProperties()).orElseThrow()
                    .controller();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, controller))) {
                assertThatThrownBy(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                        .clusterId().get()).hasCauseInstanceOf(TimeoutException.class);
            }
            // A wrong password is told so.
            Map<String, String> wrong = new HashMap<>(login);
            wrong.put("sasl.jaas.config", login.get("sasl.jaas.config").replaceAll("password=\"[^\"]+\"",
                    "password=\"guessed\""));
            assertThatThrownBy(() -> KafkaRecords.readAll(client(bootstrap, wrong), Names.EVENTS_TOPIC, PATIENCE))
                    .hasStackTraceContaining(SaslAuthenticationException.class.getSimpleName());

            // With the login: written, read back, administered.
            Map<String, Object> withLogin = client(bootstrap, login);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(EventPublisher.producerConfig(withLogin))) {
                KafkaRecords.publish(producer, List.of(new ProducerRecord<>(Names.EVENTS_TOPIC, "K-1",
                        "{}".getBytes(StandardCharsets.UTF_8))));
            }
            assertThat(KafkaRecords.readAll(withLogin, Names.EVENTS_TOPIC, PATIENCE)).hasSize(1);
            Map<String, Object> controllerLogin = new HashMap<>(login);
            controllerLogin.put(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, controller);
            try (Admin admin = Admin.create(controllerLogin)) {
                assertThat(admin.describeCluster().clusterId().get()).isEqualTo(broker.clusterId());
            }
        }
    }

    @Test
    void theLoginIsKeptOwnerOnlyOutOfTheSavedSettingsAndCommandsFindItThroughTheFolder() throws Exception {
        Map<String, String> first;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, true)) {
            first = broker.clientSettings();
            assertThat(EmbeddedKafkaBroker.savedClientSettings(dataDir)).isEqualTo(first);
            Map<String, Object> withLogin = client(broker.bootstrapServers(), first);
            TopicProvisioner.provision(withLogin, List.of(TopicSpecs.named(Names.EVENTS_TOPIC)));
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(EventPublisher.producerConfig(withLogin))) {
                KafkaRecords.publish(producer, List.of(new ProducerRecord<>(Names.EVENTS_TOPIC, "K-1",
                        "{}".getBytes(StandardCharsets.UTF_8))));
            }
        }
        Path login = dataDir.resolve(EmbeddedLogin.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(login))).isEqualTo("rw-------");
        String password = first.get("sasl.jaas.config").replaceAll(".*password=\"([^\"]+)\".*", "$1");
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.readString(dataDir.resolve("server.properties"))).doesNotContain(password);
        assertThat(serverProperties().getProperty("listeners")).startsWith("SASL_PLAINTEXT://127.0.0.1:");
        assertThat(serverProperties().getProperty("listener.security.protocol.map").split(",")).as("no open listener")
                .containsExactlyInAnyOrder("SASL_PLAINTEXT:SASL_PLAINTEXT", "CONTROLLER:SASL_PLAINTEXT");

        // A restart keeps the login (clients configured from the file go on working), also one after a stop that
        // was not clean, when the controller first runs alone on the controller's listener (with the login) ...
        Files.delete(dataDir.resolve("logs").resolve(".kafka_cleanshutdown"));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, true)) {
            assertThat(broker.clientSettings()).isEqualTo(first);
            assertThat(KafkaRecords.readAll(client(broker.bootstrapServers(), broker.clientSettings()),
                    Names.EVENTS_TOPIC, PATIENCE)).hasSize(1);
        }
        // ... and with the setting off the listeners want none again, which the saved settings tell commands.
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, false)) {
            assertThat(broker.clientSettings()).isEmpty();
            assertThat(EmbeddedKafkaBroker.savedClientSettings(dataDir)).isEmpty();
            // As before the setting existed: plain listeners, no SASL setting at all.
            assertThat(serverProperties().getProperty("listener.security.protocol.map"))
                    .isEqualTo("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            assertThat(serverProperties().stringPropertyNames()).noneMatch(key -> key.contains("sasl"));
            KafkaRecords.send(broker.bootstrapServers(), Names.EVENTS_TOPIC, "K-2", "{}");
        }
    }

    private Properties serverProperties() throws Exception {
        Properties saved = new Properties();
        try (var reader = Files.newBufferedReader(dataDir.resolve("server.properties"))) {
            saved.load(reader);
        }
        return saved;
    }
}
