package io.complaintskpi.broker;

import io.complaintskpi.testing.SharedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicProvisionerTest {

    private static Admin admin;

    @BeforeAll
    static void connect() {
        admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrap()));
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void createsEverySpecdTopicWithReplicationCappedToTheOneBrokerAndLeadersReady() throws Exception {
        Map<String, String> names = SharedKafka.provisionUnique(TopicSpecs.load());

        Map<String, Integer> specified = new java.util.HashMap<>();
        TopicSpecs.load().forEach(spec -> specified.put(spec.name(), spec.partitions()));
        for (Map.Entry<String, String> topic : names.entrySet()) {
            TopicDescription description = describe(topic.getValue());
            // Reference data (authorities) is one small compacted partition; the event topics have six.
            assertThat(description.partitions()).hasSize(specified.get(topic.getKey())).allSatisfy(partition -> {
                assertThat(partition.replicas()).hasSize(1);
                assertThat(partition.leader()).isNotNull();
                assertThat(partition.leader().isEmpty()).isFalse();
            });
            // min.insync.replicas 2 would refuse every acks=all write with a single replica.
            assertThat(config(topic.getValue()).get("min.insync.replicas").value()).isEqualTo("1");
        }
        assertThat(config(names.get("complaint-events")).get("retention.ms").value()).isEqualTo("-1");
        assertThat(config(names.get("complaint-events-dlq")).get("retention.ms").value()).isEqualTo("2592000000");
        assertThat(config(names.get("complaint-alerts")).get("retention.ms").value()).as("400 days")
                .isEqualTo("34560000000");
    }

    @Test
    void aRetentionChosenByASettingIsAppliedToATopicThatExistedBefore() throws Exception {
        TopicSpec spec = TopicSpecs.named("complaint-alerts").withName(SharedKafka.uniqueName("alerts"));
        create(new NewTopic(spec.name(), 6, (short) 1).configs(Map.of("retention.ms", "-1")));
        TopicProvisioner provisioner = new TopicProvisioner(admin);

        provisioner.enforce(spec.name(), TopicSpec.RETENTION_MS, "604800000");
        // The controller commits the change; the broker answering describeConfigs may apply it a moment later.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(config(spec.name()).get("retention.ms").value()).isEqualTo("604800000"));
        provisioner.enforce(spec.name(), TopicSpec.RETENTION_MS, "604800000"); // the same again changes nothing
        assertThat(config(spec.name()).get("retention.ms").value()).isEqualTo("604800000");
    }

    @Test
    void provisioningTwiceChangesNothing() throws Exception {
        TopicSpec spec = TopicSpecs.named("complaint-events").withName(SharedKafka.uniqueName("events"));
        TopicProvisioner provisioner = new TopicProvisioner(admin);

        provisioner.provision(List.of(spec));
        provisioner.provision(List.of(spec));

        assertThat(describe(spec.name()).partitions()).hasSize(6);
    }

    @Test
    void anExistingTopicWithFewerPartitionsStopsStartUpSayingWhatDiffersAndHowToFixIt() throws Exception {
        TopicSpec spec = TopicSpecs.named("complaint-events").withName(SharedKafka.uniqueName("complaint-events"));
        create(new NewTopic(spec.name(), 1, (short) 1));

        assertThatThrownBy(() -> new TopicProvisioner(admin).provision(List.of(spec)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Topic " + spec.name() + " exists with 1 partition(s)")
                .hasMessageContaining("spec asks for 6")
                .hasMessageContaining("kafka-topics.sh")
                .hasMessageContaining("--partitions 6");
        assertThat(describe(spec.name()).partitions()).hasSize(1);
    }

    @Test
    void anExistingTopicWithAnotherCleanupPolicyStopsStartUp() throws Exception {
        TopicSpec spec = TopicSpecs.named("complaint-alerts").withName(SharedKafka.uniqueName("alerts"));
        create(new NewTopic(spec.name(), 6, (short) 1).configs(Map.of("cleanup.policy", "compact")));

        assertThatThrownBy(() -> new TopicProvisioner(admin).provision(List.of(spec)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(spec.name())
                .hasMessageContaining("exists with cleanup.policy=compact")
                .hasMessageContaining("asks for cleanup.policy=delete")
                .hasMessageContaining("--add-config cleanup.policy=delete");
    }

    @Test
    void anExistingTopicWithMorePartitionsIsAccepted() throws Exception {
        TopicSpec spec = TopicSpecs.named("complaint-events-dlq").withName(SharedKafka.uniqueName("dlq"));
        create(new NewTopic(spec.name(), 8, (short) 1));

        new TopicProvisioner(admin).provision(List.of(spec));

        assertThat(describe(spec.name()).partitions()).hasSize(8);
    }

    /** Creates a topic as an operator would have, and waits until the broker's metadata shows it. */
    private static void create(NewTopic topic) throws ExecutionException, InterruptedException {
        admin.createTopics(List.of(topic)).all().get();
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.listTopics().names().get().contains(topic.name()));
    }

    private static TopicDescription describe(String topic) throws ExecutionException, InterruptedException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    }

    private static Config config(String topic) throws ExecutionException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }
}
