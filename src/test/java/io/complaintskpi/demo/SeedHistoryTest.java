package io.complaintskpi.demo;

import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.events.ActionKind;
import io.complaintskpi.events.AdrKind;
import io.complaintskpi.events.Cause;
import io.complaintskpi.events.CauseFinding;
import io.complaintskpi.events.ComplainantType;
import io.complaintskpi.events.ComplaintEvent;
import io.complaintskpi.events.ComplaintEvent.ActionTaken;
import io.complaintskpi.events.ComplaintEvent.AdrHeld;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.ComplaintEvent.ComplaintWithdrawn;
import io.complaintskpi.events.ComplaintEvent.ComplimentReceived;
import io.complaintskpi.events.ComplaintEvent.ContextFigureRecorded;
import io.complaintskpi.events.ComplaintEvent.CostIncurred;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanDecision;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanEnquiryReceived;
import io.complaintskpi.events.ComplaintEvent.PanelHeld;
import io.complaintskpi.events.ComplaintEvent.StageResponded;
import io.complaintskpi.events.ComplaintEvent.StatementAgreed;
import io.complaintskpi.events.ContextFigure;
import io.complaintskpi.events.CostCategory;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.OmbudsmanOutcome;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.rules.FinancialYear;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The seed history's own figures, counted straight from its events, against the seed report. */
class SeedHistoryTest {

    private static final List<EventEnvelope> EVENTS = SeedHistory.events();
    private static final FinancialYear Y2013 = new FinancialYear(2013);
    private static final FinancialYear Y2014 = new FinancialYear(2014);
    private static final FinancialYear Y2015 = new FinancialYear(2015);
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();

    @Test
    void is_reproducible_and_in_publication_order() {
        assertThat(SeedHistory.events()).isEqualTo(EVENTS);
        assertThat(EVENTS).isSortedAccordingTo(Comparator.comparing(e -> e.occurredAt().toInstant()));
        assertThat(EVENTS).extracting(EventEnvelope::eventId).doesNotHaveDuplicates();
        assertThat(EVENTS).allSatisfy(e -> assertThat(e.authority()).isEqualTo("E10000018"));
    }

    @Test
    void every_key_obeys_the_lifecycle_rules() {
        assertThat(LifecycleRules.violations(EVENTS)).isEmpty();
    }

    @Test
    void everything_happens_on_working_days_in_office_hours_within_the_three_years() {
        assertThat(EVENTS).allSatisfy(e -> {
            assertThat(e.businessDate()).isBetween(Y2013.start(), Y2015.end());
            assertThat(CALENDAR.isWorkingDay(e.businessDate())).as("%s", e).isTrue();
            assertThat(e.occurredAt().atZoneSameInstant(EventEnvelope.LONDON).getHour()).isBetween(9, 17);
        });
    }

    @Test
    void stage_1_received_table_2_and_referral_rates() {
        assertThat(count(Y2013, ComplaintReceived.class)).isEqualTo(61);
        assertThat(count(Y2014, ComplaintReceived.class)).isEqualTo(57);
        assertThat(count(Y2015, ComplaintReceived.class)).isEqualTo(65);
        assertThat(Math.round(100.0 * (65 - 57) / 57)).isEqualTo(14);
        assertThat(percent1dp(65, context(ContextFigure.REFERRALS, "2015/16"))).isEqualTo(1.6);
        assertThat(percent1dp(57, context(ContextFigure.REFERRALS, "2014/15"))).isEqualTo(1.2);
    }

    @Test
    void who_complains_section_3_4() {
        Map<ComplainantType, Long> y2015 = received(Y2015).collect(
                Collectors.groupingBy(ComplaintReceived::complainantType, Collectors.counting()));
        assertThat(y2015.get(ComplainantType.CHILD_OR_YOUNG_PERSON)).isEqualTo(6);
        assertThat(65 - y2015.get(ComplainantType.CHILD_OR_YOUNG_PERSON)).isEqualTo(59);
        assertThat(Math.round(100.0 * 6 / 65)).isEqualTo(9);
        long children2014 = received(Y2014).filter(r -> r.complainantType() == ComplainantType.CHILD_OR_YOUNG_PERSON)
                .count();
        assertThat(Math.round(100.0 * children2014 / 57)).isEqualTo(12);
    }

    @Test
    void service_areas_table_3_add_up_to_the_received() {
        Map<String, Long> y2015 = received(Y2015).collect(
                Collectors.groupingBy(ComplaintReceived::serviceArea, TreeMap::new, Collectors.counting()));
        assertThat(y2015).containsEntry("Fostering & Adoption", 11L)
                .containsEntry("First Response", 11L)
                .containsEntry("Child Protection (Oadby & Wigston / Blaby / Harborough)", 11L)
                .containsEntry("Child Protection (NW Leics & Hinckley)", 8L)
                .containsEntry("Strengthening Families", 2L);
        assertThat(y2015.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(65);
    }

    @Test
    void stage_2_requests_section_2_3() {
        assertThat(escalations(Y2013, 2)).hasSize(8);
        assertThat(escalations(Y2014, 2)).hasSize(9);
        List<String> y2015 = escalations(Y2015, 2);
        assertThat(y2015).hasSize(7);
        assertThat(Math.round(100.0 * 7 / 65)).isEqualTo(11);
        // Of the seven: two withdrew, three are open at 31 March 2016, two were adjudicated.
        assertThat(y2015.stream().filter(key -> last(key) instanceof ComplaintWithdrawn).count()).isEqualTo(2);
        assertThat(y2015.stream().filter(key -> !closedAtStage(key, 2)).count()).isEqualTo(3);
        assertThat(y2015.stream().filter(key -> respondedAt(key, 2).isPresent()).count()).isEqualTo(2);
        // Withdrawals at stage 2 dated in the year are those two (none carried in from 2014/15).
        assertThat(events(Y2015, ComplaintWithdrawn.class).stream()
                .filter(e -> stageAt(e) == 2).count()).isEqualTo(2);
    }

    @Test
    void stage_2_adjudications_one_of_three_within_65_working_days() {
        List<EventEnvelope> adjudications = responses(Y2015, 2);
        assertThat(adjudications).hasSize(3);
        long fromStatement = adjudications.stream()
                .filter(r -> CALENDAR.workingDaysBetween(dateOf(r.complaintId(), StatementAgreed.class), r.businessDate()) <= 65)
                .count();
        long fromRequest = adjudications.stream()
                .filter(r -> CALENDAR.workingDaysBetween(stage2RequestDate(r.complaintId()), r.businessDate()) <= 65)
                .count();
        assertThat(fromStatement).isEqualTo(1);
        assertThat(fromRequest).as("either stage 2 clock start gives the report's figure").isEqualTo(1);
    }

    @Test
    void stage_3_requests_one_settled_by_mediation_two_completed() {
        assertThat(escalations(Y2013, 3)).isEmpty();
        assertThat(escalations(Y2014, 3)).hasSize(2);
        List<String> y2015 = escalations(Y2015, 3);
        assertThat(y2015).hasSize(3);
        assertThat(y2015.stream().filter(key -> respondedAt(key, 3).isPresent()).count()).isEqualTo(2);
        assertThat(y2015.stream().filter(key -> last(key) instanceof ComplaintWithdrawn
                && eventsOf(key).stream().noneMatch(e -> e.event() instanceof PanelHeld)).count()).isEqualTo(1);
        assertThat(responses(Y2015, 3)).hasSize(2);
    }

    @Test
    void compliments_section_2_5() {
        assertThat(count(Y2013, ComplimentReceived.class)).isEqualTo(27);
        assertThat(count(Y2014, ComplimentReceived.class)).isEqualTo(31);
        assertThat(count(Y2015, ComplimentReceived.class)).isEqualTo(25);
    }

    @Test
    void stage_1_outcomes_table_7_of_complaints_resolved_in_the_year() {
        Map<String, Long> y2015 = stage1Closures(Y2015);
        assertThat(y2015).containsOnly(entry("TOTALLY_UPHELD", 7L), entry("PARTLY_UPHELD", 8L),
                entry("NOT_UPHELD", 33L), entry("NO_FINDING", 10L), entry("WITHDRAWN", 7L));
        long resolved = y2015.values().stream().mapToLong(Long::longValue).sum();
        assertThat(resolved).isEqualTo(65);
        assertThat(Math.round(100.0 * 7 / resolved)).isEqualTo(11);
        assertThat(Math.round(100.0 * 8 / resolved)).isEqualTo(12);
        assertThat(Math.round(100.0 * 15 / resolved)).isEqualTo(23);
        Map<String, Long> y2014 = stage1Closures(Y2014);
        long upheld2014 = y2014.get("TOTALLY_UPHELD") + y2014.get("PARTLY_UPHELD");
        assertThat(Math.round(100.0 * upheld2014 / y2014.values().stream().mapToLong(Long::longValue).sum()))
                .isEqualTo(33);
    }

    @Test
    void causes_table_6_count_findings_of_responses_in_the_year() {
        List<StageResponded> responses = responses(Y2015, 1).stream().map(e -> (StageResponded) e.event()).toList();
        Map<Cause, long[]> table = new EnumMap<>(Cause.class);
        responses.stream().flatMap(r -> r.causes().stream()).forEach(finding -> {
            long[] row = table.computeIfAbsent(finding.cause(), c -> new long[2]);
            row[0]++;
            row[1] += finding.upheld() ? 1 : 0;
        });
        assertThat(table).containsOnlyKeys(Cause.SENSITIVITY_EMPATHY, Cause.PROFESSIONAL_JUDGEMENT,
                Cause.QUALITY_OF_WORK, Cause.DELAYS_IN_PROVIDING_SERVICES, Cause.MULTIPLE_CAUSES, Cause.FAIRNESS,
                Cause.KEEPING_INFORMED, Cause.POLITENESS_OPENNESS_HONESTY, Cause.ACCESSIBILITY_OF_SERVICES,
                Cause.CLARITY_ACCURACY_OF_INFORMATION);
        assertThat(table.get(Cause.SENSITIVITY_EMPATHY)).containsExactly(11, 2);
        assertThat(table.get(Cause.PROFESSIONAL_JUDGEMENT)).containsExactly(11, 2);
        assertThat(table.get(Cause.QUALITY_OF_WORK)).containsExactly(8, 3);
        assertThat(table.get(Cause.DELAYS_IN_PROVIDING_SERVICES)).containsExactly(8, 6);
        assertThat(table.get(Cause.MULTIPLE_CAUSES)).containsExactly(7, 3);
        assertThat(table.get(Cause.FAIRNESS)).containsExactly(4, 1);
        assertThat(table.get(Cause.KEEPING_INFORMED)).containsExactly(3, 1);
        assertThat(table.get(Cause.POLITENESS_OPENNESS_HONESTY)).containsExactly(2, 1);
        assertThat(table.get(Cause.ACCESSIBILITY_OF_SERVICES)).containsExactly(2, 1);
        assertThat(table.get(Cause.CLARITY_ACCURACY_OF_INFORMATION)).containsExactly(1, 0);
        assertThat(table.values().stream().mapToLong(row -> row[0]).sum()).isEqualTo(57);
        assertThat(table.values().stream().mapToLong(row -> row[1]).sum()).isEqualTo(20);
    }

    @Test
    void cause_findings_agree_with_each_outcome() {
        EVENTS.stream().map(EventEnvelope::event).filter(StageResponded.class::isInstance)
                .map(StageResponded.class::cast).filter(r -> r.stage() == 1).forEach(response -> {
                    Set<Boolean> upheld = response.causes().stream().map(CauseFinding::upheld).collect(Collectors.toSet());
                    switch (response.outcome()) {
                        case TOTALLY_UPHELD -> assertThat(upheld).containsExactly(true);
                        case PARTLY_UPHELD -> assertThat(upheld).contains(true);
                        case NOT_UPHELD -> assertThat(upheld).doesNotContain(true);
                        case NO_FINDING -> assertThat(response.causes()).isEmpty();
                    }
                    assertThat(response.causes()).extracting(CauseFinding::cause).doesNotHaveDuplicates();
                });
    }

    @Test
    void actions_table_9_every_upheld_complaint_apologised() {
        List<EventEnvelope> actions = events(Y2015, ActionTaken.class);
        Map<ActionKind, Long> byKind = actions.stream().collect(Collectors.groupingBy(
                e -> ((ActionTaken) e.event()).action(), () -> new EnumMap<>(ActionKind.class), Collectors.counting()));
        assertThat(byKind).containsOnly(entry(ActionKind.APOLOGY, 15L), entry(ActionKind.REIMBURSEMENT, 3L),
                entry(ActionKind.OTHER_REMEDY, 3L), entry(ActionKind.AMENDED_RECORDS, 1L));
        Set<String> upheld = responses(Y2015, 1).stream()
                .filter(e -> ((StageResponded) e.event()).outcome().upheld())
                .map(EventEnvelope::complaintId).collect(Collectors.toSet());
        assertThat(actions.stream().filter(e -> ((ActionTaken) e.event()).action() == ActionKind.APOLOGY)
                .map(EventEnvelope::complaintId)).containsExactlyInAnyOrderElementsOf(upheld);
        assertThat(actions.stream().filter(e -> ((ActionTaken) e.event()).action() != ActionKind.APOLOGY)
                .map(EventEnvelope::complaintId).distinct().count()).isEqualTo(7);
    }

    @Test
    void stage_1_timeliness_table_4_improves_at_10_days_and_holds_at_20() {
        long[] y2015 = bands(Y2015);
        long[] y2014 = bands(Y2014);
        assertThat(y2015).containsExactly(38, 15, 5);
        assertThat(y2014).containsExactly(24, 24, 4);
        assertThat(share(y2015[0], y2015)).isGreaterThan(share(y2014[0], y2014) + 15);
        assertThat(Math.abs(share(y2015[0] + y2015[1], y2015) - share(y2014[0] + y2014[1], y2014))).isLessThan(2);
    }

    @Test
    void no_stage_1_in_2015_16_ran_past_20_working_days_without_an_agreed_extension() {
        responses(Y2015, 1).stream()
                .filter(r -> CALENDAR.workingDaysBetween(dateOf(r.complaintId(), ComplaintReceived.class), r.businessDate()) > 20)
                .forEach(r -> assertThat(eventsOf(r.complaintId()))
                        .anyMatch(e -> e.event() instanceof ExtensionAgreed x && x.stage() == 1));
    }

    @Test
    void costs_table_8_to_the_penny_over_several_events() {
        assertCosts(Y2013, 404_000, 716_000, 0, 90_000, 0, 1_210_000);
        assertCosts(Y2014, 287_000, 743_000, 241_000, 42_000, 0, 1_313_000);
        assertCosts(Y2015, 391_000, 820_000, 179_000, 93_000, 30_000, 1_513_000);
        for (FinancialYear year : List.of(Y2013, Y2014, Y2015)) {
            for (CostCategory category : List.of(CostCategory.INDEPENDENT_PERSON, CostCategory.INVESTIGATING_OFFICER,
                    CostCategory.MEDIATION)) {
                assertThat(events(year, CostIncurred.class).stream()
                        .filter(e -> ((CostIncurred) e.event()).category() == category).count()).isGreaterThan(1);
            }
        }
    }

    @Test
    void ombudsman_section_6() {
        assertThat(count(Y2015, OmbudsmanEnquiryReceived.class)).isEqualTo(10);
        Map<OmbudsmanOutcome, Long> decisions = events(Y2015, OmbudsmanDecision.class).stream().collect(
                Collectors.groupingBy(e -> ((OmbudsmanDecision) e.event()).outcome(), Collectors.counting()));
        assertThat(decisions).containsOnly(entry(OmbudsmanOutcome.CLOSED_AFTER_INITIAL_ENQUIRIES, 6L),
                entry(OmbudsmanOutcome.NOT_UPHELD, 1L), entry(OmbudsmanOutcome.UPHELD_MALADMINISTRATION_NO_INJUSTICE, 1L),
                entry(OmbudsmanOutcome.UPHELD_MALADMINISTRATION_INJUSTICE, 1L));
        assertThat(decisions.entrySet().stream().filter(d -> d.getKey().faultFound())
                .mapToLong(Map.Entry::getValue).sum()).isEqualTo(2);
        assertThat(events(Y2015, OmbudsmanDecision.class).stream()
                .mapToLong(e -> ((OmbudsmanDecision) e.event()).remedyPence()).sum()).isEqualTo(30_000);
    }

    @Test
    void adr_section_4_conciliation_and_one_external_mediation() {
        List<AdrHeld> y2015 = events(Y2015, AdrHeld.class).stream().map(e -> (AdrHeld) e.event()).toList();
        List<AdrHeld> conciliations = y2015.stream().filter(a -> a.kind() == AdrKind.CONCILIATION).toList();
        List<AdrHeld> mediations = y2015.stream().filter(a -> a.kind() == AdrKind.MEDIATION).toList();
        assertThat(conciliations).hasSize(8);
        assertThat(conciliations).filteredOn(AdrHeld::resolved).hasSize(6);
        assertThat(mediations).containsExactly(new AdrHeld(AdrKind.MEDIATION, true, true));
    }

    @Test
    void an_adr_that_prevented_escalation_is_never_followed_by_one() {
        EVENTS.stream().filter(e -> e.event() instanceof AdrHeld adr && adr.preventedEscalation())
                .forEach(adr -> assertThat(eventsOf(adr.complaintId()))
                        .noneMatch(e -> e.event() instanceof EscalationRequested));
    }

    @Test
    void context_figures_table_1() {
        assertThat(context(ContextFigure.REFERRALS, "2014/15")).isEqualTo(4635);
        assertThat(context(ContextFigure.REFERRALS, "2015/16")).isEqualTo(3953);
        assertThat(context(ContextFigure.SINGLE_ASSESSMENTS, "2014/15")).isEqualTo(3671);
        assertThat(context(ContextFigure.SINGLE_ASSESSMENTS, "2015/16")).isEqualTo(2139);
        assertThat(context(ContextFigure.CHILDREN_IN_CARE, "2014/15")).isEqualTo(472);
        assertThat(context(ContextFigure.CHILDREN_IN_CARE, "2015/16")).isEqualTo(470);
        assertThat(context(ContextFigure.CHILD_PROTECTION_PLANS, "2014/15")).isEqualTo(398);
        assertThat(context(ContextFigure.CHILD_PROTECTION_PLANS, "2015/16")).isEqualTo(347);
    }

    // ---- counting helpers -------------------------------------------------------------------------

    private static void assertCosts(FinancialYear year, long independent, long investigating, long stage3,
                                    long mediation, long redress, long total) {
        Map<CostCategory, Long> pence = new EnumMap<>(CostCategory.class);
        events(year, CostIncurred.class).forEach(e -> pence.merge(((CostIncurred) e.event()).category(),
                ((CostIncurred) e.event()).amountPence(), Long::sum));
        assertThat(pence.getOrDefault(CostCategory.INDEPENDENT_PERSON, 0L)).isEqualTo(independent);
        assertThat(pence.getOrDefault(CostCategory.INVESTIGATING_OFFICER, 0L)).isEqualTo(investigating);
        assertThat(pence.getOrDefault(CostCategory.STAGE3_PANEL, 0L)).isEqualTo(stage3);
        assertThat(pence.getOrDefault(CostCategory.MEDIATION, 0L)).isEqualTo(mediation);
        assertThat(pence.getOrDefault(CostCategory.FINANCIAL_REDRESS, 0L)).isEqualTo(redress);
        assertThat(pence.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
    }

    private static long[] bands(FinancialYear year) {
        long[] bands = new long[3];
        responses(year, 1).forEach(r -> {
            int days = CALENDAR.workingDaysBetween(dateOf(r.complaintId(), ComplaintReceived.class), r.businessDate());
            bands[days <= 10 ? 0 : days <= 20 ? 1 : 2]++;
        });
        return bands;
    }

    private static double share(long part, long[] all) {
        return 100.0 * part / java.util.Arrays.stream(all).sum();
    }

    private static double percent1dp(long part, long whole) {
        return Math.round(1000.0 * part / whole) / 10.0;
    }

    private static Map<String, Long> stage1Closures(FinancialYear year) {
        Map<String, Long> closures = new TreeMap<>();
        responses(year, 1).forEach(r -> closures.merge(((StageResponded) r.event()).outcome().name(), 1L, Long::sum));
        events(year, ComplaintWithdrawn.class).stream().filter(e -> stageAt(e) == 1)
                .forEach(e -> closures.merge("WITHDRAWN", 1L, Long::sum));
        return closures;
    }

    private static long context(ContextFigure figure, String financialYear) {
        return EVENTS.stream().map(EventEnvelope::event).filter(ContextFigureRecorded.class::isInstance)
                .map(ContextFigureRecorded.class::cast)
                .filter(c -> c.figure() == figure && c.financialYear().equals(financialYear))
                .mapToLong(ContextFigureRecorded::value).sum();
    }

    private static java.util.stream.Stream<ComplaintReceived> received(FinancialYear year) {
        return events(year, ComplaintReceived.class).stream().map(e -> (ComplaintReceived) e.event());
    }

    private static long count(FinancialYear year, Class<? extends ComplaintEvent> type) {
        return events(year, type).size();
    }

    private static List<EventEnvelope> events(FinancialYear year, Class<? extends ComplaintEvent> type) {
        return EVENTS.stream().filter(e -> type.isInstance(e.event()) && year.contains(e.businessDate())).toList();
    }

    private static List<EventEnvelope> responses(FinancialYear year, int stage) {
        return events(year, StageResponded.class).stream()
                .filter(e -> ((StageResponded) e.event()).stage() == stage).toList();
    }

    private static List<String> escalations(FinancialYear year, int toStage) {
        return events(year, EscalationRequested.class).stream()
                .filter(e -> ((EscalationRequested) e.event()).toStage() == toStage)
                .map(EventEnvelope::complaintId).toList();
    }

    private static List<EventEnvelope> eventsOf(String key) {
        return EVENTS.stream().filter(e -> e.complaintId().equals(key)).toList();
    }

    private static ComplaintEvent last(String key) {
        return eventsOf(key).stream().map(EventEnvelope::event)
                .filter(Predicate.not(CostIncurred.class::isInstance)).reduce((a, b) -> b).orElseThrow();
    }

    /** The stage a complaint is at when this event of it happens. */
    private static int stageAt(EventEnvelope event) {
        return 1 + (int) eventsOf(event.complaintId()).stream()
                .filter(e -> e.occurredAt().isBefore(event.occurredAt()) && e.event() instanceof EscalationRequested)
                .count();
    }

    private static boolean closedAtStage(String key, int stage) {
        return respondedAt(key, stage).isPresent() || last(key) instanceof ComplaintWithdrawn;
    }

    private static Optional<EventEnvelope> respondedAt(String key, int stage) {
        return eventsOf(key).stream()
                .filter(e -> e.event() instanceof StageResponded r && r.stage() == stage).findFirst();
    }

    private static LocalDate dateOf(String key, Class<? extends ComplaintEvent> type) {
        return eventsOf(key).stream().filter(e -> type.isInstance(e.event())).findFirst().orElseThrow().businessDate();
    }

    private static LocalDate stage2RequestDate(String key) {
        return eventsOf(key).stream().filter(e -> e.event() instanceof EscalationRequested x && x.toStage() == 2)
                .findFirst().orElseThrow().businessDate();
    }
}
