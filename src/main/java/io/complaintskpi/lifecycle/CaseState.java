package io.complaintskpi.lifecycle;

import io.complaintskpi.events.ComplaintEvent;

import java.util.ArrayList;
import java.util.List;

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
}
