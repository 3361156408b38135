package io.complaintskpi.demo;

import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.demo.SeedYear.CauseQuota;
import io.complaintskpi.events.ActionKind;
import io.complaintskpi.events.AdrKind;
import io.complaintskpi.events.Cause;
import io.complaintskpi.events.CauseFinding;
import io.complaintskpi.events.ComplaintEvent;
import io.complaintskpi.events.ComplaintEvent.ActionTaken;
import io.complaintskpi.events.ComplaintEvent.AdrHeld;
import io.complaintskpi.events.ComplaintEvent.ComplaintAcknowledged;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.ComplaintEvent.ComplaintWithdrawn;
import io.complaintskpi.events.ComplaintEvent.ComplimentReceived;
import io.complaintskpi.events.ComplaintEvent.CostIncurred;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.ComplaintEvent.PanelHeld;
import io.complaintskpi.events.ComplaintEvent.PanelReportIssued;
import io.complaintskpi.events.ComplaintEvent.StageResponded;
import io.complaintskpi.events.ComplaintEvent.StatementAgreed;
import io.complaintskpi.events.CostCategory;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.events.Regime;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A synthetic, ongoing stream of children's complaints "now", for the live part of the demo. Each call to
 * {@link #next(Instant)} is one tick: new complaints and compliments arrive, and tracked complaints move on
 * (acknowledgement, extension, response, apology, escalation to stage 2, statement, adjudication,
 * investigation costs, escalation to a stage 3 panel, conciliation, withdrawal), at most one step per
 * complaint per tick. Everything it emits obeys the lifecycle rules because it only moves the complaints it
 * created.
 *
 * <p>The first tick also emits a backlog: complaints received on the previous working days (up to
 * {@link Settings#backlogDays()} back), some never to be answered. Their responses arrive live, some late,
 * and the unanswered ones breach their deadlines; complaints received live are answered within minutes.
 * Mix, areas and causes follow the seed's 2015/16 figures. Pure Java: publishing is {@link DemoPublisher}'s job.
 *
 * <p>Restartable: what happens to a complaint depends only on the complaint (its own random numbers are
 * seeded by its key), the backlog of a day only on the day, and an event's id on its complaint and its
 * place in the complaint's history. So a demo restarted the same day publishes its backlog and each
 * complaint's steps again with the same ids, which the service drops as duplicates: only what is new counts.
 * The seed given to the constructor drives only what arrives live. Deterministic for a given seed and
 * sequence of tick instants.
 */
public final class LiveComplaintsSimulator {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /**
     * @param authority          the authority of every event
     * @param complaintsPerTick  the expected number of new complaints in a tick (below 1: the chance of one)
     * @param complimentsPerTick the chance of a compliment in a tick (0 to 1)
     * @param backlog            complaints already open when the simulation starts
     * @param backlogDays        how many working days back the backlog was received
     * @param neverAnswered      the share of complaints that never get a response (they will breach)
     * @param keyPrefix          start of every key (before the time stamp), e.g. one per authority
     */
    public record Settings(String authority, double complaintsPerTick, double complimentsPerTick, int backlog,
                           int backlogDays, double neverAnswered, String keyPrefix) {

        public Settings(String authority, double complaintsPerTick, double complimentsPerTick, int backlog,
                        int backlogDays, double neverAnswered) {
            this(authority, complaintsPerTick, complimentsPerTick, backlog, backlogDays, neverAnswered, "LIVE-");
        }

        public static Settings defaults() {
            return new Settings(SeedHistory.AUTHORITY, 0.3, 0.08, 12, 30, 0.1);
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final Random random;
    private final Map<String, LiveCase> open = new LinkedHashMap<>();
    private Instant lastTick;

    public LiveComplaintsSimulator(Clock clock, Random random) {
        this(Settings.defaults(), clock, random);
    }

    public LiveComplaintsSimulator(Settings settings, Clock clock, Random random) {
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /** One tick at the clock's instant. */
    public List<EventEnvelope> next() {
        return next(clock.instant());
    }

    /**
     * One tick at {@code now}: the events that happened since the previous tick, in occurredAt order. A
     * tick less than a second after the previous one is empty (each event gets its own millisecond).
     */
    public List<EventEnvelope> next(Instant now) {
        List<EventEnvelope> events = new ArrayList<>();
        if (lastTick == null) {
            events.addAll(backlog(today(now)));
        } else if (Duration.between(lastTick, now).compareTo(Duration.ofSeconds(1)) < 0) {
            return List.of();
        }
        lastTick = now;
        List<Step> steps = new ArrayList<>();
        for (LiveCase complaint : List.copyOf(open.values())) {
            ComplaintEvent event = complaint.step();
            if (event != null) {
                steps.add(new Step(complaint.key, event, ++complaint.events));
            }
            if (complaint.finished) {
                open.remove(complaint.key);
            }
        }
        // Arrivals are keyed by the second they arrive in: ticks are at least a second apart, so a key
        // received live is never used again, by this run or a restarted one.
        String stamp = TIME.format(now.atZone(EventEnvelope.LONDON));
        for (int i = 0, arrivals = arrivals(settings.complaintsPerTick()); i < arrivals; i++) {
            LiveCase complaint = receive(settings.keyPrefix() + stamp + "-C" + (i == 0 ? "" : String.valueOf(i + 1)));
            steps.add(new Step(complaint.key, complaint.received(), ++complaint.events));
        }
        if (random.nextDouble() < settings.complimentsPerTick()) {
            steps.add(new Step(settings.keyPrefix() + stamp + "-CMP",
                    new ComplimentReceived(weighted(SeedYears.SEED.last().compliments(), random)), 1));
        }
        for (int i = 0; i < steps.size(); i++) {
            Instant at = now.minusMillis(steps.size() - 1 - i);
            events.add(envelope(steps.get(i), OffsetDateTime.ofInstant(at, EventEnvelope.LONDON)));
        }
        return events;
    }

    /**
     * Complaints received on the {@code backlogDays} working days before today, acknowledged the working day
     * after receipt. Which complaints a day brings depends only on the day, so a restart brings the same.
     */
    private List<EventEnvelope> backlog(LocalDate today) {
        List<EventEnvelope> events = new ArrayList<>();
        double perDay = (double) settings.backlog() / settings.backlogDays();
        for (int daysAgo = settings.backlogDays(); daysAgo >= 1; daysAgo--) {
            LocalDate received = CALENDAR.workingDaysBefore(today, daysAgo);
            Random day = seeded(received.toString());
            int count = (int) perDay + (day.nextDouble() < perDay - (int) perDay ? 1 : 0);
            for (int n = 1; n <= count; n++) {
                LiveCase complaint = receive(settings.keyPrefix() + DAY.format(received) + "-B" + n);
                events.add(envelope(new Step(complaint.key, complaint.received(), ++complaint.events),
                        complaint.officeHours(received, 0)));
                LocalDate acknowledged = CALENDAR.addWorkingDays(received, 1);
                if (acknowledged.isBefore(today)) {
                    complaint.acknowledged = true;
                    events.add(envelope(new Step(complaint.key, new ComplaintAcknowledged(1), ++complaint.events),
                            complaint.officeHours(acknowledged, 1)));
                }
            }
        }
        events.sort(Comparator.comparing(e -> e.occurredAt().toInstant()));
        return events;
    }

    /** The whole part of the expected number, plus one more with the chance of the fraction. */
    private int arrivals(double expected) {
        int whole = (int) expected;
        return whole + (random.nextDouble() < expected - whole ? 1 : 0);
    }

    private LiveCase receive(String key) {
        LiveCase complaint = new LiveCase(key, seeded(key));
        open.put(complaint.key, complaint);
        return complaint;
    }

    /** Random numbers that depend only on the authority and {@code what}: the same after a restart. */
    private Random seeded(String what) {
        return new Random(UUID.nameUUIDFromBytes((settings.authority() + "/" + what)
                .getBytes(StandardCharsets.UTF_8)).getMostSignificantBits());
    }

    /** The event's id is its complaint's and its place in the complaint's history: a restart repeats it. */
    private EventEnvelope envelope(Step step, OffsetDateTime at) {
        UUID id = UUID.nameUUIDFromBytes((settings.authority() + "/" + step.key() + "/" + step.ordinal())
                .getBytes(StandardCharsets.UTF_8));
        return new EventEnvelope(id, at, step.key(), settings.authority(), 1, step.event());
    }

    private static LocalDate today(Instant now) {
        return now.atZone(EventEnvelope.LONDON).toLocalDate();
    }

    private static <T> T weighted(Map<T, Integer> weights, Random random) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int pick = random.nextInt(total);
        for (Map.Entry<T, Integer> entry : weights.entrySet()) {
            pick -= entry.getValue();
            if (pick < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    /** An event of a complaint, {@code ordinal}-th in its history. */
    private record Step(String key, ComplaintEvent event, int ordinal) {
    }

    /** What the simulator knows of one complaint it created. */
    private final class LiveCase {
        private final String key;
        private final Random random;
        private final boolean answered;
        private int events;
        private int stage = 1;
        private boolean acknowledged;
        private boolean extended;
        private boolean closed;
        private boolean upheld;
        private boolean apologised;
        private boolean statementAgreed;
        private boolean panelHeld;
        private boolean panelReported;
        private final List<CostIncurred> costsDue = new ArrayList<>();
        private boolean finished;

        LiveCase(String key, Random random) {
            this.key = key;
            this.random = random;
            this.answered = random.nextDouble() >= settings.neverAnswered();
        }

        ComplaintReceived received() {
            return new ComplaintReceived(Regime.CHILDREN, weighted(SeedYears.SEED.last().serviceAreas()),
                    weighted(SeedYears.SEED.last().complainants()), null);
        }

        private OffsetDateTime officeHours(LocalDate date, int order) {
            return date.atTime(9 + order * 3, random.nextInt(60), 1 + random.nextInt(59))
                    .atZone(EventEnvelope.LONDON).toOffsetDateTime();
        }

        private boolean chance(double p) {
            return random.nextDouble() < p;
        }

        private <T> T weighted(Map<T, Integer> weights) {
            return LiveComplaintsSimulator.weighted(weights, random);
        }

        /** This tick's event for the complaint, or null when nothing happens to it. */
        ComplaintEvent step() {
            if (!acknowledged) {
                acknowledged = chance(0.5);
                return acknowledged ? new ComplaintAcknowledged(stage) : null;
            }
            if (!closed) {
                return switch (stage) {
                    case 1 -> stageOne();
                    case 2 -> stageTwo();
                    default -> stageThree();
                };
            }
            if (upheld && !apologised) {
                apologised = true;
                return new ActionTaken(ActionKind.APOLOGY);
            }
            if (!costsDue.isEmpty()) {
                return costsDue.remove(0);
            }
            if (stage == 1 && !upheld && chance(0.1)) {
                stage = 2;
                closed = false;
                acknowledged = false;
                return new EscalationRequested(2);
            }
            if (stage == 2 && chance(0.15)) {
                stage = 3;
                closed = false;
                acknowledged = false;
                return new EscalationRequested(3);
            }
            if (stage == 1 && chance(0.05)) {
                finished = true;
                return new AdrHeld(AdrKind.CONCILIATION, true, true);
            }
            finished = chance(0.3);
            return null;
        }

        private ComplaintEvent stageOne() {
            if (!extended && chance(0.03)) {
                extended = true;
                return new ExtensionAgreed(1, 20, null);
            }
            if (!answered) {
                return null;
            }
            if (chance(0.01)) {
                finished = true;
                return new ComplaintWithdrawn();
            }
            if (!chance(0.12)) {
                return null;
            }
            closed = true;
            Outcome outcome = weighted(SeedYears.SEED.last().outcomes());
            upheld = outcome.upheld();
            return new StageResponded(1, outcome, outcome == Outcome.NO_FINDING ? List.of()
                    : List.of(new CauseFinding(cause(), upheld)));
        }

        private ComplaintEvent stageTwo() {
            if (!statementAgreed) {
                statementAgreed = chance(0.3);
                if (statementAgreed) {
                    costsDue.add(new CostIncurred(CostCategory.INVESTIGATING_OFFICER, pounds10(30, 90)));
                }
                return statementAgreed ? new StatementAgreed() : null;
            }
            if (!costsDue.isEmpty()) {
                return costsDue.remove(0);
            }
            if (chance(0.02)) {
                finished = true;
                return new ComplaintWithdrawn();
            }
            if (!chance(0.08)) {
                return null;
            }
            closed = true;
            costsDue.add(new CostIncurred(CostCategory.INVESTIGATING_OFFICER, pounds10(60, 180)));
            costsDue.add(new CostIncurred(CostCategory.INDEPENDENT_PERSON, pounds10(30, 90)));
            return new StageResponded(2, weighted(SeedYears.SEED.last().outcomes()), List.of());
        }

        /** Panel, its report, then the authority's response; the panel's cost is invoiced after it sits. */
        private ComplaintEvent stageThree() {
            if (!panelHeld) {
                panelHeld = chance(0.1);
                if (panelHeld) {
                    costsDue.add(new CostIncurred(CostCategory.STAGE3_PANEL, pounds10(40, 120)));
                }
                return panelHeld ? new PanelHeld() : null;
            }
            if (!costsDue.isEmpty()) {
                return costsDue.remove(0);
            }
            if (!panelReported) {
                panelReported = chance(0.3);
                return panelReported ? new PanelReportIssued() : null;
            }
            if (!chance(0.15)) {
                return null;
            }
            closed = true;
            return new StageResponded(3, weighted(SeedYears.SEED.last().outcomes()), List.of());
        }

        private Cause cause() {
            Map<Cause, Integer> weights = new LinkedHashMap<>();
            SeedYears.SEED.last().causes().forEach((cause, quota) -> weights.put(cause, weight(quota)));
            return weighted(weights);
        }

        private int weight(CauseQuota quota) {
            return upheld ? Math.max(1, quota.upheld()) : Math.max(1, quota.resolved() - quota.upheld());
        }

        /** A random whole number of £10 between the bounds, in pence. */
        private long pounds10(int fromTens, int toTens) {
            return (fromTens + random.nextInt(toTens - fromTens + 1)) * 1_000L;
        }
    }
}
