package io.complaintskpi.streams;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.series.KpiKey;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.common.utils.Bytes;

import java.util.Map;
import java.util.Properties;

/**
 * complaint-events -> [lifecycle: validate, dedupe, apply, index deadlines] -> KPI deltas -> repartition
 * by authority and metric -> [sum] -> kpi-totals (days, month and financial-year roll-ups, authority
 * index); alerts -> complaint-alerts. Rejected records go to the DLQ. Authority reference data: see
 * {@link #authorities}.
 */
public final class ComplaintsTopology {

    /**
     * Settings of every internal topic Kafka Streams creates (each store's changelog, the repartition topic):
     * one home, so every store's changelog is compacted alike. Kafka never cleans a log's active segment, and
     * its default segment is 1 GiB: a changelog smaller than that per partition was never compacted, and one
     * that rewrites a growing value at every event grows with the square of its length. With small segments the cleaner keeps each changelog near one record per key, and the
     * repartition topic's consumed records (purged by Kafka Streams after each commit) leave the disk
     * segment by segment. Applied when Kafka Streams creates a topic; an existing one keeps its settings.
     */
    static final Map<String, String> INTERNAL_TOPICS = Map.of(
            TopicConfig.SEGMENT_BYTES_CONFIG, String.valueOf(2 * 1024 * 1024),
            TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.2");

    private ComplaintsTopology() {
    }

    /** The topology with alerts never held: for a test driver, which processes each record as it is piped. */
    public static Topology build(ServiceConfig config, DomainRules rules) {
        return build(config, rules, CatchUp.ALWAYS);
    }

    /**
     * The topology that runs {@code rules} (built once, by {@code app.DomainWiring}); {@code catchUp} says when
     * a task has caught up with its input, so deadline alerts may be raised.
     */
    public static Topology build(ServiceConfig config, DomainRules rules, CatchUp catchUp) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, LifecycleOutput> outputs = builder
                .stream(Names.EVENTS_TOPIC, Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("complaint-events-source"))
                .process(new LifecycleProcessorSupplier(rules, config.alertScanInterval(), catchUp),
                        Named.as("lifecycle"));

        Map<String, KStream<String, LifecycleOutput>> routes = outputs.split(Named.as("lifecycle-"))
                .branch((key, out) -> out instanceof LifecycleOutput.Contributions, Branched.as("contributions"))
                .defaultBranch(Branched.as("alerts"));

        routes.get("lifecycle-contributions")
                .mapValues(out -> ((LifecycleOutput.Contributions) out).deltas(), Named.as("contribution-deltas"))
                .repartition(Repartitioned.<String, Map<KpiKey, Long>>as(Names.KPI_CONTRIBUTIONS_REPARTITION)
                        .withKeySerde(Serdes.String()).withValueSerde(new KpiDeltasSerde())
                        .withStreamPartitioner(new SeriesPartitioner()::partitions))
                .process(KpiSumProcessor.supplier(), Named.as("kpi-sum"));

        routes.get("lifecycle-alerts")
                .mapValues(out -> ((LifecycleOutput.Raised) out).alert(), Named.as("alert-value"))
                .to(Names.ALERTS_TOPIC, Produced.with(Serdes.String(), new JsonSerde<>(Alert.class))
                        .withName("complaint-alerts-sink"));

        authorities(builder);
        return builder.build(properties(config));
    }

    /**
     * authorities -> [validation; invalid to the DLQ] -> authorities-accepted -> global table on every instance.
     * Kafka Streams cannot dead-letter a record of a global table's own topic, hence the topic between.
     */
    private static void authorities(StreamsBuilder builder) {
        builder.stream(Names.AUTHORITIES_TOPIC, Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("authorities-source"))
                .process(AuthorityValidation::new, Named.as("authority-validation"))
                .to(Names.AUTHORITIES_ACCEPTED_TOPIC, Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("authorities-accepted-sink"));
        builder.globalTable(Names.AUTHORITIES_ACCEPTED_TOPIC, Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("authorities-accepted-source"),
                Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(Names.AUTHORITIES_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()));
    }

    public static Properties properties(ServiceConfig config) {
        Properties props = new Properties();
        // Pass-through client settings first (security.protocol, sasl.*, ...): the service's own win.
        props.putAll(config.security().kafkaClient());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.streamsStateDir().toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.internalReplicationFactor());
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Names.DLQ_TOPIC);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.advertisedHost() + ":" + config.httpPort());
        INTERNAL_TOPICS.forEach((key, value) -> props.put(StreamsConfig.topicPrefix(key), value));
        // Changelog and repartition records are small and alike (keys with long shared prefixes): zstd batches
        // take a third less disk than LZ4's at the same replay rate (docs/benchmarks.md), and LZ4 allocated a
        // 64 KiB block per small changelog batch. Consumers decompress unasked.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        props.put(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, config.rocksDbMemoryMb() * 1024L * 1024L);
        return props;
    }
}
