package io.complaintskpi.lifecycle;

import io.complaintskpi.alerts.DeadlineWatch;
import io.complaintskpi.alerts.PendingAlert;
import io.complaintskpi.contributions.CaseStep;
import io.complaintskpi.contributions.InMemoryCase;
import io.complaintskpi.contributions.Contributions;
import io.complaintskpi.events.ComplaintEvent;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanDecision;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanEnquiryReceived;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanRecommendationCompleted;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanRecommendationMade;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.OmbudsmanOutcome;
import io.complaintskpi.events.RecommendationKind;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Ombudsman case's recommendations do not depend on the order their events arrive in: after the enquiry (a
 * decision without one is rejected, docs/rules.md), the decision, the recommendations and their completions (with
 * evidence or not yet) in any order give the same state, figures and watched deadlines as business-time order. A
 * recommendation before its decision, or a completion before its recommendation, waits aside until it arrives.
 */
class RecommendationArrivalOrderProperties {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String CASE = "LGSCO-1";
    private final Contributions contributions = new Contributions(Cases.DUE_DATES);
    private final CaseStep step = new CaseStep(Cases.MACHINE, contributions);
    private final DeadlineWatch watch = new DeadlineWatch(Cases.DUE_DATES, 2);

    @Property(tries = 300)
    void everyArrivalOrderAfterTheEnquiryGivesTheSameStateFiguresAndDeadlines(
            @ForAll("cases") List<EventEnvelope> history, @ForAll long shuffleSeed) {
        Folded inOrder = fold(history);
        assertThat(inOrder.rejected()).as("a generated case is valid").isEmpty();
        assertThat(inOrder.state().awaiting()).isEmpty();
        assertThat(inOrder.state().recommendations()).isNotEmpty();

        List<EventEnvelope> rest = new ArrayList<>(history.subList(1, history.size()));
        Collections.shuffle(rest, new Random(shuffleSeed));
        List<EventEnvelope> arrival = new ArrayList<>(List.of(history.get(0)));
        arrival.addAll(rest);
        Folded shuffled = fold(arrival);

        assertThat(shuffled.rejected()).isEmpty();
        assertThat(shuffled.state()).isEqualTo(inOrder.state());
        assertThat(shuffled.figures()).isEqualTo(inOrder.figures());
        Map<KpiKey, Long> counted = new HashMap<>(contributions.of(inOrder.state()));
        counted.values().removeIf(amount -> amount == 0); // a decision's remedy of 0 is no bucket the deltas fill
        assertThat(inOrder.figures()).isEqualTo(counted);
        assertThat(new HashSet<PendingAlert>(watch.pending(shuffled.state())))
                .isEqualTo(new HashSet<>(watch.pending(inOrder.state())));
    }

    private record Folded(CaseState state, List<EventEnvelope> rejected, Map<KpiKey, Long> figures) {
    }

    private Folded fold(List<EventEnvelope> arrivals) {
        InMemoryCase stored = new InMemoryCase(CASE);
        List<EventEnvelope> rejected = new ArrayList<>();
        Map<KpiKey, Long> figures = new HashMap<>();
        for (EventEnvelope event : arrivals) {
            CaseStep.Outcome outcome = stored.apply(step, event);
            if (outcome instanceof CaseStep.Applied applied) {
                applied.delta().forEach((bucket, amount) -> figures.merge(bucket, amount, Long::sum));
            } else {
                rejected.add(event);
            }
        }
        figures.values().removeIf(amount -> amount == 0);
        CaseState state = Cases.MACHINE.replay(CASE, stored.history());
        assertThat(stored.snapshot().state()).as("the snapshot is the replay of the history").isEqualTo(state);
        return new Folded(state, rejected, figures);
    }

    @Provide
    Arbitrary<List<EventEnvelope>> cases() {
        return Arbitraries.randomValue(RecommendationArrivalOrderProperties::history);
    }

    /** Enquiry, decision, 1 to 4 recommendations on later days, each completed or not, with evidence or first without. */
    static List<EventEnvelope> history(Random random) {
        List<EventEnvelope> events = new ArrayList<>();
        LocalDate enquiry = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3 * 365));
        LocalDate decided = enquiry.plusDays(10 + random.nextInt(200));
        events.add(at(random, enquiry, new OmbudsmanEnquiryReceived("Adult Care")));
        events.add(at(random, decided, new OmbudsmanDecision(OmbudsmanOutcome.UPHELD_MALADMINISTRATION_INJUSTICE, 0)));
        int count = 1 + random.nextInt(4);
        for (int n = 1; n <= count; n++) {
            RecommendationKind kind = RecommendationKind.values()[random.nextInt(RecommendationKind.values().length)];
            LocalDate made = decided.plusDays(random.nextInt(3));
            LocalDate due = made.plusDays(random.nextInt(90));
            events.add(at(random, made, new OmbudsmanRecommendationMade(n, kind,
                    kind == RecommendationKind.PAYMENT ? 100 + random.nextInt(100_000) : 0, due)));
            LocalDate done = made.plusDays(1 + random.nextInt(120));
            switch (random.nextInt(4)) {
                case 0 -> { } // outstanding
                case 1 -> events.add(at(random, done, new OmbudsmanRecommendationCompleted(n, false)));
                case 2 -> events.add(at(random, done, new OmbudsmanRecommendationCompleted(n, true)));
                default -> {
                    events.add(at(random, done, new OmbudsmanRecommendationCompleted(n, false)));
                    events.add(at(random, done.plusDays(1 + random.nextInt(30)),
                            new OmbudsmanRecommendationCompleted(n, true)));
                }
            }
        }
        return events;
    }

    private static EventEnvelope at(Random random, LocalDate date, ComplaintEvent event) {
        return new EventEnvelope(new UUID(random.nextLong(), random.nextLong()),
                date.atTime(LocalTime.of(10, 0)).atZone(LONDON).toOffsetDateTime(), CASE, Cases.AUTHORITY, 1, event);
    }
}
