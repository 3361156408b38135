package io.complaintskpi.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One import: reads the file event by event, sends the valid ones in batches and keeps what became of each,
 * by row. Events the contract refuses are never sent. A destination that fails ends the run, with what was
 * accepted until then.
 */
public final class ImportRun {

    /** Told after each batch: the file's bytes read so far and the events handled so far. */
    public interface Progress {
        void update(long bytesRead, long events);
    }

    /** An event not accepted, with its row and why. */
    public record Rejected(Origin origin, String reason) {
    }

    /** How an import went; {@code failure} is why it stopped early, if it did. */
    public record Summary(EventReader.FileShape shape, String destination, int accepted, List<Rejected> rejected,
                          String laterChecks, String failure) {
        public Summary {
            rejected = List.copyOf(rejected);
        }
    }

    private final EventReader reader;
    private final Delivery delivery;
    private final int batchSize;

    public ImportRun(EventReader reader, Delivery delivery, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        this.reader = reader;
        this.delivery = delivery;
        this.batchSize = batchSize;
    }

    public Summary run(Path file, EventReader.Format format, Progress progress) {
        Tally tally = new Tally();
        long[] bytes = {0};
        EventReader.FileShape shape;
        try {
            shape = reader.read(file, format, event -> {
                if (event instanceof ReadEvent.Invalid invalid) {
                    tally.rejected.add(new Rejected(invalid.origin(), invalid.reason()));
                } else {
                    tally.batch.add((ReadEvent.Valid) event);
                }
                tally.handled++;
                if (tally.batch.size() >= batchSize) {
                    tally.send(delivery);
                    progress.update(bytes[0], tally.handled);
                }
            }, read -> bytes[0] = read);
            tally.send(delivery);
            progress.update(bytes[0], tally.handled);
        } catch (Delivery.Failed failed) {
            return new Summary(null, delivery.destination(), tally.accepted, sorted(tally.rejected),
                    delivery.laterChecks(), failed.getMessage());
        }
        return new Summary(shape, delivery.destination(), tally.accepted, sorted(tally.rejected),
                delivery.laterChecks(), null);
    }

    private static List<Rejected> sorted(List<Rejected> rejected) {
        List<Rejected> sorted = new ArrayList<>(rejected);
        sorted.sort((a, b) -> Integer.compare(a.origin().row(), b.origin().row()));
        return sorted;
    }

    /** The run so far. */
    private static final class Tally {
        final List<ReadEvent.Valid> batch = new ArrayList<>();
        final List<Rejected> rejected = new ArrayList<>();
        int accepted;
        long handled;

        void send(Delivery delivery) {
            if (batch.isEmpty()) {
                return;
            }
            List<Delivery.Answer> answers = delivery.deliver(List.copyOf(batch));
            for (int i = 0; i < batch.size(); i++) {
                Delivery.Answer answer = answers.get(i);
                if (answer.accepted()) {
                    accepted++;
                } else {
                    rejected.add(new Rejected(batch.get(i).origin(), answer.reason()));
                }
            }
            batch.clear();
        }
    }
}
