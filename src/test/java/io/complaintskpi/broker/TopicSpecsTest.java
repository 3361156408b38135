package io.complaintskpi.broker;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicSpecsTest {

    @Test
    void loadsTheTopicsInIndexOrder() {
        assertThat(TopicSpecs.load()).extracting(TopicSpec::name)
                .containsExactly("complaint-events", "complaint-events-dlq", "complaint-alerts", "authorities",
                        "authorities-accepted");
        assertThat(TopicSpecs.load().subList(0, 3)).allSatisfy(spec -> {
            assertThat(spec.partitions()).isEqualTo(6);
            assertThat(spec.replicationFactor()).isEqualTo(3);
            assertThat(spec.cleanupPolicy()).isEqualTo("delete");
            assertThat(spec.description()).isNotBlank();
        });
    }

    @Test
    void eventsAreKeptForeverKeyedByComplaintReferenceWithEnvelopeValues() {
        TopicSpec events = TopicSpecs.named("complaint-events");

        assertThat(events.config()).containsEntry("retention.ms", "-1");
        assertThat(events.key().format()).isEqualTo("string");
        assertThat(events.key().description()).contains("Complaint reference");
        assertThat(events.value().format()).isEqualTo("json");
        assertThat(events.value().schema()).isEqualTo("schemas/envelope.schema.json");
    }

    @Test
    void deadLettersKeepTheRawRecordForThirtyDaysWithTheErrorHeaders() {
        TopicSpec dlq = TopicSpecs.named("complaint-events-dlq");

        assertThat(dlq.config()).containsEntry("retention.ms", String.valueOf(Duration.ofDays(30).toMillis()));
        assertThat(dlq.value().format()).isEqualTo("bytes");
        assertThat(dlq.value().headers()).containsOnlyKeys(
                "__streams.errors.exception", "__streams.errors.message", "__streams.errors.stacktrace",
                "__streams.errors.topic", "__streams.errors.partition", "__streams.errors.offset");
    }

    @Test
    void alertsAreKeptFourHundredDaysByDefaultWithAlertSchemaValues() {
        TopicSpec alerts = TopicSpecs.named("complaint-alerts");

        // They name complaints: bounded by default, as the alerts.retention setting's default says.
        assertThat(alerts.config()).containsEntry("retention.ms", Long.toString(java.time.Duration.ofDays(400).toMillis()));
        assertThat(io.complaintskpi.config.ServiceConfig.defaults().alertsRetention()).isEqualTo(java.time.Duration.ofDays(400));
        assertThat(alerts.value().schema()).isEqualTo("schemas/alert.schema.json");
    }

    @Test
    void authoritiesAreCompactedReferenceDataWithTheAuthoritySchema() {
        for (String name : List.of("authorities", "authorities-accepted")) {
            TopicSpec spec = TopicSpecs.named(name);
            assertThat(spec.cleanupPolicy()).as(name).isEqualTo("compact");
            assertThat(spec.config()).as(name).doesNotContainKey("retention.ms");
            assertThat(spec.value().schema()).as(name).isEqualTo("schemas/reference-record.schema.json");
            assertThat(spec.description()).as(name).isNotBlank();
        }
    }

    @Test
    void everySpecFileInTheTopicsFolderIsListedInTheIndex() throws IOException {
        List<String> files;
        try (Stream<Path> paths = Files.list(Path.of("topics"))) {
            files = paths.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".topic.json"))
                    .toList();
        }
        assertThat(TopicSpecs.load()).extracting(spec -> spec.name() + ".topic.json")
                .containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void anUnknownTopicNameIsRefused() {
        assertThatThrownBy(() -> TopicSpecs.named("complaint-evnets"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("complaint-evnets");
    }
}
