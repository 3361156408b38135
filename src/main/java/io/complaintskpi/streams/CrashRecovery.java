package io.complaintskpi.streams;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.UUID;

/**
 * What lets a killed instance be back in seconds (docs/kafka.md, "Crashes and recovery"):
 * <ul>
 *   <li>static membership: the same {@code group.instance.id} at every start on the same data folder, so
 *   the restarted instance takes its own place in the group at once instead of waiting for the dead
 *   member's session to time out and a full rebalance;</li>
 *   <li>transactional state stores: writes reach the local stores only when their Kafka transaction
 *   commits, so under exactly-once the stores on disk stay valid after a crash and are caught up from
 *   the changelog instead of being wiped and rebuilt from its start.</li>
 * </ul>
 */
public final class CrashRecovery {

    /** Lives beside the state folder, not in it: Kafka Streams may delete what it finds in there. */
    static final String INSTANCE_ID_FILE = "instance.id";

    private CrashRecovery() {
    }

    /** Adds the settings to the Kafka Streams properties of the instance whose data folder is {@code dataDir}. */
    public static void apply(Properties props, Path dataDir) {
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG) + "-" + instanceId(dataDir));
        props.put(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, true);
    }

    /** The id of the instance owning {@code dataDir}: made on its first start, read back at every later one. */
    static String instanceId(Path dataDir) {
        Path file = dataDir.resolve(INSTANCE_ID_FILE);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            Files.createDirectories(dataDir);
            String id = UUID.randomUUID().toString();
            Path tmp = dataDir.resolve(INSTANCE_ID_FILE + ".tmp");
            Files.writeString(tmp, id + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the instance id in " + file, e);
        }
    }
}
