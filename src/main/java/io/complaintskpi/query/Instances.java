package io.complaintskpi.query;

import java.util.List;
import java.util.Optional;

/**
 * Which instance of the service holds a complaint and which instances exist, as {@code host:port}: the one
 * place that knows the cluster's layout (Confluent's MetadataService idea). Kafka Streams answers it.
 */
public interface Instances {

    /** The other instance that holds this complaint's history; empty when it is this one or none is known yet. */
    Optional<String> ownerOf(String complaintId);

    /** Every other instance of the service. */
    List<String> others();
}
