package io.complaintskpi.cli;

import io.complaintskpi.broker.EmbeddedKafkaBroker;
import io.complaintskpi.broker.TopicProvisioner;
import io.complaintskpi.broker.TopicSpecs;
import io.complaintskpi.streams.Names;
import io.complaintskpi.testing.KafkaRecords;
import io.complaintskpi.testing.CliRun;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented way to publish an event of one's own: each file is one record, sent unchanged (so a broken one
 * reaches the service, which rejects it to the DLQ), keyed by its complaintId, to the broker of the running service.
 */
class PublishCommandTest {

    @TempDir
    Path dir;

    private Path fixture(String eventType) throws IOException {
        Path file = dir.resolve(eventType + ".json");
        Files.copy(Path.of("src/test/resources/events/" + eventType + ".json"), file);
        return file;
    }

    @Test
    void eachFileIsOneRecordSentUnchangedKeyedByItsComplaintIdToTheEmbeddedBrokerOfTheDataDir() throws Exception {
        Path dataDir = dir.resolve("data");
        Path pretty = fixture("ComplaintReceived"); // pretty-printed, as the docs show it
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"eventType\": \"ComplaintReceived\", oops");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"))) {
            TopicProvisioner.provision(broker.bootstrapServers(), List.of(TopicSpecs.named(Names.EVENTS_TOPIC)));

            CliRun run = CliRun.of("publish", "--data-dir", dataDir.toString(), "--key", "BROKEN-1",
                    pretty.toString(), broken.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("published " + pretty + " to complaint-events")
                    .contains("key LCC-CSC-2015-0042").contains("key BROKEN-1").contains("/api/v1/dlq");
            List<ConsumerRecord<String, String>> sent = KafkaRecords.read(broker.bootstrapServers(),
                    Names.EVENTS_TOPIC, "publish-test", 2, Duration.ofSeconds(30));
            assertThat(sent).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("LCC-CSC-2015-0042", "BROKEN-1");
            assertThat(sent).extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder(Files.readString(pretty), Files.readString(broken));
        }
    }

    @Test
    void withAuthoritiesEachRecordOfAnArrayOrOfJsonLinesGoesToTheAuthoritiesTopicKeyedByItsCode() throws Exception {
        Path dataDir = dir.resolve("data");
        Path array = Files.writeString(dir.resolve("authorities.json"), """
                [{"code": "A1", "name": "First Council"},
                 {"code": "A2", "name": "Second Council"}]""");
        Path lines = Files.writeString(dir.resolve("more.jsonl"), """
                {"code": "A3", "name": "Third Council"}
                {"code": "A4", "councilType": "parish"}
                """);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"))) {
            TopicProvisioner.provision(broker.bootstrapServers(), List.of(TopicSpecs.named(Names.AUTHORITIES_TOPIC)));

            CliRun run = CliRun.of("publish", "--authorities", "--data-dir", dataDir.toString(), array.toString(),
                    lines.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("published " + array + " #2 to authorities").contains("key A4");
            List<ConsumerRecord<String, String>> sent = KafkaRecords.read(broker.bootstrapServers(),
                    Names.AUTHORITIES_TOPIC, "publish-authorities-test", 4, Duration.ofSeconds(30));
            assertThat(sent).extracting(ConsumerRecord::key).containsExactly("A1", "A2", "A3", "A4");
            assertThat(sent.get(3).value()).isEqualTo("{\"code\":\"A4\",\"councilType\":\"parish\"}");
        }
    }

    @Test
    void anAuthorityRecordWithoutACodeStopsTheCommandBeforeAnythingIsSent() throws IOException {
        Path file = Files.writeString(dir.resolve("authorities.json"), "[{\"code\": \"A1\"}, {\"name\": \"x\"}]");

        CliRun run = CliRun.of("publish", "--authorities", "--bootstrap-servers", "127.0.0.1:1", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly("complaints-kpi publish: " + file
                + ": record 2 has no code to use as the record key");
    }

    @Test
    void aRecordWithNoKeyStopsTheCommandBeforeAnythingIsSent() throws IOException {
        Path good = fixture("ComplaintReceived");
        Path broken = Files.writeString(dir.resolve("broken.json"), "not json");

        CliRun run = CliRun.of("publish", "--bootstrap-servers", "127.0.0.1:1", good.toString(), broken.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly("complaints-kpi publish: " + broken
                + ": no complaintId to use as the record key (not a JSON object with a complaintId); give --key");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void withNoBrokerInTheDataDirItSaysToStartTheServiceFirst() throws IOException {
        Path good = fixture("ComplaintReceived");

        CliRun run = CliRun.of("publish", "--data-dir", dir.resolve("empty").toString(), good.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("complaints-kpi publish: no embedded broker has run in ")
                .contains("start the service (serve or demo) with the same --data-dir first, or give --bootstrap-servers");
    }

    @Test
    void aBrokerThatDoesNotAnswerIsOneLineNotAHang() throws IOException {
        Path good = fixture("ComplaintReceived");

        CliRun run = CliRun.of("publish", "--bootstrap-servers", "127.0.0.1:1", good.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("complaints-kpi publish: could not publish to 127.0.0.1:1 (is the service running?)");
    }
}
