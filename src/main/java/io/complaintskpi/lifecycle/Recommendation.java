package io.complaintskpi.lifecycle;

import io.complaintskpi.events.RecommendationKind;
import io.complaintskpi.rules.Timescale.Milestone;

import java.time.LocalDate;

/**
 * One recommendation the Ombudsman made on a case: its number, kind, payment amount (pence, 0 unless a payment), the
 * day it was made and the day it is due; {@code completedOn} is the day the council completed it with evidence sent to
 * the Ombudsman (null while it has not), which is when the Ombudsman counts it as complied with.
 */
public record Recommendation(int number, RecommendationKind kind, long amountPence, LocalDate madeOn, LocalDate due,
                             LocalDate completedOn) {

    public boolean completed() {
        return completedOn != null;
    }

    /** Complied with by its due date (the Ombudsman's compliance measure). */
    public boolean completedOnTime() {
        return completed() && !completedOn.isAfter(due);
    }

    /** The deadline it sets: its number stands in the stage's place, so each recommendation has its own. */
    public Deadline deadline() {
        return new Deadline(number, Milestone.RECOMMENDATION, due);
    }

    Recommendation completed(LocalDate on) {
        return new Recommendation(number, kind, amountPence, madeOn, due, on);
    }
}
