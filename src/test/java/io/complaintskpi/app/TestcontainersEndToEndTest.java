package io.complaintskpi.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import java.nio.file.Path;

/** The same scenario against Kafka in a container; skipped (and reported so) where Docker is absent. */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersEndToEndTest {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @TempDir
    Path dataDir;

    @Test
    void eventsBecomeKpisAndAlertsAndSurviveARestart() {
        EndToEndScenario.run(restart -> ComplaintsService.start(
                EndToEndScenario.config(dataDir, KAFKA.getBootstrapServers())));
    }
}
