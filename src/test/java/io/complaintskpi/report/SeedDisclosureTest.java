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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intruder's attack of issue 12 ({@link PublicReports}) on the public reports of the seed fixture
 * (2013/14 to 2015/16, each with its prior year), all three at once: no hidden count may come out as a
 * single value.
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

    @Test
    void theIntruderRecoversNoHiddenCountFromTheThreePublicReports() {
        DisclosureAudit<PublicReports.Published> audit = reports.audit();
        assertThat(reports.hidden).hasSizeGreaterThan(100);
        assertThat(audit.determined()).as("hidden counts a reader can work out").isEmpty();
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
        Map<PublicReports.Published, Range> ranges = reports.audit().ranges();
        for (PublicReports.Published cell : attacked) {
            assertThat(reports.hidden).contains(cell);
            assertThat(ranges.get(cell).determined()).as("%s in %s", cell, ranges.get(cell)).isFalse();
        }
        // No finding 2013/14 (6) was hidden only to protect the 5 withdrawn; it is not small, and the withdrawn is
        // now protected by hiding the complaints resolved (resolved - responses = withdrawn), so 6 may be shown.
        PublicReports.Published noFinding = cell("2013/14", "stage1.outcome.no_finding", null);
        assertThat(reports.hidden.contains(noFinding) ? ranges.get(noFinding).determined() : reports.values.get(noFinding) <= 5)
                .isFalse();
        assertThat(reports.shownAs.get(cell("2015/16", "stage1.outcome.withdrawn", null))).isNotNull();
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
