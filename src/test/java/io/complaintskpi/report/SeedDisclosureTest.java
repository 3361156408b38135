package io.complaintskpi.report;

import io.complaintskpi.contributions.OfflineReplay;
import io.complaintskpi.disclosure.DisclosureAudit;
import io.complaintskpi.figures.KpiEvaluator;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.demo.FixtureReader;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.disclosure.Disclosure.FigureKey;
import io.complaintskpi.disclosure.DisclosureAudit.Range;
import io.complaintskpi.disclosure.DisclosureAudit.Relation;
import io.complaintskpi.disclosure.Cell;
import io.complaintskpi.disclosure.Disclosure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intruder's attack of issue 12 ({@link PublicReports}) on the public reports of the seed fixture
 * (2013/14 to 2015/16, each with its prior year), all three at once: no hidden count may come out as a
 * single value. Besides the relations production declares, the intruder knows those of {@link #INTRUDER},
 * written here from the tables themselves, so a relation production forgets is still attacked. Positive
 * controls: with only the small counts hidden (no secondary suppression), the same audit finds the counts
 * that the seed years once exposed, so an audit that under-reports cannot pass.
 */
class SeedDisclosureTest {

    private static final String AUTHORITY = "E10000018";
    private static final List<String> YEARS = List.of("2013/14", "2014/15", "2015/16");

    private static PublicReports reports;

    @BeforeAll
    static void publish() {
        DomainRules rules = DomainWiring.rules(ServiceConfig.load(Map.of(), new Properties(), Map.of()));
        OfflineReplay.Result replay = new OfflineReplay(rules.machine(), rules.contributions())
                .replay(new FixtureReader(rules.codec()).seedFixture());
        reports = new PublicReports(new KpiEvaluator(replay.series()), AUTHORITY, YEARS);
    }

    private static PublicReports.Published cell(String year, String id, String dimension) {
        return new PublicReports.Published(year, new FigureKey(id, dimension));
    }

    /**
     * What a reader of the seed tables can add up, declared from the tables and not from production's
     * relation list: table 7's outcomes add up to those resolved, table 4's responses are table 7's resolved
     * less those withdrawn, upheld is totally plus partly upheld, and the Ombudsman's decisions add up by
     * outcome (fault found: the three upheld outcomes; detailed investigations: those and not upheld).
     */
    static final List<IntruderRelation> INTRUDER = List.of(
            new IntruderRelation("stage1.resolved", List.of("stage1.outcome.totally_upheld",
                    "stage1.outcome.partly_upheld", "stage1.outcome.not_upheld", "stage1.outcome.no_finding",
                    "stage1.outcome.withdrawn"), List.of()),
            new IntruderRelation("stage1.timeliness.total", List.of("stage1.resolved"), List.of("stage1.outcome.withdrawn")),
            new IntruderRelation("stage1.upheld", List.of("stage1.outcome.totally_upheld", "stage1.outcome.partly_upheld"),
                    List.of()),
            new IntruderRelation("ombudsman.decisions", List.of("ombudsman.decisions.by_outcome/*"), List.of()),
            new IntruderRelation("ombudsman.fault_found", List.of(
                    "ombudsman.decisions.by_outcome/UPHELD_MALADMINISTRATION_NO_INJUSTICE",
                    "ombudsman.decisions.by_outcome/UPHELD_MALADMINISTRATION_INJUSTICE",
                    "ombudsman.decisions.by_outcome/UPHELD"), List.of()),
            new IntruderRelation("ombudsman.detailed_investigations", List.of(
                    "ombudsman.decisions.by_outcome/NOT_UPHELD",
                    "ombudsman.decisions.by_outcome/UPHELD_MALADMINISTRATION_NO_INJUSTICE",
                    "ombudsman.decisions.by_outcome/UPHELD_MALADMINISTRATION_INJUSTICE",
                    "ombudsman.decisions.by_outcome/UPHELD"), List.of()));

    /**
     * total = plus - minus, in each year; a cell is {@code id}, {@code id/dimension}, or {@code id/*} for
     * every dimension of a breakdown the reports publish.
     */
    record IntruderRelation(String total, List<String> plus, List<String> minus) {

        Relation<PublicReports.Published> in(String year, Set<PublicReports.Published> published) {
            Map<PublicReports.Published, Long> terms = new LinkedHashMap<>();
            terms.put(cell(year, total), 1L);
            plus.forEach(c -> cells(year, c, published).forEach(k -> terms.merge(k, -1L, Long::sum)));
            minus.forEach(c -> cells(year, c, published).forEach(k -> terms.merge(k, 1L, Long::sum)));
            return Relation.equal(terms, 0);
        }

        private static List<PublicReports.Published> cells(String year, String name, Set<PublicReports.Published> published) {
            if (name.endsWith("/*")) {
                String id = name.substring(0, name.length() - 2);
                return published.stream().filter(c -> c.year().equals(year) && c.key().id().equals(id)).toList();
            }
            return List.of(cell(year, name));
        }

        private static PublicReports.Published cell(String year, String name) {
            int slash = name.indexOf('/');
            return slash < 0 ? SeedDisclosureTest.cell(year, name, null)
                    : SeedDisclosureTest.cell(year, name.substring(0, slash), name.substring(slash + 1));
        }
    }

    /** The intruder's own relations in every year the reports show. */
    private static List<Relation<PublicReports.Published>> intruderRelations() {
        Set<String> years = new TreeSet<>();
        reports.values.keySet().forEach(c -> years.add(c.year()));
        List<Relation<PublicReports.Published>> relations = new ArrayList<>();
        for (String year : years) {
            INTRUDER.forEach(r -> relations.add(r.in(year, reports.values.keySet())));
        }
        return relations;
    }

    /** Production's relations (with the shown rates and changes) and the intruder's own. */
    private static DisclosureAudit<PublicReports.Published> attack(Set<PublicReports.Published> hidden) {
        List<Relation<PublicReports.Published>> all = new ArrayList<>(reports.relations);
        all.addAll(intruderRelations());
        return new DisclosureAudit<>(reports.values, hidden, all);
    }

    /** The counts the seed years exposed before secondary suppression protected them (issue 12). */
    private static final List<PublicReports.Published> ONCE_EXPOSED = List.of(
            cell("2014/15", "stage1.outcome.withdrawn", null),
            cell("2013/14", "stage1.outcome.withdrawn", null),
            cell("2015/16", "ombudsman.decisions.by_outcome", "NOT_UPHELD"),
            cell("2015/16", "ombudsman.decisions.by_outcome", "UPHELD_MALADMINISTRATION_NO_INJUSTICE"),
            cell("2015/16", "ombudsman.decisions.by_outcome", "UPHELD_MALADMINISTRATION_INJUSTICE"));

    @Test
    void theIntruderRecoversNoHiddenCountFromTheThreePublicReports() {
        assertThat(reports.hidden).hasSizeGreaterThan(100);
        assertThat(attack(reports.hidden).determined()).as("hidden counts a reader can work out").isEmpty();
    }

    @Test
    void withOnlyTheSmallCountsHiddenTheIntruderFindsTheCountsTheSeedYearsOnceExposed() {
        Set<PublicReports.Published> smallOnly = new LinkedHashSet<>();
        reports.values.forEach((cell, value) -> {
            if (Disclosure.isSmall(value)) {
                smallOnly.add(cell);
            }
        });
        assertThat(smallOnly).containsAll(ONCE_EXPOSED).isNotEqualTo(reports.hidden);
        // From the intruder's own relations alone: they hold without anything production declares.
        assertThat(new DisclosureAudit<>(reports.values, smallOnly, intruderRelations()).determined())
                .containsAll(ONCE_EXPOSED);
        assertThat(attack(smallOnly).determined()).containsAll(ONCE_EXPOSED);
    }

    @Test
    void theIntrudersOwnRelationsHoldOnTheSeedFiguresSoTheAuditUsesThem() {
        // The audit drops a relation the figures do not satisfy: one that did not hold would attack nothing.
        List<Relation<PublicReports.Published>> relations = intruderRelations();
        assertThat(relations).hasSize(INTRUDER.size() * 4);
        for (Relation<PublicReports.Published> relation : relations) {
            assertThat(relation.terms().keySet()).as("%s: cells the reports publish", relation)
                    .allSatisfy(c -> assertThat(reports.values).containsKey(c));
            long sum = relation.terms().entrySet().stream().mapToLong(t -> t.getValue() * reports.values.get(t.getKey())).sum();
            assertThat(sum).as("%s", relation).isEqualTo(relation.constant());
        }
    }

    @Test
    void theCellsTheIssueRecoveredStayHiddenAndOpen() {
        List<PublicReports.Published> attacked = List.of(
                cell("2014/15", "stage1.outcome.withdrawn", null),
                cell("2013/14", "stage1.outcome.withdrawn", null),
                cell("2015/16", "ombudsman.detailed_investigations", null),
                cell("2015/16", "ombudsman.decisions.by_outcome", "NOT_UPHELD"),
                cell("2015/16", "ombudsman.decisions.by_outcome", "UPHELD_MALADMINISTRATION_NO_INJUSTICE"),
                cell("2015/16", "ombudsman.decisions.by_outcome", "UPHELD_MALADMINISTRATION_INJUSTICE"),
                cell("2015/16", "ombudsman.fault_found", null));
        Map<PublicReports.Published, Range> ranges = attack(reports.hidden).ranges();
        for (PublicReports.Published cell : attacked) {
            assertThat(reports.hidden).contains(cell);
            assertThat(ranges.get(cell).determined()).as("%s in %s", cell, ranges.get(cell)).isFalse();
        }
        // No finding 2013/14 (6) was hidden only to protect the 5 withdrawn; it is not small, and the withdrawn is
        // now protected by hiding the complaints resolved (resolved - responses = withdrawn), so 6 may be shown.
        PublicReports.Published noFinding = cell("2013/14", "stage1.outcome.no_finding", null);
        assertThat(reports.hidden.contains(noFinding) ? ranges.get(noFinding).determined() : reports.values.get(noFinding) <= 5)
                .isFalse();
        // 2015/16's withdrawn (a count above 5) is published as it is: protecting the years around it hid nothing here.
        PublicReports.Published withdrawn = cell("2015/16", "stage1.outcome.withdrawn", null);
        assertThat(reports.values.get(withdrawn)).isGreaterThan(Disclosure.LARGEST_SUPPRESSED);
        assertThat(reports.shownAs.get(withdrawn)).isEqualTo(Cell.Kind.COUNT);
    }

    @Test
    void everyDeclaredRelationHoldsOnTheSeedFigures() {
        for (Relation<PublicReports.Published> relation : reports.relations) {
            long sum = relation.terms().entrySet().stream().mapToLong(t -> t.getValue() * reports.values.get(t.getKey())).sum();
            assertThat(relation.equality() ? sum == relation.constant() : sum <= relation.constant())
                    .as("%s", relation).isTrue();
        }
    }
}
