package io.complaintskpi.lifecycle;

import io.complaintskpi.events.ActionKind;
import io.complaintskpi.events.AdrKind;
import io.complaintskpi.events.Cause;
import io.complaintskpi.events.CauseFinding;
import io.complaintskpi.events.ComplainantType;
import io.complaintskpi.events.ComplaintEvent;
import io.complaintskpi.events.ComplaintEvent.ActionTaken;
import io.complaintskpi.events.ComplaintEvent.AdrHeld;
import io.complaintskpi.events.ComplaintEvent.ComplaintAcknowledged;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.ComplaintEvent.ComplaintWithdrawn;
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
import io.complaintskpi.contributions.CaseStep;
import io.complaintskpi.contributions.InMemoryCase;
import io.complaintskpi.contributions.Contributions;
import io.complaintskpi.series.KpiKey;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, item 4: the figures do not depend on the order events arrive in. For generated valid histories
 * (every event accepted when they arrive in business-time order), every arrival order that starts with
 * the receipt gives the same state, the same KPI figures and the same deadlines once all have arrived.
 * Events are folded in by {@link CaseStep}, the step the topology runs on each record (place by business
 * time, replay, dead-letter what the replay rejects), and the figures are its deltas summed as the KPI
 * store sums them. One order is left out on purpose: a withdrawal arriving before the request of the
 * stage it withdraws (or, for stage 3, before the stage 2 request too) while the stage before is already
 * answered. Nothing is open on its date then, and
 * the rule of item 1 rejects it (docs/rules.md).
 */
class ArrivalOrderProperties {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final Contributions contributions = new Contributions(Cases.DUE_DATES);
    private final CaseStep step = new CaseStep(Cases.MACHINE, contributions);

    @Property(tries = 300)
    void everyArrivalOrderGivesTheSameStateFiguresAndDeadlines(@ForAll("histories") List<EventEnvelope> history,
                                                               @ForAll long shuffleSeed) {
        Folded inOrder = fold(history);
        assertThat(inOrder.rejected()).as("a generated history is valid").isEmpty();
        assertThat(inOrder.state().awaiting()).as("nothing waits in a complete history").isEmpty();

        List<EventEnvelope> arrival = arrivalOrder(history, new Random(shuffleSeed));
        Folded shuffled = fold(arrival);

        assertThat(shuffled.rejected()).as("arrival %s", types(arrival)).isEmpty();
        assertThat(shuffled.state()).as("arrival %s", types(arrival)).isEqualTo(inOrder.state());
        assertThat(shuffled.figures()).as("arrival %s", types(arrival)).isEqualTo(inOrder.figures());
        assertThat(inOrder.figures()).as("the deltas add up to what the final state counts")
                .isEqualTo(contributions.of(inOrder.state()));
        assertThat(deadlines(shuffled.state())).isEqualTo(deadlines(inOrder.state()));
    }

    /** The key's state after the arrivals, the rejected ones, and the KPI buckets its deltas add up to. */
    private record Folded(CaseState state, List<EventEnvelope> rejected, Map<KpiKey, Long> figures) {
    }

    /** Each arrival through the production step, its delta summed per bucket as the KPI store sums it. */
    private Folded fold(List<EventEnvelope> arrivals) {
        InMemoryCase stored = new InMemoryCase(Cases.KEY);
        List<EventEnvelope> rejected = new ArrayList<>();
        Map<KpiKey, Long> figures = new HashMap<>();
        for (EventEnvelope event : arrivals) {
            CaseStep.Outcome outcome = stored.apply(step, event);
            if (outcome instanceof CaseStep.Applied applied) {
                applied.delta().forEach((bucket, amount) -> figures.merge(bucket, amount, Long::sum));
            } else if (outcome instanceof CaseStep.Rejected) {
                rejected.add(event);
            } else {
                throw new AssertionError("no event of a generated history repeats an eventId: " + event);
            }
        }
        figures.values().removeIf(amount -> amount == 0);
        CaseState state = Cases.MACHINE.replay(Cases.KEY, stored.history());
        assertThat(stored.snapshot().state()).as("the snapshot is the replay of the history").isEqualTo(state);
        return new Folded(state, rejected, figures);
    }

    private static Map<String, LocalDate> deadlines(CaseState state) {
        Map<String, LocalDate> due = new LinkedHashMap<>();
        Complaint complaint = state.complaint();
        for (Stage stage : complaint.stages()) {
            due.put("stage " + stage.number(), Cases.DUE_DATES.due(complaint, stage));
        }
        if (complaint.regime() == Regime.ADULTS) {
            due.put("acknowledgement", Cases.DUE_DATES.acknowledgementDue(complaint));
        }
        if (complaint.regime() == Regime.CORPORATE) {
            for (Stage stage : complaint.stages()) {
                due.put("acknowledgement " + stage.number(), Cases.DUE_DATES.acknowledgement(complaint, stage).due());
                due.put("compliant " + stage.number(), Cases.DUE_DATES.code().compliantResponseDue(stage));
            }
        }
        return due;
    }

    /** The receipt first, the rest shuffled, except a withdrawal of stage 2 or 3 comes after the requests before it. */
    private static List<EventEnvelope> arrivalOrder(List<EventEnvelope> history, Random random) {
        List<EventEnvelope> rest = new ArrayList<>(history.subList(1, history.size()));
        Collections.shuffle(rest, random);
        history.stream().filter(e -> e.event() instanceof ComplaintWithdrawn).findFirst().ifPresent(withdrawal -> {
            // Stage 3 is open only once both requests have arrived: the withdrawal follows every request before it.
            List<EventEnvelope> requests = history.subList(0, history.indexOf(withdrawal)).stream()
                    .filter(e -> e.event() instanceof EscalationRequested).toList();
            int position = rest.indexOf(withdrawal);
            int lastRequest = requests.stream().mapToInt(rest::indexOf).max().orElse(-1);
            if (position < lastRequest) {
                rest.remove(position);
                rest.add(lastRequest, withdrawal); // just after the last request, which moved down by one
            }
        });
        List<EventEnvelope> arrival = new ArrayList<>();
        arrival.add(history.get(0));
        arrival.addAll(rest);
        return arrival;
    }

    private static List<String> types(List<EventEnvelope> events) {
        return events.stream().map(e -> e.businessDate() + " " + e.event()).toList();
    }

    @Provide
    Arbitrary<List<EventEnvelope>> histories() {
        return Arbitraries.randomValue(ArrivalOrderProperties::history);
    }

    /** A valid history in business-time order: the lifecycle steps first, then dated one after another. */
    static List<EventEnvelope> history(Random random) {
        Regime regime = Regime.values()[random.nextInt(Regime.values().length)];
        LocalDate received = LocalDate.of(2014, 1, 1).plusDays(random.nextInt(4 * 365));
        List<ComplaintEvent> steps = switch (regime) {
            case CHILDREN -> staged(CHILDREN, random);
            case ADULTS -> adults(random, received);
            case CORPORATE -> staged(CORPORATE, random);
        };
        sprinkle(steps, random);
        List<EventEnvelope> events = new ArrayList<>();
        LocalDate date = received;
        ComplaintEvent previous = null;
        for (ComplaintEvent step : steps) {
            // Now and then two steps share an instant, where the lifecycle order allows it.
            boolean sameInstant = previous != null && random.nextInt(4) == 0
                    && LifecycleMachine.sameInstantRank(step) > LifecycleMachine.sameInstantRank(previous);
            if (previous != null && !sameInstant) {
                date = date.plusDays(1 + random.nextInt(12));
            }
            events.add(new EventEnvelope(new UUID(random.nextLong(), random.nextLong()),
                    date.atTime(LocalTime.of(10, 0)).atZone(LONDON).toOffsetDateTime(), Cases.KEY, Cases.AUTHORITY, 1,
                    step));
            previous = step;
        }
        return events;
    }

    /**
     * What a regime with stage 2 on request does in its stages: children's complaints are acknowledged or not,
     * extended within the statutory range, may have a statement agreed and go on to stage 3; corporate ones
     * (the Code) are acknowledged not at all, once or twice, extended by the council up to and beyond the Code's
     * limit with or without a recorded reason, and end at stage 2.
     */
    private record StagedRegime(ComplaintReceived receipt, BiConsumer<List<ComplaintEvent>, Random> stage1,
                                BiConsumer<List<ComplaintEvent>, Random> stage2,
                                BiConsumer<List<ComplaintEvent>, Random> afterStage2Answer) {
    }

    private static final StagedRegime CHILDREN = new StagedRegime(
            new ComplaintReceived(Regime.CHILDREN, "Children in care", ComplainantType.PARENT, null),
            (steps, random) -> {
                if (random.nextBoolean()) {
                    steps.add(new ComplaintAcknowledged(1));
                }
                extensions(steps, random, 1, 10, 20);
            },
            (steps, random) -> {
                if (random.nextBoolean()) {
                    steps.add(new StatementAgreed());
                }
                if (random.nextBoolean()) {
                    steps.add(new ComplaintAcknowledged(2));
                }
                extensions(steps, random, 2, 25, 65);
            },
            ArrivalOrderProperties::stage3);

    private static final StagedRegime CORPORATE = new StagedRegime(
            new ComplaintReceived(Regime.CORPORATE, "Highways", ComplainantType.OTHER_SUFFICIENT_INTEREST, null),
            (steps, random) -> {
                for (int acks = random.nextInt(3); acks > 0; acks--) {
                    steps.add(new ComplaintAcknowledged(1));
                }
                corporateExtensions(steps, random, 1, 10);
            },
            (steps, random) -> {
                if (random.nextBoolean()) {
                    steps.add(new ComplaintAcknowledged(2));
                }
                corporateExtensions(steps, random, 2, 20);
            },
            (steps, random) -> { });

    /**
     * Stage 1 open, withdrawn or answered; then, on request, stage 2 open, withdrawn or answered, with the stage 1
     * answer now and then still coming after the request for stage 2 (seed report, section 3.2).
     */
    private static List<ComplaintEvent> staged(StagedRegime regime, Random random) {
        List<ComplaintEvent> steps = new ArrayList<>();
        steps.add(regime.receipt());
        regime.stage1().accept(steps, random);
        int end = random.nextInt(4); // 0 open, 1 withdrawn, 2 answered, 3 asked for stage 2 unanswered
        if (end == 0) {
            return steps;
        }
        if (end == 1) {
            steps.add(new ComplaintWithdrawn());
            return steps;
        }
        if (end == 2) {
            steps.add(response(1, random));
            if (random.nextBoolean()) {
                return steps;
            }
        }
        steps.add(new EscalationRequested(2));
        int requestAt = steps.size() - 1;
        regime.stage2().accept(steps, random);
        int stage2 = random.nextInt(3); // 0 open, 1 withdrawn, 2 answered
        if (stage2 == 1) {
            steps.add(new ComplaintWithdrawn());
        } else if (stage2 == 2) {
            steps.add(response(2, random));
            regime.afterStage2Answer().accept(steps, random);
        }
        if (end == 3 && random.nextBoolean()) {
            int last = steps.get(steps.size() - 1) instanceof ComplaintWithdrawn ? steps.size() - 1 : steps.size();
            steps.add(requestAt + 1 + random.nextInt(last - requestAt), response(1, random));
        }
        return steps;
    }

    /** Now and then a request for stage 3: its panel, report and response as far as it got, or a withdrawal. */
    private static void stage3(List<ComplaintEvent> steps, Random random) {
        if (random.nextBoolean()) {
            steps.add(new EscalationRequested(3));
            int reached = random.nextInt(4); // panel, report, response: how far stage 3 got
            if (reached >= 1) {
                steps.add(new PanelHeld());
            }
            if (reached >= 2) {
                steps.add(new PanelReportIssued());
            }
            if (reached >= 3) {
                steps.add(response(3, random));
            } else if (random.nextInt(3) == 0) {
                steps.add(new ComplaintWithdrawn());
            }
        }
    }

    /** Zero, one or two council extensions, each longer than the last, some beyond the Code's limit. */
    private static void corporateExtensions(List<ComplaintEvent> steps, Random random, int stage, int limit) {
        int days = limit;
        for (int n = random.nextInt(3); n > 0; n--) {
            days = days + 1 + random.nextInt(20);
            steps.add(new ExtensionAgreed(stage, days, null, random.nextBoolean() ? Boolean.TRUE : null));
        }
    }

    private static List<ComplaintEvent> adults(Random random, LocalDate received) {
        List<ComplaintEvent> steps = new ArrayList<>();
        LocalDate agreed = random.nextBoolean() ? received.plusDays(30 + random.nextInt(200)) : null;
        steps.add(new ComplaintReceived(Regime.ADULTS, "Home care", ComplainantType.ADULT_SERVICE_USER, agreed));
        for (int acks = random.nextInt(3); acks > 0; acks--) {
            steps.add(new ComplaintAcknowledged(1));
        }
        if (random.nextBoolean()) {
            steps.add(new ExtensionAgreed(1, null, received.plusDays(200 + random.nextInt(100))));
        }
        int end = random.nextInt(3); // 0 open, 1 withdrawn, 2 answered
        if (end == 1) {
            steps.add(new ComplaintWithdrawn());
        } else if (end == 2) {
            steps.add(response(1, random));
        }
        return steps;
    }

    /** Zero, one or two extensions of a stage, each longer than the last, within the statutory range. */
    private static void extensions(List<ComplaintEvent> steps, Random random, int stage, int limit, int max) {
        int days = limit;
        for (int n = random.nextInt(3); n > 0 && days < max; n--) {
            days = days + 1 + random.nextInt(max - days);
            steps.add(new ExtensionAgreed(stage, days, null));
        }
    }

    private static StageResponded response(int stage, Random random) {
        Outcome outcome = Outcome.values()[random.nextInt(Outcome.values().length)];
        List<CauseFinding> causes = random.nextBoolean()
                ? List.of(new CauseFinding(Cause.values()[random.nextInt(Cause.values().length)], random.nextBoolean()))
                : List.of();
        return new StageResponded(stage, outcome, causes);
    }

    /** Actions, ADR and costs between the receipt and any withdrawal (costs may follow it). */
    private static void sprinkle(List<ComplaintEvent> steps, Random random) {
        int withdrawn = steps.indexOf(new ComplaintWithdrawn());
        int end = withdrawn < 0 ? steps.size() : withdrawn;
        for (int n = random.nextInt(3); n > 0; n--) {
            int at = 1 + random.nextInt(end);
            ComplaintEvent extra = switch (random.nextInt(3)) {
                case 0 -> new ActionTaken(ActionKind.values()[random.nextInt(ActionKind.values().length)]);
                case 1 -> new AdrHeld(AdrKind.values()[random.nextInt(AdrKind.values().length)], random.nextBoolean(),
                        random.nextBoolean());
                default -> new CostIncurred(CostCategory.values()[random.nextInt(CostCategory.values().length)],
                        100 + random.nextInt(100_000));
            };
            steps.add(at, extra);
            end++;
        }
        if (withdrawn >= 0 && random.nextBoolean()) {
            steps.add(new CostIncurred(CostCategory.MEDIATION, 5_000));
        }
    }
}
