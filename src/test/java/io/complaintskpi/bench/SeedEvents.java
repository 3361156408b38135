package io.complaintskpi.bench;

import io.complaintskpi.demo.FixtureReader;
import io.complaintskpi.events.ComplaintEvent.CostIncurred;
import io.complaintskpi.events.CostCategory;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.lifecycle.CaseHistory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The committed seed fixture as benchmark input: raw record values, and case histories of a chosen length. */
final class SeedEvents {

    private static final CostIncurred FURTHER_COST = new CostIncurred(CostCategory.INVESTIGATING_OFFICER, 50_000);

    private SeedEvents() {
    }

    /** Every event of the seed fixture as the record value a producer would send, in file order. */
    static List<byte[]> recordValues() {
        InputStream in = FixtureReader.class.getResourceAsStream(FixtureReader.SEED_FIXTURE);
        if (in == null) {
            throw new IllegalStateException("seed fixture missing from the classpath");
        }
        List<byte[]> values = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    values.add(line.getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    /**
     * The fixture's longest real case (a children's complaint taken through all three stages), cut or
     * extended to {@code length} events. Beyond the real events it is padded with further costs, the one
     * event a case can take any number of; one a day keeps the history legal.
     */
    static CaseHistory historyOf(int length) {
        List<EventEnvelope> longest = longestCase();
        List<EventEnvelope> events = new ArrayList<>(longest.subList(0, Math.min(length, longest.size())));
        while (events.size() < length) {
            events.add(costAfter(events.get(events.size() - 1)));
        }
        return new CaseHistory(events);
    }

    /** A further cost one day after {@code last} on the same case: legal after any prefix of a case. */
    static EventEnvelope costAfter(EventEnvelope last) {
        UUID id = UUID.nameUUIDFromBytes((last.eventId() + "+cost").getBytes(StandardCharsets.UTF_8));
        return new EventEnvelope(id, last.occurredAt().plusDays(1), last.complaintId(), last.authority(),
                last.schemaVersion(), FURTHER_COST);
    }

    private static List<EventEnvelope> longestCase() {
        Map<String, List<EventEnvelope>> byCase = FixtureReader.withSchemas().seedFixture().stream()
                .collect(Collectors.groupingBy(EventEnvelope::complaintId));
        List<EventEnvelope> longest = byCase.values().stream()
                .max(Comparator.comparingInt(List::size)).orElseThrow();
        return longest.stream().sorted(Comparator.comparing(e -> e.occurredAt().toInstant())).toList();
    }
}
