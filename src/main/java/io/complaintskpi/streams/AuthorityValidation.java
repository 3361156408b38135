package io.complaintskpi.streams;

import io.complaintskpi.authorities.AuthorityCodec;
import io.complaintskpi.events.InvalidEventException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Passes on a reference record (an authority or an Ombudsman's average), unchanged, only when it is valid; an invalid one throws, so the processing
 * exception handler sends it to the dead-letter topic with its reason. A record without a value (a tombstone)
 * removes its authority (or average) and passes on as it is.
 */
final class AuthorityValidation implements Processor<String, byte[], String, byte[]> {

    private final AuthorityCodec codec = new AuthorityCodec();
    private ProcessorContext<String, byte[]> context;

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            throw new InvalidEventException("authority record without a key: the key must be the authority's code or the average's key");
        }
        if (record.value() != null) {
            codec.validate(record.key(), record.value());
        }
        context.forward(record);
    }
}
