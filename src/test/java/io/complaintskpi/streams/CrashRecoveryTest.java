package io.complaintskpi.streams;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class CrashRecoveryTest {

    @TempDir
    Path dataDir;

    private Path app() {
        return dataDir.resolve("streams").resolve("complaints-kpi");
    }

    private Properties props() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "complaints-kpi");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dataDir.resolve("streams").toString());
        return props;
    }

    /** The folders Kafka Streams leaves behind: two tasks with a store each, and the process id. */
    private void leaveState() throws IOException {
        Files.createDirectories(app().resolve("0_1/rocksdb/case-history"));
        Files.writeString(app().resolve("0_1/rocksdb/case-history/000042.sst"), "data");
        Files.createDirectories(app().resolve("1_3/rocksdb/kpi-totals"));
        Files.writeString(app().resolve("kafka-streams-process-metadata"), "{\"processId\":\"p-1\"}");
    }

    @Test
    void afterAKillTheTaskStateGoesAndTheProcessIdStays() throws IOException {
        leaveState();
        Properties props = props();
        CrashRecovery.apply(props, dataDir);
        assertThat(app().resolve("0_1")).doesNotExist();
        assertThat(app().resolve("1_3")).doesNotExist();
        // Same process id, same transactional id: the killed run's open transaction is aborted at once.
        assertThat(app().resolve("kafka-streams-process-metadata")).hasContent("{\"processId\":\"p-1\"}");
        assertThat(props.getProperty(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)))
                .startsWith("complaints-kpi-");
    }

    @Test
    void afterACleanStopTheStoresAreKeptOnceAndTheNextKillIsNotTakenForClean() throws IOException {
        leaveState();
        CrashRecovery.markCleanStop(dataDir);
        CrashRecovery.apply(props(), dataDir);
        assertThat(app().resolve("0_1/rocksdb/case-history/000042.sst")).exists();
        // This run is killed: nothing marks its stop clean, so the next start discards its state.
        CrashRecovery.apply(props(), dataDir);
        assertThat(app().resolve("0_1")).doesNotExist();
    }

    @Test
    void aFirstStartHasNothingToDiscard() {
        assertThat(CrashRecovery.discardStateAfterUncleanStop(dataDir, app())).isEmpty();
        assertThat(app()).doesNotExist();
    }

    @Test
    void theInstanceIdIsMadeOnceAndKept() {
        String first = CrashRecovery.instanceId(dataDir);
        assertThat(CrashRecovery.instanceId(dataDir)).isEqualTo(first);
    }
}
