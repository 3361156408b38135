package io.complaintskpi.testing;

import io.complaintskpi.events.ComplaintEvent.OmbudsmanRecommendationCompleted;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanRecommendationMade;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.RecommendationKind;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What became of the Ombudsman's recommendations in a stream of generated events, counted from the events alone
 * (independently of the service's rules): met by the due date, met after it, not met by the end of the stream;
 * and how many were payments with an amount.
 */
public record RecommendationFates(long onTime, long late, long open, long payments) {

    public static RecommendationFates of(List<EventEnvelope> events) {
        Map<String, LocalDate> due = new HashMap<>();
        Map<String, LocalDate> met = new HashMap<>();
        long payments = 0;
        for (EventEnvelope e : events) {
            if (e.event() instanceof OmbudsmanRecommendationMade made) {
                due.put(e.complaintId() + "#" + made.recommendation(), made.dueDate());
                payments += made.kind() == RecommendationKind.PAYMENT && made.amountPence() > 0 ? 1 : 0;
            } else if (e.event() instanceof OmbudsmanRecommendationCompleted done && done.evidenceSent()) {
                met.putIfAbsent(e.complaintId() + "#" + done.recommendation(), e.businessDate());
            }
        }
        long onTime = due.entrySet().stream().filter(d -> met.containsKey(d.getKey())
                && !met.get(d.getKey()).isAfter(d.getValue())).count();
        long late = due.keySet().stream().filter(met::containsKey).count() - onTime;
        return new RecommendationFates(onTime, late, due.size() - onTime - late, payments);
    }
}
