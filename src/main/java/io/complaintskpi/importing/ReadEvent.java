package io.complaintskpi.importing;

import io.complaintskpi.events.EventEnvelope;

/** One event read from a file: valid under the contract (with the exact bytes to send) or not, with why. */
public sealed interface ReadEvent {

    Origin origin();

    /** Validated by the stream's own codec; {@code json} is what was validated and is what gets sent. */
    record Valid(Origin origin, EventEnvelope event, byte[] json) implements ReadEvent {
    }

    /** Refused by the codec (or unreadable); {@code reason} is the codec's, as the dead-letter topic would say it. */
    record Invalid(Origin origin, String reason) implements ReadEvent {
    }
}
