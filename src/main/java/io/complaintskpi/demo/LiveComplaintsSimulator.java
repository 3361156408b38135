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
 * investigation costs, escalation to a stage 3 panel, conciliation, withdrawal), at most one step per complaint per tick. Everything it
 * emits obeys the lifecycle rules because it only moves the complaints it created.
 *
 * <p>The first tick also emits a backlog: complaints received on the previous working days (up to
 * {@link Settings#backlogDays()} back), some never to be answered (always the oldest). Their responses
 * arrive live, some late, and the unanswered ones breach their deadlines; complaints received live are
 * answered within minutes.
 * Mix, areas and causes follow the seed's 2015/16 figures. Deterministic for a given seed and sequence of
 * tick instants. Pure Java: publishing is {@link DemoPublisher}'s job.
 */
public final class LiveComplaintsSimulator {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /**
     * @param authority          the authority of every event
     * @param complaintsPerTick  the chance of a new complaint in a tick (0 to 1)
     * @param complimentsPerTick the chance of a compliment in a tick (0 to 1)
     * @param backlog            complaints already open when the simulation starts
     * @param backlogDays        how many working days back the backlog was received
     * @param neverAnswered      the share of complaints that never get a response (they will breach)
     * @param keyPrefix          start of every key, before the first tick's time stamp
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
    private String keyPrefix;
    private Instant lastTick;
    private int complaints;
    private int compliments;

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
            keyPrefix = settings.keyPrefix() + STAMP.format(now.atZone(EventEnvelope.LONDON)) + "-";
            events.addAll(backlog(today(now)));
        } else if (Duration.between(lastTick, now).compareTo(Duration.ofSeconds(1)) < 0) {
            return List.of();
        }
        lastTick = now;
        List<Step> steps = new ArrayList<>();
        for (LiveCase complaint : List.copyOf(open.values())) {
            ComplaintEvent event = complaint.step();
            if (event != null) {
                steps.add(new Step(complaint.key, event));
            }
            if (complaint.finished) {
                open.remove(complaint.key);
            }
        }
        for (int i = arrivals(settings.complaintsPerTick()); i > 0; i--) {
            LiveCase complaint = receive(random.nextDouble() >= settings.neverAnswered());
            steps.add(new Step(complaint.key, complaint.received()));
        }
        if (random.nextDouble() < settings.complimentsPerTick()) {
            steps.add(new Step(keyPrefix + String.format("CMP%04d", ++compliments),
                    new ComplimentReceived(weighted(SeedYears.Y2015.compliments()))));
        }
        for (int i = 0; i < steps.size(); i++) {
            Instant at = now.minusMillis(steps.size() - 1 - i);
            events.add(envelope(steps.get(i), OffsetDateTime.ofInstant(at, EventEnvelope.LONDON)));
        }
        return events;
    }

    /**
     * Complaints received on earlier working days, spread from {@code backlogDays} back to yesterday and
     * acknowledged the working day after receipt. The oldest is never answered, so a breach shows at once.
     */
    private List<EventEnvelope> backlog(LocalDate today) {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < settings.backlog(); i++) {
            int daysAgo = Math.max(1, settings.backlogDays() * (settings.backlog() - i) / settings.backlog());
            LocalDate received = CALENDAR.workingDaysBefore(today, daysAgo);
            LiveCase complaint = receive(i > 0 && random.nextDouble() >= settings.neverAnswered());
            events.add(envelope(new Step(complaint.key, complaint.received()), officeHours(received, 0)));
            LocalDate acknowledged = CALENDAR.addWorkingDays(received, 1);
            if (acknowledged.isBefore(today)) {
                complaint.acknowledged = true;
                events.add(envelope(new Step(complaint.key, new ComplaintAcknowledged(1)), officeHours(acknowledged, 1)));
            }
        }
        events.sort(Comparator.comparing(e -> e.occurredAt().toInstant()));
        return events;
    }

    private LiveCase receive(boolean answered) {
        LiveCase complaint = new LiveCase(keyPrefix + String.format("C%04d", ++complaints), answered);
        open.put(complaint.key, complaint);
        return complaint;
    }

    private OffsetDateTime officeHours(LocalDate date, int order) {
        return date.atTime(9 + order * 3, random.nextInt(60), 1 + random.nextInt(59))
                .atZone(EventEnvelope.LONDON).toOffsetDateTime();
    }

    private EventEnvelope envelope(Step step, OffsetDateTime at) {
        UUID id = UUID.nameUUIDFromBytes((settings.authority() + "/" + step.key() + "/" + at)
                .getBytes(StandardCharsets.UTF_8));
        return new EventEnvelope(id, at, step.key(), settings.authority(), 1, step.event());
    }

    /** The whole part of the expected number, plus one more with the chance of the fraction. */
    private int arrivals(double expected) {
        int whole = (int) expected;
        return whole + (random.nextDouble() < expected - whole ? 1 : 0);
    }

    private static LocalDate today(Instant now) {
        return now.atZone(EventEnvelope.LONDON).toLocalDate();
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T weighted(Map<T, Integer> weights) {
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

    private record Step(String key, ComplaintEvent event) {
    }

    /** What the simulator knows of one complaint it created. */
    private final class LiveCase {
        private final String key;
        private final boolean answered;
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

        LiveCase(String key, boolean answered) {
            this.key = key;
            this.answered = answered;
        }

        ComplaintReceived received() {
            return new ComplaintReceived(Regime.CHILDREN, weighted(SeedYears.Y2015.serviceAreas()),
                    weighted(SeedYears.Y2015.complainants()), null);
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
            Outcome outcome = weighted(SeedYears.Y2015.outcomes());
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
            return new StageResponded(2, weighted(SeedYears.Y2015.outcomes()), List.of());
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
            return new StageResponded(3, weighted(SeedYears.Y2015.outcomes()), List.of());
        }

        private Cause cause() {
            Map<Cause, Integer> weights = new LinkedHashMap<>();
            SeedYears.Y2015.causes().forEach((cause, quota) -> weights.put(cause, weight(quota)));
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
