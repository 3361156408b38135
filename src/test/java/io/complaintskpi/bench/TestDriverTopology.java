package io.complaintskpi.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.streams.ComplaintsTopology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The production topology and its properties (exactly-once, RocksDB stores) in Kafka's in-memory test
 * driver, with its state in a temporary directory that {@link #close()} removes.
 */
final class TestDriverTopology implements AutoCloseable {

    static {
        // Each driver warns about its temporary state dir and the config: noise between JMH's lines.
        ((Logger) LoggerFactory.getLogger("org.apache.kafka")).setLevel(Level.ERROR);
    }

    final TopologyTestDriver driver;
    private final Path dataDir;

    TestDriverTopology() {
        try {
            dataDir = Files.createTempDirectory("complaints-kpi-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties file = new Properties();
        file.setProperty("data.dir", dataDir.toString());
        file.setProperty("kafka.bootstrap-servers", "unused:9092");
        ServiceConfig config = ServiceConfig.load(Map.of(), file, Map.of());
        driver = new TopologyTestDriver(ComplaintsTopology.build(config, DomainWiring.rules(config)), ComplaintsTopology.properties(config));
    }

    @Override
    public void close() {
        driver.close();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
