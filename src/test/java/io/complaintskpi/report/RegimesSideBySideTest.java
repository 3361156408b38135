package io.complaintskpi.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.complaintskpi.report.RegimesFixture.AUTHORITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One team's view (issue 21, item 5) on the running service holding {@link RegimesFixture}'s year: the three
 * procedures' KPIs in one answer, lined up by measure; the caseload carries the regime and filters by one or
 * several (the alerts likewise: {@code AlertsRouteTest}).
 */
@ExtendWith(SeedService.Resolver.class)
class RegimesSideBySideTest {

    private static final String YEAR = "authority=" + AUTHORITY + "&year=2026/27";
    private static SeedService service;

    @BeforeAll
    static void counted(SeedService seedService) {
        service = seedService;
        await("the hand-made year counted").atMost(Duration.ofMinutes(2)).until(() ->
                "3".equals(cells("/api/v1/kpis?" + YEAR + "&regime=corporate").get("not_accepted|corporate")));
    }

    /** The rows without a dimension as measure|regime -> text. */
    private static Map<String, String> cells(String route) {
        Map<String, String> cells = new LinkedHashMap<>();
        service.json(route).get("rows").forEach(row -> {
            if (row.get("dimension").isNull()) {
                cells.put(row.get("measure").asText() + "|" + row.get("regime").asText(), row.get("text").asText());
            }
        });
        return cells;
    }

    @Test
    void regimeAllAnswersTheThreeProceduresLinedUpByMeasure() {
        JsonNode all = service.json("/api/v1/kpis?" + YEAR + "&regime=all");
        assertThat(all.get("regimes")).extracting(JsonNode::asText).containsExactly("children", "adults", "corporate");
        List<String> regimes = new ArrayList<>();
        all.get("rows").forEach(row -> regimes.add(row.get("regime").asText()));
        assertThat(regimes).as("the three procedures' rows, none of the council's shared figures")
                .contains("children", "adults", "corporate").containsOnly("children", "adults", "corporate");

        Map<String, String> cells = cells("/api/v1/kpis?" + YEAR + "&regime=all");
        // K1; A1-A4; C1-C4 (RegimesFixture).
        assertThat(cells).containsEntry("stage1.received|children", "1").containsEntry("stage1.received|adults", "4")
                .containsEntry("stage1.received|corporate", "4");
        // C3 and C4 asked for stage 2; no children's complaint did; the adults' procedure has one stage.
        assertThat(cells).containsEntry("stage2.received|corporate", "2").containsEntry("stage2.received|children", "0")
                .doesNotContainKey("stage2.received|adults");
        // Upheld: C2, C3 of C1-C3 resolved; A1 (A3 not yet answered); K1 not upheld.
        assertThat(cells).containsEntry("stage1.upheld|corporate", "2").containsEntry("stage1.upheld|adults", "1")
                .containsEntry("stage1.upheld|children", "0");
        assertThat(all.at("/rows/0/id").asText()).isEqualTo(all.at("/rows/0/measure").asText());
    }

    @Test
    void oneOrSeveralProceduresAndAPrefixOfTheMeasure() {
        Map<String, String> two = cells("/api/v1/kpis?" + YEAR + "&regime=adults,corporate&prefix=stage1.received");
        assertThat(two).containsOnlyKeys("stage1.received|adults", "stage1.received|corporate");
        JsonNode corporate = service.json("/api/v1/kpis?" + YEAR + "&regime=corporate&prefix=stage1.received");
        corporate.get("rows").forEach(row -> assertThat(row.get("id").asText()).startsWith("corporate.stage1.received"));

        JsonNode everything = service.json("/api/v1/kpis?" + YEAR);
        assertThat(everything.get("regimes").isNull()).isTrue();
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        everything.get("rows").forEach(row -> byId.putIfAbsent(row.get("id").asText(), row));
        assertThat(byId.get("ombudsman.enquiries").get("regime").isNull()).as("the council's, of every procedure").isTrue();
        assertThat(byId.get("ombudsman.enquiries").get("measure").asText()).isEqualTo("ombudsman.enquiries");
        assertThat(byId.get("adults.stage1.open").get("measure").asText()).isEqualTo("stage1.open");
        assertThat(byId.get("stage1.open").get("regime").asText()).isEqualTo("children");
    }

    @Test
    void aPublicAnswerSuppressesTheSameCellsWhicheverProceduresAreAsked() {
        // Public figures are of closed years only (issue 23): the seed's 2015/16 is one.
        String closed = "authority=E10000018&year=2015/16";
        Map<String, String> side = cells("/api/v1/kpis?" + closed + "&regime=all&public=true");
        Map<String, String> whole = new LinkedHashMap<>();
        service.json("/api/v1/kpis?" + closed + "&public=true").get("rows").forEach(row -> {
            if (row.get("dimension").isNull() && !row.get("regime").isNull()) {
                whole.put(row.get("measure").asText() + "|" + row.get("regime").asText(), row.get("text").asText());
            }
        });
        assertThat(side).isEqualTo(whole).containsEntry("stage3.received|children", "c");
        assertThat(service.get("/api/v1/kpis?" + YEAR + "&regime=all&public=true").status())
                .as("an unfinished year has no public form").isEqualTo(400);
    }

    @Test
    void anUnknownProcedureOrAPrefixOfNoMeasureIsABadRequest() {
        SeedService.Response bad = service.get("/api/v1/kpis?" + YEAR + "&regime=children,housing");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("'regime'").contains("housing")
                .contains("children, adults or corporate, several comma-separated, or all");
        SeedService.Response prefix = service.get("/api/v1/kpis?" + YEAR + "&regime=adults&prefix=stage2");
        assertThat(prefix.status()).isEqualTo(400);
        assertThat(prefix.text()).contains("starts no KPI measure of [adults]");
    }

    @Test
    void theCaseloadCarriesTheRegimeAndFiltersByOneOrSeveral() {
        JsonNode corporate = service.json("/api/v1/complaints?status=open&authority=" + AUTHORITY + "&regime=corporate");
        assertThat(corporate.get("rows")).extracting(r -> r.get("complaintId").asText()).containsExactly("C4");
        assertThat(corporate.at("/rows/0/regime").asText()).isEqualTo("CORPORATE");
        // A3's answer (February 2027) is not yet published: RegimesFixture.publishable().
        JsonNode adults = service.json("/api/v1/complaints?status=open&authority=" + AUTHORITY + "&regime=adults");
        assertThat(adults.get("rows")).extracting(r -> r.get("complaintId").asText())
                .containsExactlyInAnyOrder("A2", "A3", "A4");
        JsonNode both = service.json("/api/v1/complaints?status=open&authority=" + AUTHORITY + "&regime=adults,corporate");
        assertThat(both.get("count").asInt()).isEqualTo(4);
        assertThat(service.json("/api/v1/complaints?status=open&authority=" + AUTHORITY + "&regime=all")
                .get("count").asInt()).isEqualTo(both.get("count").asInt()); // K1 was answered

    }

    /**
     * The dashboards' regime variable on a series and the rolling rates: the path names a measure of the procedure
     * asked for (C1-C4 received; O3 names no procedure, so it is the children's referral, O2 the adults').
     */
    @Test
    void aSeriesAndTheRollingRatesOfOneProcedureByMeasure() {
        JsonNode corporate = service.json("/api/v1/kpis/stage1.received/series?" + YEAR + "&regime=corporate");
        assertThat(corporate.get("id").asText()).isEqualTo("corporate.stage1.received");
        assertThat(total(corporate)).isEqualTo(4);
        assertThat(total(service.json("/api/v1/kpis/ombudsman.referrals/series?" + YEAR + "&regime=children"))).isEqualTo(1);
        assertThat(total(service.json("/api/v1/kpis/ombudsman.referrals/series?" + YEAR + "&regime=adults"))).isEqualTo(1);
        assertThat(service.json("/api/v1/kpis/stage2.received/series?" + YEAR + "&regime=adults").get("rows"))
                .as("adults' complaints have one stage").isEmpty();
        assertThat(service.get("/api/v1/kpis/stage9.received/series?" + YEAR + "&regime=adults").status()).isEqualTo(404);
        JsonNode rolling = service.json("/api/v1/kpis/rolling?authority=" + AUTHORITY + "&end=2026-12-01&regime=adults");
        assertThat(rolling.get("rows")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.get("id").asText()).startsWith("adults."));
    }

    private static long total(JsonNode series) {
        long sum = 0;
        for (JsonNode row : series.get("rows")) {
            sum += row.get("value").asLong();
        }
        return sum;
    }
}
