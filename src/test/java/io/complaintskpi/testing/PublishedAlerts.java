package io.complaintskpi.testing;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.AlertId;
import io.complaintskpi.alerts.AlertKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule of complaint-alerts, checked on what was published: each alert once per deadline and kind, and
 * each CLEARED once, after the alert it ends. An alert and the CLEARED that ends it share {@link Alert#id()}
 * (a CLEARED names the alert it ends), so they are told apart by their kind: the pair is not a repeat.
 */
public final class PublishedAlerts {

    /** One alert as read from the topic. */
    public record Published(Alert alert, int partition, long offset) {
        String where() {
            return "raisedAt " + alert.raisedAt() + " at " + partition + "@" + offset;
        }
    }

    private PublishedAlerts() {
    }

    /** What breaks the rule, one line per alert, with where and when each copy was published; empty if nothing. */
    public static List<String> breaches(List<Published> published) {
        List<Published> inOrder = published.stream()
                .sorted(Comparator.comparingInt(Published::partition).thenComparingLong(Published::offset))
                .toList();
        Map<String, List<Published>> byIdentity = new LinkedHashMap<>();
        List<String> breaches = new ArrayList<>();
        for (Published p : inOrder) {
            Alert alert = p.alert();
            if (alert.kind() == AlertKind.CLEARED && !byIdentity.containsKey(alert.clears() + " " + text(alert.id()))) {
                breaches.add("CLEARED " + text(alert.id()) + " without the alert it ends before it: " + p.where());
            }
            byIdentity.computeIfAbsent(alert.kind() + " " + text(alert.id()), k -> new ArrayList<>()).add(p);
        }
        byIdentity.forEach((identity, copies) -> {
            if (copies.size() > 1) {
                breaches.add(identity + " published " + copies.size() + " times: "
                        + copies.stream().map(Published::where).toList());
            }
        });
        return breaches;
    }

    /**
     * What the published alerts get wrong against {@code expected}, the ids ({@link Alert#id()}) of the alerts
     * that must be open now, worked out apart from the service: one line per expected alert never raised,
     * raised more than once, or raised and then CLEARED, and per alert left open that is not expected. Empty
     * when every expected alert was raised exactly once and is the only one open.
     */
    public static List<String> againstExpected(Set<AlertId> expected, List<Published> published) {
        Map<AlertId, Integer> raised = new HashMap<>();
        Set<AlertId> open = new HashSet<>();
        published.stream().sorted(Comparator.comparingInt(Published::partition).thenComparingLong(Published::offset))
                .forEach(p -> {
                    if (p.alert().kind() == AlertKind.CLEARED) {
                        open.remove(p.alert().id());
                    } else {
                        raised.merge(p.alert().id(), 1, Integer::sum);
                        open.add(p.alert().id());
                    }
                });
        List<String> wrong = new ArrayList<>();
        for (AlertId id : expected) {
            int times = raised.getOrDefault(id, 0);
            if (times == 0) {
                wrong.add(text(id) + ": expected, never raised");
            } else if (times > 1) {
                wrong.add(text(id) + ": expected once, raised " + times + " times");
            } else if (!open.contains(id)) {
                wrong.add(text(id) + ": expected open, raised and then CLEARED");
            }
        }
        open.stream().filter(id -> !expected.contains(id)).forEach(id -> wrong.add(text(id) + ": open, not expected"));
        wrong.sort(Comparator.naturalOrder());
        return wrong;
    }

    /** An alert's identity as a line of a report: complaint|stage|milestone|due date|kind. */
    public static String text(AlertId id) {
        return id.complaintId() + "|" + id.deadline().stage() + "|" + id.deadline().milestone() + "|"
                + id.deadline().due() + "|" + id.kind();
    }
}
