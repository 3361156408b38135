package io.complaintskpi.simulate;

import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.demo.LiveComplaintsSimulator;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.rules.FinancialYear;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Years of complaints for many authorities, day by day: one {@link LiveComplaintsSimulator} per authority
 * (the demo's children's-complaint lifecycle, shaped like the seed report), ticked once each working day
 * at 10:00 London time. Deterministic: the same plan gives the same events, ids included (each
 * authority's random stream is seeded from the plan's seed and the authority's number).
 */
public final class Simulation {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();
    private static final LocalTime TICK = LocalTime.of(10, 0);
    /** The seed's compliments per complaint received, roughly (table 11 beside table 2). */
    private static final double COMPLIMENTS_PER_COMPLAINT = 0.25;

    /**
     * @param authorities       how many authorities, coded SIM0001, SIM0002, ...
     * @param firstYear         the first financial year simulated
     * @param years             how many financial years
     * @param complaintsPerYear stage 1 complaints received per authority and year
     * @param seed              the random seed
     */
    public record Plan(int authorities, FinancialYear firstYear, int years, int complaintsPerYear, long seed) {

        public Plan {
            if (authorities < 1 || years < 1 || complaintsPerYear < 1) {
                throw new IllegalArgumentException("authorities, years and complaints per year must be positive");
            }
        }

        public static String authority(int index) {
            return String.format("SIM%04d", index + 1);
        }
    }

    private final Plan plan;
    private final List<LocalDate> days;

    public Simulation(Plan plan) {
        this.plan = plan;
        this.days = workingDays(plan.firstYear().start(), new FinancialYear(plan.firstYear().startYear()
                + plan.years() - 1).end());
    }

    public Plan plan() {
        return plan;
    }

    /** Each working day's events, all authorities, in day order; each authority's events in time order. */
    public Iterator<List<EventEnvelope>> days() {
        double perTick = (double) plan.complaintsPerYear() * plan.years() / days.size();
        List<LiveComplaintsSimulator> simulators = new ArrayList<>();
        for (int i = 0; i < plan.authorities(); i++) {
            String authority = Plan.authority(i);
            LiveComplaintsSimulator.Settings settings = new LiveComplaintsSimulator.Settings(authority, perTick,
                    perTick * COMPLIMENTS_PER_COMPLAINT, 0, 1, 0.0, authority + "-");
            simulators.add(new LiveComplaintsSimulator(settings, Clock.systemUTC(),
                    new Random(plan.seed() * 1_000_003L + i)));
        }
        Iterator<LocalDate> dates = days.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return dates.hasNext();
            }

            @Override
            public List<EventEnvelope> next() {
                if (!dates.hasNext()) {
                    throw new NoSuchElementException();
                }
                var now = dates.next().atTime(TICK).atZone(EventEnvelope.LONDON).toInstant();
                List<EventEnvelope> events = new ArrayList<>();
                simulators.forEach(simulator -> events.addAll(simulator.next(now)));
                return events;
            }
        };
    }

    /**
     * Sends every day's events to the sink, stopping once {@code limit} events are out (the last day cut
     * short), and returns how many were sent. The progress bar on {@code terminal} follows the days or
     * the limit, whichever ends the run first.
     */
    public long writeTo(EventSink sink, PrintStream terminal, long limit) {
        int steps = 10_000;
        Progress progress = new Progress(terminal, "simulate", "events", steps);
        long sent = 0;
        int day = 0;
        for (Iterator<List<EventEnvelope>> it = days(); it.hasNext() && sent < limit; ) {
            List<EventEnvelope> events = it.next();
            List<EventEnvelope> taken = events.subList(0, (int) Math.min(events.size(), limit - sent));
            sink.accept(taken);
            sent += taken.size();
            day++;
            progress.update(Math.max((long) day * steps / days.size(), sent * steps / limit), sent);
        }
        progress.finish(sent);
        return sent;
    }

    private static List<LocalDate> workingDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (CALENDAR.isWorkingDay(day)) {
                days.add(day);
            }
        }
        return days;
    }
}
