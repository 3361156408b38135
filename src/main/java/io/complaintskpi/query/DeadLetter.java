package io.complaintskpi.query;

import java.time.Instant;

/** One record rejected to the dead-letter topic: where it came from and why, never its content. */
public record DeadLetter(Instant rejectedAt, String sourceTopic, Integer sourcePartition, Long sourceOffset,
                         String exception, String reason) {
}
