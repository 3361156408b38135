package io.complaintskpi.demo;

import io.complaintskpi.events.ComplaintEvent;
import io.complaintskpi.events.EventEnvelope;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Collects dated events per key and turns them into envelopes: office-hours times in Europe/London,
 * strictly increasing per key, ids derived from the key and position (so the same plan always gives the
 * same ids), and the whole list in publication order (by instant, ties in planning order).
 */
final class Timeline {

    private static final LocalTime OPENING = LocalTime.of(9, 0);
    private static final int FIRST_EVENT_WINDOW_MINUTES = 7 * 60;

    private final String authority;
    private final Map<String, List<Planned>> byKey = new LinkedHashMap<>();
    private int planned;

    Timeline(String authority) {
        this.authority = authority;
    }

    /** Plans an event; events of one key on one date keep the order they were planned in. */
    void add(String key, LocalDate date, ComplaintEvent event) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Planned(date, planned++, event));
    }

    List<EventEnvelope> envelopes(Random random) {
        List<Timed> timed = new ArrayList<>();
        byKey.forEach((key, events) -> {
            List<Planned> ordered = new ArrayList<>(events);
            ordered.sort(Comparator.comparing(Planned::date).thenComparingInt(Planned::sequence));
            ZonedDateTime previous = null;
            for (int i = 0; i < ordered.size(); i++) {
                Planned event = ordered.get(i);
                ZonedDateTime at = previous != null && previous.toLocalDate().equals(event.date())
                        ? previous.plusMinutes(3 + random.nextInt(40))
                        : event.date().atTime(OPENING).atZone(EventEnvelope.LONDON)
                                .plusMinutes(random.nextInt(FIRST_EVENT_WINDOW_MINUTES));
                // Whole, non-zero seconds: every rendering of the instant then carries them.
                at = at.withSecond(1 + random.nextInt(59));
                previous = at;
                timed.add(new Timed(event.sequence(), new EventEnvelope(id(key, i), at.toOffsetDateTime(), key,
                        authority, 1, event.event())));
            }
        });
        timed.sort(Comparator.comparing((Timed t) -> t.envelope().occurredAt().toInstant())
                .thenComparingInt(Timed::sequence));
        return timed.stream().map(Timed::envelope).toList();
    }

    private UUID id(String key, int position) {
        return UUID.nameUUIDFromBytes((authority + "/" + key + "/" + position).getBytes(StandardCharsets.UTF_8));
    }

    private record Planned(LocalDate date, int sequence, ComplaintEvent event) {
    }

    private record Timed(int sequence, EventEnvelope envelope) {
    }
}
