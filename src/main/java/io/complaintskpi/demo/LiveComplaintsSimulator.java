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
import io.complaintskpi.events.ComplainantType;
import io.complaintskpi.events.ComplaintEvent.ComplaintAcknowledged;
import io.complaintskpi.events.ComplaintEvent.ComplaintNotAccepted;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.ComplaintEvent.ComplaintWithdrawn;
import io.complaintskpi.events.ComplaintEvent.ComplimentReceived;
import io.complaintskpi.events.ComplaintEvent.CostIncurred;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanDecision;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanEnquiryReceived;
import io.complaintskpi.events.ComplaintEvent.PanelHeld;
import io.complaintskpi.events.ComplaintEvent.PanelReportIssued;
import io.complaintskpi.events.ComplaintEvent.StageResponded;
import io.complaintskpi.events.ComplaintEvent.StatementAgreed;
import io.complaintskpi.events.CostCategory;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.NotAcceptedReason;
import io.complaintskpi.events.OmbudsmanOutcome;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.FinancialYear;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A synthetic, ongoing stream of a council's complaints "now", for the live part of the demo and for
 * {@code simulate}: children's, adults' and corporate complaints in the shares {@link Mix} gives. Each call to
 * {@link #next(Instant)} is one tick: new complaints, complaints the council does not accept (corporate, with a
 * reason from the Code's list) and compliments arrive, and tracked complaints move on at most one step per
 * complaint per tick. Children's: acknowledgement, extension, response, apology, escalation to stage 2,
 * statement, adjudication, investigation costs, escalation to a stage 3 panel, conciliation, withdrawal.
 * Adults': acknowledgement, an agreed response date (some extended), response, apology and service change.
 * Corporate (the Complaint Handling Code): acknowledgement of each stage, extensions within the Code's limit and
 * beyond it with or without a recorded reason, response, apology and service change, stage 2 on request. Some
 * complaints then go to the Ombudsman, whose enquiry names the complaint and its regime, and decides; an upheld
 * decision's recommendations follow, most met on time, some late, some not yet ({@link OmbudsmanRemedies}).
 * Everything it emits obeys the lifecycle rules because it only moves the complaints it created.
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
     * Which procedures new complaints follow and what else happens to them: {@code adults} and {@code corporate}
     * are the shares of new complaints (the rest are children's), {@code refused} the corporate complaints the
     * council does not accept per complaint received, {@code referred} the share of complaints the complainant
     * takes to the Ombudsman once the council has answered.
     */
    public record Mix(double adults, double corporate, double refused, double referred) {

        /** Children's complaints only, as the seed history. */
        public static final Mix CHILDREN_ONLY = new Mix(0, 0, 0, 0);
        /** A council's three procedures: most complaints corporate, a quarter adults', the rest children's. */
        public static final Mix COUNCIL = new Mix(0.25, 0.4, 0.1, 0.06);
    }

    /**
     * @param authority          the authority of every event
     * @param complaintsPerTick  the expected number of new complaints in a tick (below 1: the chance of one)
     * @param complimentsPerTick the chance of a compliment in a tick (0 to 1)
     * @param backlog            complaints already open when the simulation starts
     * @param backlogDays        how many working days back the backlog was received
     * @param neverAnswered      the share of complaints that never get a response (they will breach)
     * @param keyPrefix          start of every key (before the time stamp), e.g. one per authority
     * @param mix                the procedures of new complaints, refusals and Ombudsman referrals
     */
    public record Settings(String authority, double complaintsPerTick, double complimentsPerTick, int backlog,
                           int backlogDays, double neverAnswered, String keyPrefix, Mix mix) {

        public Settings(String authority, double complaintsPerTick, double complimentsPerTick, int backlog,
                        int backlogDays, double neverAnswered, String keyPrefix) {
            this(authority, complaintsPerTick, complimentsPerTick, backlog, backlogDays, neverAnswered, keyPrefix,
                    Mix.COUNCIL);
        }

        public Settings(String authority, double complaintsPerTick, double complimentsPerTick, int backlog,
                        int backlogDays, double neverAnswered) {
            this(authority, complaintsPerTick, complimentsPerTick, backlog, backlogDays, neverAnswered, "LIVE-");
        }

        public static Settings defaults() {
            return new Settings(SeedHistory.AUTHORITY, 0.3, 0.08, 12, 30, 0.1);
        }

        /** The demo's recent history, one tick a working day: about a complaint a day, keyed {@code YEAR-}. */
        public static Settings recentHistory() {
            return new Settings(SeedHistory.AUTHORITY, 1.0, 0.25, 0, 1, 0.03, "YEAR-");
        }
    }

    /** Fixed, so a demo restarted publishes the same recent history again (and the service drops it as duplicates). */
    private static final long RECENT_HISTORY_SEED = 2026;

    /**
     * The demo authority's complaints of the three procedures from the start of the previous financial year to
     * the day before {@code today}, day by day, so that every table of the three annual reports of this year and
     * the last has figures beside the seed history's children's years (which it leaves alone: it starts in 2025).
     */
    public static List<EventEnvelope> recentHistory(LocalDate today) {
        return new LiveComplaintsSimulator(Settings.recentHistory(), Clock.systemUTC(), new Random(RECENT_HISTORY_SEED))
                .workingDays(FinancialYear.of(today).previous().start(), today.minusDays(1));
    }

    /**
     * Service areas of the procedures the seed history does not cover, with their weights; sorted maps, so a
     * draw picks the same in every JVM (Map.of's order is not).
     */
    private static final Map<String, Integer> ADULTS_AREAS = new TreeMap<>(Map.of("Home Care", 5,
            "Residential Care", 3, "Assessment and Care Management", 3, "Direct Payments", 1));
    private static final Map<String, Integer> CORPORATE_AREAS = new TreeMap<>(Map.of("Highways", 5,
            "Waste and Recycling", 4, "Council Tax", 3, "Planning", 2, "Parking", 2, "Libraries", 1));
    /** What the Ombudsman decides, roughly as its annual letters report it. */
    private static final Map<OmbudsmanOutcome, Integer> OMBUDSMAN = new EnumMap<>(Map.of(
            OmbudsmanOutcome.CLOSED_AFTER_INITIAL_ENQUIRIES, 5, OmbudsmanOutcome.PREMATURE, 2,
            OmbudsmanOutcome.NOT_UPHELD, 2, OmbudsmanOutcome.UPHELD, 2,
            OmbudsmanOutcome.UPHELD_MALADMINISTRATION_INJUSTICE, 1));

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
            Step step = complaint.step(today(now));
            if (step != null) {
                steps.add(step);
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
            steps.add(new Step(complaint.key, complaint.received(today(now)), ++complaint.events));
        }
        for (int i = 0, refused = arrivals(settings.complaintsPerTick() * settings.mix().refused()); i < refused; i++) {
            Random reasons = seeded(stamp + "-R" + i);
            steps.add(new Step(settings.keyPrefix() + stamp + "-R" + (i == 0 ? "" : String.valueOf(i + 1)),
                    new ComplaintNotAccepted(weighted(CORPORATE_AREAS, reasons),
                            NotAcceptedReason.values()[reasons.nextInt(NotAcceptedReason.values().length)]), 1));
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
     * A history day by day: the simulator ticked once each working day from {@code from} to {@code to} at 10:00
     * London time (the demo's year so far, before its live stream). What is still open at the end stays open.
     */
    public List<EventEnvelope> workingDays(LocalDate from, LocalDate to) {
        List<EventEnvelope> events = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (CALENDAR.isWorkingDay(day)) {
                events.addAll(next(day.atTime(10, 0).atZone(EventEnvelope.LONDON).toInstant()));
            }
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
                events.add(envelope(new Step(complaint.key, complaint.received(received), ++complaint.events),
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
        private final Regime regime;
        private final boolean referred;
        private String serviceArea;
        private LocalDate agreedResponseBy;
        private int events;
        private int stage = 1;
        private boolean acknowledged;
        private boolean extended;
        private boolean closed;
        private boolean upheld;
        private boolean apologised;
        private boolean improved;
        private boolean statementAgreed;
        private boolean panelHeld;
        private boolean panelReported;
        private final List<CostIncurred> costsDue = new ArrayList<>();
        /** 0: not with the Ombudsman; 1: to be referred; 2: the enquiry is open. */
        private int ombudsman;
        /** The events under the Ombudsman's reference so far. */
        private int ombudsmanEvents;
        /** After an upheld decision: its recommendations, made and met one a tick. */
        private OmbudsmanRemedies remedies;
        private boolean finished;

        LiveCase(String key, Random random) {
            this.key = key;
            this.random = random;
            this.answered = random.nextDouble() >= settings.neverAnswered();
            double draw = random.nextDouble();
            this.regime = draw < settings.mix().adults() ? Regime.ADULTS
                    : draw < settings.mix().adults() + settings.mix().corporate() ? Regime.CORPORATE : Regime.CHILDREN;
            this.referred = random.nextDouble() < settings.mix().referred();
        }

        /** The receipt on {@code on}; an adult's complaint may come with a response date agreed at once. */
        ComplaintReceived received(LocalDate on) {
            return switch (regime) {
                case CHILDREN -> {
                    serviceArea = weighted(SeedYears.SEED.last().serviceAreas());
                    yield new ComplaintReceived(Regime.CHILDREN, serviceArea,
                            weighted(SeedYears.SEED.last().complainants()), null);
                }
                case ADULTS -> {
                    serviceArea = weighted(ADULTS_AREAS);
                    agreedResponseBy = chance(0.5) ? on.plusDays(28 + random.nextInt(60)) : null;
                    yield new ComplaintReceived(Regime.ADULTS, serviceArea, chance(0.7)
                            ? ComplainantType.ADULT_SERVICE_USER : ComplainantType.REPRESENTATIVE, agreedResponseBy);
                }
                case CORPORATE -> {
                    serviceArea = weighted(CORPORATE_AREAS);
                    yield new ComplaintReceived(Regime.CORPORATE, serviceArea, ComplainantType.OTHER_SUFFICIENT_INTEREST,
                            null);
                }
            };
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

        /**
         * This tick's step of the complaint, or null when nothing happens to it: its own next event, or once it is
         * over and the complainant went to the Ombudsman, the enquiry, the decision and, when upheld, its
         * recommendations and their completion, under the Ombudsman's reference.
         */
        Step step(LocalDate today) {
            if (ombudsman > 0) {
                return ombudsmanStep(today);
            }
            ComplaintEvent event = switch (regime) {
                case CHILDREN -> childrenStep();
                case ADULTS -> adultsStep();
                case CORPORATE -> corporateStep();
            };
            if (finished && referred) {
                finished = false;
                ombudsman = 1;
            }
            return event == null ? null : new Step(key, event, ++events);
        }

        private Step ombudsmanStep(LocalDate today) {
            String reference = key + "-LGO";
            if (ombudsman == 1) {
                ombudsman = 2;
                return new Step(reference, new OmbudsmanEnquiryReceived(serviceArea, key, regime), ++ombudsmanEvents);
            }
            if (remedies != null) {
                ComplaintEvent event = remedies.next(today);
                finished = remedies.done();
                return event == null ? null : new Step(reference, event, ++ombudsmanEvents);
            }
            if (!chance(0.1)) {
                return null;
            }
            OmbudsmanOutcome outcome = weighted(OMBUDSMAN);
            long remedy = outcome == OmbudsmanOutcome.UPHELD_MALADMINISTRATION_INJUSTICE ? pounds10(10, 50) : 0;
            if (outcome.faultFound() && !outcome.satisfactoryRemedyByCouncil()) {
                remedies = new OmbudsmanRemedies(random, remedy);
            } else {
                finished = true;
            }
            return new Step(reference, new OmbudsmanDecision(outcome, remedy), ++ombudsmanEvents);
        }

        private ComplaintEvent childrenStep() {
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

        /** One stage: acknowledged within 3 working days, answered by the agreed date (some extended). */
        private ComplaintEvent adultsStep() {
            if (!acknowledged) {
                acknowledged = chance(0.6);
                return acknowledged ? new ComplaintAcknowledged(1) : null;
            }
            if (!closed) {
                if (!extended && agreedResponseBy != null && chance(0.03)) {
                    extended = true;
                    agreedResponseBy = agreedResponseBy.plusDays(28);
                    return new ExtensionAgreed(1, null, agreedResponseBy);
                }
                return respond(0.1);
            }
            return afterAnswer();
        }

        /**
         * Two stages under the Complaint Handling Code: each acknowledged, now and then extended within the Code's
         * limit (10 more working days at stage 1, 20 at stage 2) or beyond it, with or without a reason recorded;
         * stage 2 on request after a stage 1 answer that did not uphold the complaint.
         */
        private ComplaintEvent corporateStep() {
            if (!acknowledged) {
                acknowledged = chance(0.6);
                return acknowledged ? new ComplaintAcknowledged(stage) : null;
            }
            if (!closed) {
                if (!extended && chance(0.04)) {
                    extended = true;
                    int limit = stage == 1 ? 10 : 20;
                    boolean beyond = chance(0.3);
                    return new ExtensionAgreed(stage, limit + (beyond ? limit + 5 : limit / 2 + random.nextInt(limit / 2)),
                            null, beyond && chance(0.5) ? Boolean.TRUE : null);
                }
                return respond(stage == 1 ? 0.12 : 0.08);
            }
            if (stage == 1 && !upheld && chance(0.15)) {
                stage = 2;
                closed = false;
                acknowledged = false;
                extended = false;
                return new EscalationRequested(2);
            }
            return afterAnswer();
        }

        /** Adults' and corporate: withdrawn now and then, else answered with the tick's chance. */
        private ComplaintEvent respond(double chance) {
            if (!answered) {
                return null;
            }
            if (chance(0.01)) {
                finished = true;
                return new ComplaintWithdrawn();
            }
            if (!chance(chance)) {
                return null;
            }
            closed = true;
            Outcome outcome = weighted(SeedYears.SEED.last().outcomes());
            if (stage == 1) {
                upheld = outcome.upheld();
            }
            return new StageResponded(stage, outcome, outcome == Outcome.NO_FINDING || stage > 1 ? List.of()
                    : List.of(new CauseFinding(cause(), outcome.upheld())));
        }

        /** An apology for an upheld stage 1, now and then a change to the service, then it is over. */
        private ComplaintEvent afterAnswer() {
            if (upheld && !apologised) {
                apologised = true;
                return new ActionTaken(ActionKind.APOLOGY);
            }
            if (upheld && !improved && chance(0.3)) {
                improved = true;
                return new ActionTaken(ActionKind.SERVICE_CHANGE);
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
