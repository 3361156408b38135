package io.complaintskpi.testing;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.AlertKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            if (alert.kind() == AlertKind.CLEARED && !byIdentity.containsKey(alert.clears() + " " + alert.id())) {
                breaches.add("CLEARED " + alert.id() + " without the alert it ends before it: " + p.where());
            }
            byIdentity.computeIfAbsent(alert.kind() + " " + alert.id(), k -> new ArrayList<>()).add(p);
        }
        byIdentity.forEach((identity, copies) -> {
            if (copies.size() > 1) {
                breaches.add(identity + " published " + copies.size() + " times: "
                        + copies.stream().map(Published::where).toList());
            }
        });
        return breaches;
    }
}
