package io.complaintskpi.demo;

import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.events.ComplaintEvent;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanRecommendationCompleted;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanRecommendationMade;
import io.complaintskpi.events.RecommendationKind;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * What follows an upheld Ombudsman decision in the simulated history: the recommendations it makes (an apology, the
 * payment of its remedy, most times a procedure review, staff training or a service improvement; due one month
 * after being made, three for the review, training or improvement) and the council meeting them, evidence sent: 70%
 * within ten working days, 20% after the due date, the rest not (their alerts stay open). One event a tick, from the
 * case's own random numbers, so a simulation stays deterministic.
 */
final class OmbudsmanRemedies {

    /** The share of recommendations met on time, and met late; the rest are never met in the simulation. */
    static final double ON_TIME = 0.7;
    static final double LATE = 0.2;
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();
    private static final List<RecommendationKind> CHANGES = List.of(RecommendationKind.PROCEDURE_REVIEW,
            RecommendationKind.STAFF_TRAINING, RecommendationKind.SERVICE_IMPROVEMENT);

    private record Planned(int number, RecommendationKind kind, long amountPence, int months) {
    }

    private record Completion(int number, LocalDate on) {
    }

    private final Random random;
    private final Deque<Planned> toMake = new ArrayDeque<>();
    private final List<Completion> toComplete = new ArrayList<>();

    /** The recommendations of a decision with a remedy of {@code remedyPence} (0: none to pay). */
    OmbudsmanRemedies(Random random, long remedyPence) {
        this.random = random;
        plan(RecommendationKind.APOLOGY, 0, 1);
        if (remedyPence > 0) {
            plan(RecommendationKind.PAYMENT, remedyPence, 1);
        }
        if (random.nextDouble() < 0.7) {
            plan(CHANGES.get(random.nextInt(CHANGES.size())), 0, 3);
        }
    }

    private void plan(RecommendationKind kind, long amountPence, int months) {
        toMake.add(new Planned(toMake.size() + 1, kind, amountPence, months));
    }

    /** The event of {@code today}: the next recommendation made, else one met by today; null when neither. */
    ComplaintEvent next(LocalDate today) {
        if (!toMake.isEmpty()) {
            Planned planned = toMake.removeFirst();
            LocalDate due = today.plusMonths(planned.months());
            double fate = random.nextDouble();
            if (fate < ON_TIME) {
                toComplete.add(new Completion(planned.number(), CALENDAR.addWorkingDays(today, 1 + random.nextInt(10))));
            } else if (fate < ON_TIME + LATE) {
                toComplete.add(new Completion(planned.number(), due.plusDays(1 + random.nextInt(20))));
            }
            return new OmbudsmanRecommendationMade(planned.number(), planned.kind(), planned.amountPence(), due);
        }
        Optional<Completion> met = toComplete.stream().filter(c -> !c.on().isAfter(today)).findFirst();
        met.ifPresent(toComplete::remove);
        return met.map(c -> new OmbudsmanRecommendationCompleted(c.number(), true)).orElse(null);
    }

    /** Every recommendation made and every one to be met, met: nothing more will happen. */
    boolean done() {
        return toMake.isEmpty() && toComplete.isEmpty();
    }
}
