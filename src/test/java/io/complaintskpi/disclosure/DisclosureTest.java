package io.complaintskpi.disclosure;

import io.complaintskpi.contributions.Metric;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.figures.KpiSnapshot;
import io.complaintskpi.report.PublicReports;
import io.complaintskpi.testing.Buckets;

import io.complaintskpi.events.Regime;
import io.complaintskpi.disclosure.Disclosure.SumGroup;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DisclosureTest {

    private static final Regime C = Regime.CHILDREN;
    private static final Period YEAR = Period.financialYear(FinancialYear.parse("2015/16"));

    private static Map<String, Long> counts(Object... keyValues) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            counts.put((String) keyValues[i], ((Integer) keyValues[i + 1]).longValue());
        }
        return counts;
    }

    @Test
    void countsFromOneToFiveAreSmallZeroAndSixAreNot() {
        assertThat(Disclosure.isSmall(0)).isFalse();
        assertThat(Disclosure.isSmall(1)).isTrue();
        assertThat(Disclosure.isSmall(5)).isTrue();
        assertThat(Disclosure.isSmall(6)).isFalse();
    }

    @Test
    void primarySuppressionAlone() {
        Map<String, Long> counts = counts("a", 0, "b", 1, "c", 5, "d", 6);
        assertThat(Disclosure.suppressed(counts, List.of())).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void oneHiddenPartOfAShownTotalHidesTheNextSmallestPart() {
        Map<String, Long> counts = counts("total", 40, "a", 3, "b", 20, "c", 9, "d", 8);
        Set<String> hidden = Disclosure.suppressed(counts, List.of(new SumGroup<>("total", List.of("a", "b", "c", "d"))));
        assertThat(hidden).containsExactlyInAnyOrder("a", "d");
    }

    @Test
    void theAuditFindsAHiddenCellThatTheRowTotalGivesAwayAndSecondarySuppressionProtectsIt() {
        // Positive control: 40 - 20 - 9 - 8 gives the hidden 3 away. An audit that under-reports fails here.
        Map<String, Long> counts = counts("total", 40, "a", 3, "b", 20, "c", 9, "d", 8);
        List<SumGroup<String>> groups = List.of(new SumGroup<>("total", List.of("a", "b", "c", "d")));
        var relations = groups.stream().map(SumGroup::relation).toList();
        DisclosureAudit<String> smallOnly = new DisclosureAudit<>(counts, Set.of("a"), relations);
        assertThat(smallOnly.determined()).containsExactly("a");
        assertThat(smallOnly.ranges().get("a").determined()).isTrue();
        assertThat(new DisclosureAudit<>(counts, Disclosure.suppressed(counts, groups), relations).determined())
                .isEmpty();
    }

    @Test
    void theAuditFindsThreeHiddenOutcomesOfAtLeastOneAddingToThree() {
        // Positive control of the seed's Ombudsman leak: 9 decisions, 6 closed shown, three hidden outcomes of
        // at least 1 each must be 1, 1 and 1. The fault found (2) is small and hidden too.
        Map<String, Long> counts = counts("decisions", 9, "closed", 6, "notUpheld", 1, "noInjustice", 1,
                "injustice", 1, "fault", 2);
        List<SumGroup<String>> groups = List.of(
                new SumGroup<>("decisions", List.of("closed", "notUpheld", "noInjustice", "injustice")),
                new SumGroup<>("fault", List.of("noInjustice", "injustice")));
        var relations = groups.stream().map(SumGroup::relation).toList();
        assertThat(new DisclosureAudit<>(counts, Set.of("notUpheld", "noInjustice", "injustice", "fault"), relations)
                .determined()).containsExactlyInAnyOrder("notUpheld", "noInjustice", "injustice", "fault");
        assertThat(new DisclosureAudit<>(counts, Disclosure.suppressed(counts, groups), relations).determined())
                .isEmpty();
    }

    @Test
    void twoHiddenPartsAreAlreadySafe() {
        Map<String, Long> counts = counts("total", 30, "a", 3, "b", 2, "c", 25);
        assertThat(Disclosure.suppressed(counts, List.of(new SumGroup<>("total", List.of("a", "b", "c")))))
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void zerosAreNotUsedAsComplementsSoTheTotalIsHiddenInstead() {
        Map<String, Long> counts = counts("total", 4, "a", 4, "b", 0);
        // The total is itself small here; with a large total and only zeros beside the hidden part:
        assertThat(Disclosure.suppressed(counts, List.of(new SumGroup<>("total", List.of("a", "b")))))
                .containsExactlyInAnyOrder("total", "a");
        Map<String, Long> big = counts("total", 12, "a", 3, "b", 0, "rest", 9);
        Map<String, Long> onlyZeros = counts("total", 3, "a", 3, "b", 0);
        assertThat(Disclosure.suppressed(big, List.of(new SumGroup<>("total", List.of("a", "b", "rest")))))
                .containsExactlyInAnyOrder("a", "rest");
        assertThat(Disclosure.suppressed(onlyZeros, List.of(new SumGroup<>("total", List.of("a", "b")))))
                .containsExactlyInAnyOrder("total", "a");
    }

    @Test
    void aComplementThatWouldNotProtectIsPassedOver() {
        // x (2) is small. t (12) is the smallest other part, but t1 + t2 would give t away and x with it:
        // y (16) protects x on its own, so it is hidden instead (before: x, t and t1, three cells for one).
        Map<String, Long> counts = counts("grand", 30, "t", 12, "x", 2, "y", 16, "t1", 6, "t2", 6);
        List<SumGroup<String>> groups = List.of(
                new SumGroup<>("grand", List.of("t", "x", "y")),
                new SumGroup<>("t", List.of("t1", "t2")));
        Set<String> hidden = Disclosure.suppressed(counts, groups);
        assertThat(hidden).containsExactlyInAnyOrder("x", "y");
        assertThat(new DisclosureAudit<>(counts, hidden, groups.stream().map(SumGroup::relation).toList())
                .determined()).isEmpty();
    }

    @Test
    void severalHiddenCellsPinnedByTheirLowerBoundsAreProtected() {
        // The Ombudsman attack: 9 decisions = 6 closed + three hidden outcomes of 1, each at least 1, so all 1.
        Map<String, Long> counts = counts("decisions", 9, "closed", 6, "notUpheld", 1, "noInjustice", 1,
                "injustice", 1, "fault", 2);
        List<SumGroup<String>> groups = List.of(
                new SumGroup<>("decisions", List.of("closed", "notUpheld", "noInjustice", "injustice")),
                new SumGroup<>("fault", List.of("noInjustice", "injustice")));
        Set<String> hidden = Disclosure.suppressed(counts, groups);
        assertThat(hidden).contains("notUpheld", "noInjustice", "injustice", "fault", "closed");
        var audit = new DisclosureAudit<>(counts, hidden, groups.stream().map(SumGroup::relation).toList());
        assertThat(audit.determined()).isEmpty();
        assertThat(audit.ranges().get("injustice").max()).isGreaterThan(1);
    }

    @Test
    void aSmallTotalOfAsManyPartsAsItCountsIsPublishedAllHiddenThoughTheAuditsBoundsAloneGiveItAway() {
        // 5 resolved as five outcomes of 1: granted that a small count is at most 5 and a hidden non-zero one at
        // least 1, the audit's reader works every cell out whatever else is hidden. All are hidden; nothing
        // more can help, and suppression says so by returning rather than failing (generated data found it).
        Map<String, Long> counts = counts("resolved", 5, "a", 1, "b", 1, "c", 1, "d", 1, "e", 1);
        List<SumGroup<String>> groups = List.of(new SumGroup<>("resolved", List.of("a", "b", "c", "d", "e")));
        Set<String> hidden = Disclosure.suppressed(counts, groups);
        assertThat(hidden).containsExactlyInAnyOrder("resolved", "a", "b", "c", "d", "e");
        assertThat(new DisclosureAudit<>(counts, hidden, groups.stream().map(SumGroup::relation).toList())
                .determined()).containsExactlyInAnyOrder("resolved", "a", "b", "c", "d", "e");
    }

    @Test
    void secondarySuppressionCascadesAcrossGroupsUntilNothingCanBeRecovered() {
        // Two tables sharing cells: rows a+b = r1, columns a+c = k1.
        Map<String, Long> counts = counts("r1", 10, "a", 2, "b", 8, "k1", 20, "c", 18);
        List<SumGroup<String>> groups = List.of(new SumGroup<>("r1", List.of("a", "b")),
                new SumGroup<>("k1", List.of("a", "c")));
        Set<String> hidden = Disclosure.suppressed(counts, groups);
        assertThat(hidden).containsExactlyInAnyOrder("a", "b", "c");
        for (SumGroup<String> group : groups) {
            long hiddenMembers = group.members().filter(hidden::contains).count();
            assertThat(hiddenMembers).isNotEqualTo(1);
        }
    }

    private static DisclosedSnapshot disclose(Buckets buckets, boolean publicOutput) {
        KpiSnapshot snapshot = new KpiEvaluator(buckets.reader()).snapshot("A", YEAR);
        return Disclosure.disclose(snapshot, publicOutput);
    }

    @Test
    void catalogueFiguresHideSmallCountsTheirComplementsAndWhatIsDerivedFromThem() {
        Buckets b = new Buckets("A")
                .add(Metric.received(C, 1), Metric.ALL, "2015-05-01", 40)
                .add(Metric.received(C, 1), Metric.ALL, "2014-05-01", 30)
                .add(Metric.received(C, 2), Metric.ALL, "2015-05-01", 3)
                .add(Metric.complainant(C), "CHILD_OR_YOUNG_PERSON", "2015-05-01", 4)
                .add(Metric.complainant(C), "PARENT", "2015-05-01", 30)
                .add(Metric.complainant(C), "FOSTER_CARER", "2015-05-01", 6)
                .add(Metric.complainant(C), "PARENT", "2014-05-01", 30);
        DisclosedSnapshot published = disclose(b, true);

        assertThat(published.figure("stage1.received").current().text()).isEqualTo("40");
        assertThat(published.figure("stage2.received").current().text()).isEqualTo("c");
        assertThat(published.figure("escalation.rate").current().text()).isEqualTo("c");
        assertThat(published.figure("escalation.rate").prior().text()).isEqualTo("0.0%");
        assertThat(published.figure("stage2.received").change().text()).isEqualTo("c");
        assertThat(published.figure("stage2.received").percentChange().text()).isEqualTo("c");
        // 4 children of 40 would be recoverable from "everyone else" (36): both hidden, and their rates.
        assertThat(published.figure("complainant.children").current().text()).isEqualTo("c");
        assertThat(published.figure("complainant.others").current().text()).isEqualTo("c");
        assertThat(published.figure("complainant.children.rate").current().text()).isEqualTo("c");
        assertThat(published.figure("complainant.others.rate").current().text()).isEqualTo("c");
        // In the breakdown by type, the child's 4 needs a complement too: foster carers (6) are next smallest.
        assertThat(published.find("complainant.by_type", "CHILD_OR_YOUNG_PERSON").orElseThrow().current().text())
                .isEqualTo("c");
        assertThat(published.find("complainant.by_type", "FOSTER_CARER").orElseThrow().current().text())
                .isEqualTo("c");
        assertThat(published.find("complainant.by_type", "PARENT").orElseThrow().current().text()).isEqualTo("30");
        // The prior year is suppressed on its own: nothing small there.
        assertThat(published.figure("complainant.others").prior().text()).isEqualTo("30");
        assertThat(published.figure("complainant.others.rate").prior().text()).isEqualTo("100.0%");
        assertThat(published.figure("complainant.others").change().text()).isEqualTo("c");
    }

    /** Stage 1 complaints received in 2013/14, 2014/15 and 2015/16, each counted by area and complainant, none closed. */
    private static Buckets nothingClosed(long... received) {
        Buckets b = new Buckets("A");
        for (int y = 0; y < received.length; y++) {
            String day = (2013 + y) + "-06-01";
            b.add(Metric.received(C, 1), Metric.ALL, day, received[y]).add(Metric.serviceArea(C), "Area", day, received[y])
                    .add(Metric.complainant(C), "PARENT", day, received[y]);
        }
        return b;
    }

    /** The hidden counts a reader of the 2014/15 and 2015/16 public reports can work out. */
    private static Set<?> attack(Buckets b) {
        return new PublicReports(new KpiEvaluator(b.reader()), "A", List.of("2014/15", "2015/16")).audit().determined();
    }

    /** 2015/16's stage 1 intake, escalations unanswered, complaints resolved and balance open, as published. */
    private static List<String> stage1(Buckets b) {
        DisclosedSnapshot published = disclose(b, true);
        return Stream.of("stage1.received", "stage1.escalated_unresponded", "stage1.resolved", "stage1.open")
                .map(id -> published.figure(id).current().text()).toList();
    }

    @Test
    void aYearInWhichNothingClosedHidesAZeroClosureSoTheOpenBalancesDoNotGiveItsSmallIntakeAway() {
        // 2015/16: 6 open at the start (shown last year), 2 received, none closed, 8 open at the end. With no
        // non-zero count left to hide, a zero closure is hidden: the intake is then 2 or more, not exactly 2.
        Buckets b = nothingClosed(3, 3, 2);
        assertThat(stage1(b)).containsExactly("c", "c", "0", "8");
        assertThat(disclose(b, true).figure("stage1.open").prior().text()).isEqualTo("6");
        assertThat(attack(b)).isEmpty();
    }

    @Test
    void whenNoHiddenZeroWouldProtectTheSmallIntakeTheBalanceOpenAtTheEndIsHidden() {
        // 6 open at the start, 11 at the end, none closed: 5 received, the most a small count can be, so hidden
        // closures of at least 0 still leave exactly 5. Only the balance at the end is left to hide.
        Buckets b = nothingClosed(3, 3, 5);
        assertThat(stage1(b)).containsExactly("c", "0", "0", "c");
        assertThat(attack(b)).isEmpty();
    }

    @Test
    void notForPublicationShowsEverythingButStillMarksNotApplicableAndRoundsToZero() {
        Buckets b = new Buckets("A")
                .add(Metric.received(C, 2), Metric.ALL, "2015-05-01", 3)
                .add(Metric.received(C, 1), Metric.ALL, "2015-05-01", 4000);
        DisclosedSnapshot internal = disclose(b, false);
        assertThat(internal.publicOutput()).isFalse();
        assertThat(internal.figure("stage2.received").current().text()).isEqualTo("3");
        assertThat(internal.figure("escalation.rate").current().text()).isEqualTo("0.1%");
        assertThat(internal.figure("escalation.rate").prior().text()).isEqualTo("z");
        assertThat(internal.figure("stage3.escalation.rate").current().text()).isEqualTo("0.0%");
        assertThat(internal.figure("stage1.received").percentChange().text()).isEqualTo("z");
        Buckets tiny = new Buckets("A")
                .add(Metric.received(C, 2), Metric.ALL, "2015-05-01", 6)
                .add(Metric.received(C, 1), Metric.ALL, "2015-05-01", 20_000);
        assertThat(disclose(tiny, true).figure("escalation.rate").current().text()).isEqualTo("k");
    }

    @Test
    void moneyIsNeverSuppressed() {
        Buckets b = new Buckets("A").add(Metric.COSTS_PENCE, "FINANCIAL_REDRESS", "2015-05-01", 300)
                .add(Metric.OMBUDSMAN_REMEDY_PENCE, Metric.ALL, "2015-05-01", 3);
        DisclosedSnapshot published = disclose(b, true);
        assertThat(published.figure("costs.financial_redress").current().text()).isEqualTo("£3");
        assertThat(published.figure("ombudsman.remedies").current().text()).isEqualTo("£0.03");
    }

    @Test
    void faultFoundCannotBeUsedToRecoverAHiddenOmbudsmanOutcome() {
        Buckets b = new Buckets("A")
                .add(Metric.OMBUDSMAN_DECISIONS, "UPHELD_MALADMINISTRATION_INJUSTICE", "2015-05-01", 7)
                .add(Metric.OMBUDSMAN_DECISIONS, "UPHELD_MALADMINISTRATION_NO_INJUSTICE", "2015-05-01", 2)
                .add(Metric.OMBUDSMAN_DECISIONS, "CLOSED_AFTER_INITIAL_ENQUIRIES", "2015-05-01", 30);
        DisclosedSnapshot published = disclose(b, true);
        assertThat(published.figure("ombudsman.fault_found").current().text()).isEqualTo("9");
        assertThat(published.find("ombudsman.decisions.by_outcome", "UPHELD_MALADMINISTRATION_NO_INJUSTICE")
                .orElseThrow().current().text()).isEqualTo("c");
        assertThat(published.find("ombudsman.decisions.by_outcome", "UPHELD_MALADMINISTRATION_INJUSTICE")
                .orElseThrow().current().text()).isEqualTo("c");
    }

    @Test
    void upholdRatesPerCauseFollowTheirCounts() {
        Buckets b = new Buckets("A")
                .add(Metric.causes(C), "DELAYS_IN_PROVIDING_SERVICES", "2015-05-01", 8)
                .add(Metric.causesUpheld(C), "DELAYS_IN_PROVIDING_SERVICES", "2015-05-01", 6)
                .add(Metric.causes(C), "FAIRNESS", "2015-05-01", 10)
                .add(Metric.causesUpheld(C), "FAIRNESS", "2015-05-01", 3);
        DisclosedSnapshot published = disclose(b, true);
        assertThat(published.find("causes.uphold.rate", "DELAYS_IN_PROVIDING_SERVICES").orElseThrow().current().text())
                .isEqualTo("75.0%");
        assertThat(published.find("causes.uphold.rate", "FAIRNESS").orElseThrow().current().text()).isEqualTo("c");
    }
}
