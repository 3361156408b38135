package io.complaintskpi.importing;

import io.complaintskpi.contributions.OfflineReplay;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.lifecycle.Awaiting;
import io.complaintskpi.lifecycle.CaseState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A dry run of a whole file: the contract's verdict on each event (as read), then every valid event replayed, in
 * file order, through the same step the stream runs ({@link OfflineReplay}: the lifecycle machine, dedup by
 * eventId). What the machine refuses is what the service would dead-letter; what it keeps aside and the file
 * never completes (a stage 3 request with no stage 2) would count nowhere. Each finding names its row. The
 * file is judged on its own: a complaint received in an earlier import is unknown here.
 */
public final class FileCheck {

    private final DomainRules rules;

    public FileCheck(DomainRules rules) {
        this.rules = rules;
    }

    /** What a finding is about. */
    public enum Kind {
        /** The event breaks the contract: the service refuses it at once. */
        CONTRACT,
        /** The lifecycle machine refuses it at its place in the complaint's history: the service dead-letters it. */
        LIFECYCLE,
        /** Accepted but never takes effect: it waits for a step the file does not hold. */
        WAITING,
        /**
         * An eventId given twice for different events: within one complaint the service keeps the first and ignores
         * the other; across complaints both count, but the contract wants every event's id unique.
         */
        REUSED_ID
    }

    /** One problem, with its row; the event's fields where it was readable. */
    public record Finding(Origin origin, Kind kind, String complaintId, String eventType, String eventId,
                          String reason) {
    }

    /** An event read twice (the same id and content): harmless, counted once. */
    public record Repeat(Origin origin, Origin first) {
    }

    /** The whole file's verdict. */
    public record Report(EventReader.FileShape shape, int events, int valid, int complaints, List<Finding> problems,
                         List<Repeat> repeats) {
        public Report {
            problems = List.copyOf(problems);
            repeats = List.copyOf(repeats);
        }
    }

    public Report check(EventReader.FileShape shape, List<ReadEvent> read) {
        List<Finding> problems = new ArrayList<>();
        List<Repeat> repeats = new ArrayList<>();
        // The service drops a repeated eventId within one complaint's history (per record key), so that is the key here.
        Map<EventKey, ReadEvent.Valid> byKeyAndId = new LinkedHashMap<>();
        Map<UUID, ReadEvent.Valid> byId = new HashMap<>();
        Map<String, List<ReadEvent.Valid>> byComplaint = new HashMap<>();
        int valid = 0;
        for (ReadEvent event : read) {
            if (event instanceof ReadEvent.Invalid invalid) {
                problems.add(new Finding(invalid.origin(), Kind.CONTRACT, null, null, null, invalid.reason()));
            } else if (event instanceof ReadEvent.Valid one) {
                valid++;
                EventEnvelope envelope = one.event();
                ReadEvent.Valid first = byKeyAndId.putIfAbsent(new EventKey(envelope.complaintId(), envelope.eventId()), one);
                ReadEvent.Valid elsewhere = byId.putIfAbsent(envelope.eventId(), one);
                if (first == null) {
                    byComplaint.computeIfAbsent(envelope.complaintId(), k -> new ArrayList<>()).add(one);
                    if (elsewhere != null) {
                        problems.add(finding(one, Kind.REUSED_ID, "eventId already used on " + elsewhere.origin()
                                + " for complaint " + elsewhere.event().complaintId() + ": every event needs its own"));
                    }
                } else if (first.event().equals(envelope)) {
                    repeats.add(new Repeat(one.origin(), first.origin()));
                } else {
                    problems.add(finding(one, Kind.REUSED_ID, "eventId already used by a different event on "
                            + first.origin() + ": the service keeps that one and ignores this"));
                }
            }
        }
        OfflineReplay.Result replay = new OfflineReplay(rules.machine(), rules.contributions())
                .replay(byKeyAndId.values().stream().map(ReadEvent.Valid::event).toList());
        for (OfflineReplay.Rejection rejection : replay.rejected()) {
            ReadEvent.Valid refused = byKeyAndId.get(new EventKey(rejection.event().complaintId(),
                    rejection.event().eventId()));
            problems.add(finding(refused, Kind.LIFECYCLE, rejection.reason() + hint(refused, byComplaint)));
        }
        replay.histories().forEach((key, history) -> {
            CaseState state = rules.machine().replay(key, history);
            for (Awaiting waiting : state.awaiting()) {
                ReadEvent.Valid kept = byKeyAndId.get(new EventKey(key, waiting.event().eventId()));
                problems.add(finding(kept, Kind.WAITING, "never takes effect in this file: " + waiting.reason()
                        + hint(kept, byComplaint)));
            }
        });
        problems.sort(Comparator.comparingInt((Finding f) -> f.origin().row()));
        long complaints = byKeyAndId.values().stream().filter(v -> v.event().event() instanceof ComplaintReceived).count();
        return new Report(shape, read.size(), valid, (int) complaints, problems, repeats);
    }

    private static Finding finding(ReadEvent.Valid valid, Kind kind, String reason) {
        EventEnvelope event = valid.event();
        return new Finding(valid.origin(), kind, event.complaintId(), event.eventType(), event.eventId().toString(),
                reason);
    }

    /**
     * What in the file explains a refused event: a date earlier than one the same complaint had on an earlier
     * row (a date that goes backwards), or the complaint's receipt coming later in the file (the service reads
     * each complaint's events in the order sent).
     */
    private static String hint(ReadEvent.Valid refused, Map<String, List<ReadEvent.Valid>> byComplaint) {
        List<ReadEvent.Valid> complaint = byComplaint.getOrDefault(refused.event().complaintId(), List.of());
        int at = complaint.indexOf(refused);
        Optional<ReadEvent.Valid> later = complaint.subList(0, Math.max(at, 0)).stream()
                .filter(earlier -> earlier.event().businessDate().isAfter(refused.event().businessDate()))
                .findFirst();
        if (later.isPresent()) {
            return "; its date " + refused.event().businessDate() + " goes back before "
                    + later.get().event().eventType() + " on " + later.get().origin() + " ("
                    + later.get().event().businessDate() + ")";
        }
        return complaint.subList(at + 1, complaint.size()).stream()
                .filter(next -> next.event().event() instanceof ComplaintReceived).findFirst()
                .map(receipt -> "; the complaint is received later in the file, on " + receipt.origin()
                        + ", and the service reads each complaint's events in the order sent")
                .orElse("");
    }

    /** One event of one complaint: the service drops a repeated eventId within a complaint's history. */
    private record EventKey(String complaintId, UUID eventId) {
    }
}
