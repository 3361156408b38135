package io.complaintskpi.streams;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topology's processors, stores and topics as Kafka Streams describes them, kept in
 * {@value #SNAPSHOT} so that a change to them shows in review. After an intended change, regenerate it:
 * {@code mvn test -Dtest=TopologySnapshotTest -Dtopology.snapshot.update=true} and commit the file.
 */
class TopologySnapshotTest {

    static final String SNAPSHOT = "src/test/resources/topology.txt";

    @Test
    void theTopologyIsTheReviewedOne() throws IOException {
        ServiceConfig config = ServiceConfig.defaults();
        String described = ComplaintsTopology.build(config, DomainWiring.rules(config)).describe().toString();
        Path snapshot = Path.of(SNAPSHOT);
        if (Boolean.getBoolean("topology.snapshot.update")) {
            Files.writeString(snapshot, described, StandardCharsets.UTF_8);
        }
        assertThat(described).as("the topology changed; if that is intended, regenerate " + SNAPSHOT
                        + " with: mvn test -Dtest=TopologySnapshotTest -Dtopology.snapshot.update=true")
                .isEqualTo(Files.readString(snapshot, StandardCharsets.UTF_8));
    }
}
