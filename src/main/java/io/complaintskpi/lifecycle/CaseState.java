package io.complaintskpi.lifecycle;

import io.complaintskpi.events.ComplaintEvent;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanEnquiryReceived;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanRecommendationCompleted;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanRecommendationMade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything known under one record key: the complaint's lifecycle (null for keys that only carry
 * compliments, Ombudsman cases, costs or context figures), the events that count on their own, and the
 * events that wait for an earlier step still to arrive (they count nowhere until it does).
 */
public record CaseState(String key, String authority, Complaint complaint, List<Dated<ComplaintEvent>> ledger,
                        List<Awaiting> awaiting) {

    public CaseState {
        ledger = List.copyOf(ledger);
        awaiting = List.copyOf(awaiting);
    }

    static CaseState empty(String key, String authority) {
        return new CaseState(key, authority, null, List.of(), List.of());
    }

    CaseState withComplaint(Complaint next) {
        return new CaseState(key, authority, next, ledger, awaiting);
    }

    CaseState withLedger(Dated<ComplaintEvent> entry) {
        List<Dated<ComplaintEvent>> next = new ArrayList<>(ledger);
        next.add(entry);
        return new CaseState(key, authority, complaint, next, awaiting);
    }

    CaseState withAwaiting(Awaiting waiting) {
        List<Awaiting> next = new ArrayList<>(awaiting);
        next.add(waiting);
        return new CaseState(key, authority, complaint, ledger, next);
    }

    boolean has(Class<? extends ComplaintEvent> type) {
        return ledger.stream().anyMatch(d -> type.isInstance(d.value()));
    }

    /** The Ombudsman's enquiry this key holds, if it is an Ombudsman case. */
    public Optional<OmbudsmanEnquiryReceived> ombudsmanEnquiry() {
        return ledger.stream().map(Dated::value).filter(OmbudsmanEnquiryReceived.class::isInstance)
                .map(OmbudsmanEnquiryReceived.class::cast).findFirst();
    }

    /**
     * The Ombudsman's recommendations on this case in number order, each completed on the day of its first
     * completion with evidence sent (the ledger is in business-time order).
     */
    public List<Recommendation> recommendations() {
        Map<Integer, Recommendation> byNumber = new LinkedHashMap<>();
        for (Dated<ComplaintEvent> entry : ledger) {
            if (entry.value() instanceof OmbudsmanRecommendationMade made) {
                byNumber.put(made.recommendation(), new Recommendation(made.recommendation(), made.kind(),
                        made.amountPence(), entry.on(), made.dueDate(), null));
            } else if (entry.value() instanceof OmbudsmanRecommendationCompleted done && done.evidenceSent()) {
                byNumber.computeIfPresent(done.recommendation(),
                        (n, r) -> r.completed() ? r : r.completed(entry.on()));
            }
        }
        return byNumber.values().stream().sorted(Comparator.comparingInt(Recommendation::number)).toList();
    }

    Optional<Recommendation> recommendation(int number) {
        return recommendations().stream().filter(r -> r.number() == number).findFirst();
    }
}
