package io.complaintskpi.lifecycle;

import io.complaintskpi.events.ComplaintEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything known under one record key: the complaint's lifecycle (null for keys that only carry
 * compliments, Ombudsman cases, costs or context figures) and the events that count on their own.
 */
public record CaseState(String key, String authority, Complaint complaint, List<Dated<ComplaintEvent>> ledger) {

    public CaseState {
        ledger = List.copyOf(ledger);
    }

    static CaseState empty(String key, String authority) {
        return new CaseState(key, authority, null, List.of());
    }

    CaseState withComplaint(Complaint next) {
        return new CaseState(key, authority, next, ledger);
    }

    CaseState withLedger(Dated<ComplaintEvent> entry) {
        List<Dated<ComplaintEvent>> next = new ArrayList<>(ledger);
        next.add(entry);
        return new CaseState(key, authority, complaint, next);
    }

    boolean has(Class<? extends ComplaintEvent> type) {
        return ledger.stream().anyMatch(d -> type.isInstance(d.value()));
    }
}
