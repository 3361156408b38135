package io.complaintskpi.streams;

import io.complaintskpi.query.Instances;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

import java.util.List;
import java.util.Optional;

/** The instances Kafka Streams knows of (their {@code application.server}) and which one owns a complaint. */
public final class StreamsInstances implements Instances {

    private final KafkaStreams streams;
    private final HostInfo self;

    public StreamsInstances(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    @Override
    public Optional<String> ownerOf(String complaintId) {
        KeyQueryMetadata owner = streams.queryMetadataForKey(Names.CASE_STATE_STORE, complaintId,
                Serdes.String().serializer());
        if (owner.equals(KeyQueryMetadata.NOT_AVAILABLE) || owner.activeHost().equals(self)) {
            return Optional.empty();
        }
        return Optional.of(address(owner.activeHost()));
    }

    @Override
    public List<String> others() {
        return streams.metadataForAllStreamsClients().stream()
                .map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self))
                .distinct()
                .map(StreamsInstances::address)
                .toList();
    }

    private static String address(HostInfo host) {
        return host.host() + ":" + host.port();
    }
}
