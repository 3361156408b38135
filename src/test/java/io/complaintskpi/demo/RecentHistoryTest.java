package io.complaintskpi.demo;

import io.complaintskpi.events.ComplaintEvent.ComplaintNotAccepted;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanEnquiryReceived;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.testing.ReportsOfEvents;
import io.complaintskpi.testing.RecommendationFates;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's recent history (issue 21, item 6): the three procedures from the start of the previous financial
 * year, so that every table of the corporate and adults' reports (and the children's but for the context
 * figures the council records once a year) has figures; never in the seed history's years.
 */
class RecentHistoryTest {

    /** The last day of 2026/27: the history covers 2025/26 and 2026/27 but for that day. */
    private static final LocalDate TODAY = LocalDate.of(2027, 3, 31);
    private static final List<EventEnvelope> EVENTS = LiveComplaintsSimulator.recentHistory(TODAY);

    @Test
    void itRunsFromTheStartOfThePreviousFinancialYearToYesterdayAndObeysTheLifecycle() {
        assertThat(EVENTS).isNotEmpty().allSatisfy(e -> {
            assertThat(e.businessDate()).isBetween(LocalDate.of(2025, 4, 1), TODAY.minusDays(1));
            assertThat(e.authority()).isEqualTo(SeedHistory.AUTHORITY);
            assertThat(e.complaintId()).startsWith("YEAR-");
        });
        assertThat(LifecycleRules.violations(EVENTS, EnumSet.allOf(Regime.class))).isEmpty();
        assertThat(LiveComplaintsSimulator.recentHistory(TODAY)).as("the same again, ids included").isEqualTo(EVENTS);
    }

    @Test
    void itHasTheThreeProceduresRefusalsExtensionsWithinAndBeyondTheCodeStage2AndTheOmbudsman() {
        Map<Regime, Long> received = EVENTS.stream().filter(e -> e.event() instanceof ComplaintReceived)
                .collect(Collectors.groupingBy(e -> ((ComplaintReceived) e.event()).regime(), Collectors.counting()));
        assertThat(received).containsOnlyKeys(Regime.values());
        Map<String, Regime> regimeOf = EVENTS.stream().filter(e -> e.event() instanceof ComplaintReceived)
                .collect(Collectors.toMap(EventEnvelope::complaintId, e -> ((ComplaintReceived) e.event()).regime()));
        assertThat(EVENTS).anyMatch(e -> e.event() instanceof ComplaintNotAccepted);
        List<ExtensionAgreed> corporate = EVENTS.stream()
                .filter(e -> regimeOf.get(e.complaintId()) == Regime.CORPORATE && e.event() instanceof ExtensionAgreed)
                .map(e -> (ExtensionAgreed) e.event()).toList();
        assertThat(corporate).anyMatch(x -> x.stage() == 1 && x.workingDays() <= 20)
                .anyMatch(x -> x.stage() == 1 && x.workingDays() > 20 && x.withReason())
                .anyMatch(x -> x.workingDays() > (x.stage() == 1 ? 20 : 40) && !x.withReason());
        assertThat(EVENTS).anyMatch(e -> regimeOf.get(e.complaintId()) == Regime.CORPORATE
                && e.event() instanceof EscalationRequested r && r.toStage() == 2);
        Set<Regime> referred = EVENTS.stream().filter(e -> e.event() instanceof OmbudsmanEnquiryReceived)
                .map(e -> ((OmbudsmanEnquiryReceived) e.event()).regime()).collect(Collectors.toSet());
        assertThat(referred).contains(Regime.ADULTS, Regime.CORPORATE);
    }

    /**
     * Issue 22: the Ombudsman's recommendations on upheld decisions, most met on time, some late, some still open
     * at the history's end (their alerts open in the demo), payments among them.
     */
    @Test
    void upheldOmbudsmanDecisionsBringRecommendationsMostlyMetOnTimeSomeLateSomeOpen() {
        RecommendationFates fates = RecommendationFates.of(EVENTS);
        assertThat(fates.late()).as(fates.toString()).isPositive();
        assertThat(fates.open()).as(fates.toString()).isPositive();
        assertThat(fates.onTime()).as(fates.toString()).isGreaterThan(fates.late() + fates.open());
        assertThat(fates.payments()).as(fates.toString()).isPositive();
    }

    @Test
    void everyTableOfTheThreeReportsHasFigures() {
        ReportsOfEvents reports = new ReportsOfEvents(EVENTS);
        for (String year : List.of("2025/26", "2026/27")) {
            Map<Regime, List<String>> empty = reports.emptyTables(SeedHistory.AUTHORITY, FinancialYear.parse(year));
            assertThat(empty.get(Regime.CORPORATE)).as("empty corporate tables of " + year).isEmpty();
            assertThat(empty.get(Regime.ADULTS)).as("empty adults' tables of " + year).isEmpty();
            assertThat(empty.get(Regime.CHILDREN)).as("empty children's tables of " + year)
                    .containsOnly("Table 1: Context - activity of children's social care");
        }
    }
}
