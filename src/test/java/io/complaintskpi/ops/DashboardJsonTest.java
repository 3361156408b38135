package io.complaintskpi.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.catalogue.KpiDefinition;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.contributions.Metric;
import io.complaintskpi.events.Regime;
import io.complaintskpi.ops.Dashboards.Dashboard;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboards are well-formed Grafana JSON that only uses provisioned data sources and defined variables. */
class DashboardJsonTest {

    /**
     * The dashboards of the issues: Overview, Timeliness, Causes & outcomes, Costs, Ombudsman & ADR, Live, Health,
     * Benchmarks.
     */
    private static final int DASHBOARDS = 8;

    private final List<Dashboard> dashboards = Dashboards.all();

    @Test
    void everyDashboardHasAUniqueUidAndTitleAndACurrentSchema() {
        assertThat(dashboards).hasSize(DASHBOARDS);
        assertThat(dashboards.stream().map(d -> d.json().path("uid").asText())).doesNotHaveDuplicates()
                .allSatisfy(uid -> assertThat(uid).isNotBlank().hasSizeLessThanOrEqualTo(40));
        assertThat(dashboards.stream().map(d -> d.json().path("title").asText())).doesNotHaveDuplicates();
        assertThat(dashboards).allSatisfy(d -> {
            assertThat(d.json().path("schemaVersion").asInt()).as(d.name()).isBetween(36, 41);
            assertThat(d.json().has("id")).as(d.name() + ": provisioned dashboards carry no database id").isFalse();
        });
    }

    @Test
    void panelIdsAreUniqueWithinEachDashboard() {
        assertThat(dashboards).allSatisfy(d -> assertThat(d.panels().stream().map(p -> p.path("id").asInt()))
                .as(d.name()).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isPositive()));
    }

    @Test
    void panelsFitTheGridWithoutOverlapping() {
        for (Dashboard d : dashboards) {
            List<JsonNode> panels = d.panels();
            for (JsonNode p : panels) {
                JsonNode g = p.path("gridPos");
                assertThat(g.path("x").asInt() + g.path("w").asInt()).as(d.name() + " / " + title(p)).isLessThanOrEqualTo(24);
                assertThat(g.path("w").asInt()).as(title(p)).isPositive();
                assertThat(g.path("h").asInt()).as(title(p)).isPositive();
            }
            for (int i = 0; i < panels.size(); i++) {
                for (int j = i + 1; j < panels.size(); j++) {
                    assertThat(overlap(panels.get(i), panels.get(j)))
                            .as(d.name() + ": " + title(panels.get(i)) + " overlaps " + title(panels.get(j))).isFalse();
                }
            }
        }
    }

    @Test
    void everyPanelHasATitleAndTheQueriesItsTypeNeeds() {
        Set<String> types = Set.of("row", "stat", "table", "timeseries", "bargauge", "gauge", "barchart", "text");
        for (Dashboard d : dashboards) {
            for (JsonNode p : d.panels()) {
                assertThat(title(p)).as(d.name()).isNotBlank();
                assertThat(types).as(d.name() + " / " + title(p)).contains(p.path("type").asText());
                if (!p.path("type").asText().equals("row")) {
                    assertThat(p.path("targets")).as(d.name() + " / " + title(p) + " targets").isNotEmpty();
                    Set<String> refIds = new HashSet<>();
                    p.path("targets").forEach(t -> assertThat(refIds.add(t.path("refId").asText()))
                            .as(d.name() + " / " + title(p) + " duplicate refId").isTrue());
                }
            }
        }
    }

    @Test
    void everyDataSourceUsedIsProvisioned() {
        Set<String> provisioned = RepoFiles.list(RepoFiles.DATASOURCES, ".yml").stream()
                .flatMap(f -> StreamSupport.stream(RepoFiles.yaml(f).path("datasources").spliterator(), false))
                .map(ds -> ds.path("uid").asText()).collect(Collectors.toSet());
        assertThat(provisioned).contains(Dashboards.PROMETHEUS_UID, Dashboards.INFINITY_UID);
        for (Dashboard d : dashboards) {
            List<JsonNode> refs = new ArrayList<>(d.json().findValues("datasource"));
            assertThat(refs).as(d.name()).isNotEmpty().allSatisfy(ref -> {
                String uid = ref.isTextual() ? ref.asText() : ref.path("uid").asText();
                if (!uid.equals("-- Grafana --")) {
                    assertThat(provisioned).as(d.name() + ": datasource " + ref).contains(uid);
                }
            });
        }
    }

    @Test
    void everyVariableUsedIsDefinedAndEveryVariableDefinedIsUsed() {
        for (Dashboard d : dashboards) {
            Set<String> defined = new HashSet<>();
            d.json().path("templating").path("list").forEach(v -> defined.add(v.path("name").asText()));
            Set<String> used = new HashSet<>();
            strings(d.json(), used);
            Set<String> known = new HashSet<>(defined);
            known.addAll(GrafanaVariables.BUILT_IN);
            assertThat(used).as(d.name() + ": variables used but not in templating.list").isSubsetOf(known);
            assertThat(defined).as(d.name() + ": variables defined but never used").isSubsetOf(used);
        }
    }

    /**
     * Issue 21: the live dashboard chooses one, several or all procedures (every query uses the choice); the
     * overview one procedure for its volumes by stage. The options are the regimes the API knows.
     */
    @Test
    void theLiveAndOverviewDashboardsHaveAProcedureVariableTheirQueriesUse() {
        List<String> regimes = Arrays.stream(Regime.values()).map(Metric::regime).toList();
        for (String name : List.of("live-deadlines.json", "overview.json")) {
            Dashboard d = dashboards.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            JsonNode regime = StreamSupport.stream(d.variables().spliterator(), false)
                    .filter(v -> v.path("name").asText().equals(Dashboards.REGIME)).findFirst().orElseThrow();
            boolean live = name.startsWith("live");
            assertThat(regime.path("type").asText()).as(name).isEqualTo("custom");
            assertThat(List.of(regime.path("query").asText().split(","))).as(name).containsExactlyElementsOf(regimes);
            assertThat(regime.path("multi").asBoolean()).as(name + ": several at once").isEqualTo(live);
            assertThat(regime.path("includeAll").asBoolean()).as(name + ": All").isEqualTo(live);
            List<String> texts = d.panels().stream().flatMap(p -> StreamSupport.stream(p.path("targets").spliterator(), false))
                    .map(t -> t.path("url").asText(t.path("expr").asText())).toList();
            if (live) {
                assertThat(texts).as(name + ": every query filters by procedure").isNotEmpty().allSatisfy(t ->
                        assertThat(t).containsAnyOf("regime=${regime:csv}", "regime=~\"$regime\""));
            } else {
                assertThat(texts).filteredOn(t -> t.startsWith("/api/v1/kpis/received") || t.startsWith("/api/v1/kpis/open"))
                        .hasSize(3).allSatisfy(t -> assertThat(t).endsWith("&regime=$regime"));
            }
        }
    }

    /**
     * Issue 21: the timeliness, causes, costs and Ombudsman dashboards show one procedure at a time, and every query of
     * theirs asks the API for that procedure's figures, so none shows another procedure's or the council's.
     */
    @Test
    void theFiguresDashboardsShowOneProcedureAndEveryQueryAsksForIt() {
        List<String> regimes = Arrays.stream(Regime.values()).map(Metric::regime).toList();
        for (String name : List.of("timeliness.json", "causes-outcomes.json", "costs.json", "ombudsman-adr.json")) {
            Dashboard d = dashboards.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            JsonNode regime = StreamSupport.stream(d.variables().spliterator(), false)
                    .filter(v -> v.path("name").asText().equals(Dashboards.REGIME)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " has no regime variable"));
            assertThat(regime.path("type").asText()).as(name).isEqualTo("custom");
            assertThat(List.of(regime.path("query").asText().split(","))).as(name).containsExactlyElementsOf(regimes);
            assertThat(regime.path("multi").asBoolean()).as(name + ": one at a time").isFalse();
            List<String> urls = d.panels().stream().flatMap(p -> StreamSupport.stream(p.path("targets").spliterator(), false))
                    .map(t -> t.path("url").asText()).toList();
            assertThat(urls).as(name + ": every query asks for the chosen procedure").isNotEmpty()
                    .allSatisfy(url -> assertThat(url).startsWith("/api/v1/").containsPattern("[?&]regime=\\$regime"));
        }
    }

    @Test
    void periodsComeFromTheApiNewestFirstAndTheTimeRangeIsTheCurrentFinancialYear() {
        for (Dashboard d : dashboards) {
            boolean annual = false;
            for (JsonNode v : d.json().path("templating").path("list")) {
                String name = v.path("name").asText();
                if (name.equals("period") || name.equals("year")) {
                    annual = true;
                    assertThat(v.path("type").asText()).as(d.name() + " $" + name).isEqualTo("query");
                    assertThat(v.at("/query/infinityQuery/url").asText()).startsWith("/api/v1/periods?");
                    assertThat(v.path("sort").asInt()).as(d.name() + " $" + name + ": the API's order, newest first")
                            .isZero();
                    assertThat(v.path("current").path("value").isMissingNode())
                            .as(d.name() + " $" + name + ": no stored default, so the first (current) year is taken")
                            .isTrue();
                }
            }
            if (annual) {
                assertThat(d.json().at("/time/from").asText()).as(d.name()).isEqualTo("now/fy");
                assertThat(d.json().at("/time/to").asText()).as(d.name()).isEqualTo("now/fy");
                assertThat(d.json().path("fiscalYearStartMonth").asInt()).as(d.name() + ": April").isEqualTo(3);
                assertThat(d.json().path("refresh").asText()).as(d.name() + ": refreshed on demand").isEmpty();
            }
        }
        Dashboard health = dashboards.stream().filter(d -> d.name().equals("service-health.json")).findFirst().orElseThrow();
        assertThat(health.json().at("/templating/list/0/name").asText()).isEqualTo("instance");
        assertThat(health.panels().stream().flatMap(p -> StreamSupport.stream(p.path("targets").spliterator(), false))
                .map(t -> t.path("expr").asText())).isNotEmpty()
                .allSatisfy(e -> assertThat(e).contains("instance=~\"$instance\""));
    }

    @Test
    void unitsFollowTheKpisShown() {
        int checked = 0;
        for (Dashboard d : dashboards) {
            for (JsonNode p : d.panels()) {
                Set<KpiDefinition.Unit> units = kpis(p).stream().map(KpiDefinition::unit).collect(Collectors.toSet());
                if (units.isEmpty() || !Set.of("stat", "bargauge", "timeseries", "gauge").contains(p.path("type").asText())) {
                    continue;
                }
                checked++;
                String where = d.name() + " / " + title(p);
                assertThat(units).as(where + ": one unit per panel").hasSize(1);
                JsonNode defaults = p.at("/fieldConfig/defaults");
                switch (units.iterator().next()) {
                    case PERCENT -> {
                        assertThat(defaults.path("unit").asText()).as(where).isEqualTo("percent");
                        assertThat(defaults.path("min").asInt(-1)).as(where + " min").isZero();
                        assertThat(defaults.path("max").asInt()).as(where + " max").isEqualTo(100);
                    }
                    case PENCE -> {
                        assertThat(defaults.path("unit").asText()).as(where).isEqualTo("currencyGBP");
                        assertThat(p.path("transformations").toString()).as(where + ": pence / 100")
                                .contains("\"operator\":\"/\"", "\"right\":\"100\"");
                    }
                    case COUNT -> assertThat(defaults.path("unit").asText()).as(where).isIn("none", "short", "");
                }
            }
        }
        assertThat(checked).isGreaterThan(15);
    }

    @Test
    void timelinessIsRedBelowItsTargetAndOverBandsAreRedAboveTheRest() {
        Map<String, Integer> targets = new HashMap<>();
        RepoFiles.yaml(RepoFiles.RULES).findValues("rules").forEach(group -> group.forEach(rule -> {
            if (rule.path("record").asText().equals("complaints_kpi:timeliness_target:percent")) {
                targets.put(rule.at("/labels/kpi").asText(), Integer.parseInt(
                        rule.path("expr").asText().replaceAll("\\D", "")));
            }
        }));
        assertThat(targets).containsKeys("stage1.timeliness.within20.rate", "stage2.timeliness.within65.rate");
        int checked = 0;
        for (Dashboard d : dashboards) {
            for (JsonNode p : d.panels()) {
                for (KpiDefinition kpi : kpis(p)) {
                    String id = kpi.id();
                    String within = id.replaceAll("over(\\d+)", "within$1");
                    Integer target = targets.get(within);
                    if (target == null) {
                        continue;
                    }
                    checked++;
                    String where = d.name() + " / " + title(p) + " / " + id;
                    List<Integer> steps = new ArrayList<>();
                    List<String> colors = new ArrayList<>();
                    thresholdsOf(p, id).path("steps").forEach(st -> {
                        steps.add(st.path("value").isNull() ? null : st.path("value").asInt());
                        colors.add(st.path("color").asText());
                    });
                    if (p.path("type").asText().equals("timeseries")) {
                        assertThat(steps).as(where + ": a target line").contains(target);
                        assertThat(p.at("/fieldConfig/defaults/custom/thresholdsStyle/mode").asText()).as(where)
                                .isIn("line", "dashed", "line+area", "dashed+area");
                    } else if (id.equals(within)) {
                        assertThat(steps).as(where).containsExactly(null, target);
                        assertThat(colors).as(where).containsExactly("red", "green");
                    } else {
                        assertThat(steps).as(where + ": inverted").containsExactly(null, 100 - target);
                        assertThat(colors).as(where + ": inverted").containsExactly("green", "red");
                    }
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
    }

    /** The thresholds a KPI's field gets: its by-name override, else the panel's defaults. */
    private static JsonNode thresholdsOf(JsonNode panel, String id) {
        for (JsonNode o : panel.at("/fieldConfig/overrides")) {
            if (o.at("/matcher/id").asText().equals("byName") && o.at("/matcher/options").asText().equals(id)) {
                for (JsonNode prop : o.path("properties")) {
                    if (prop.path("id").asText().equals("thresholds")) {
                        return prop.path("value");
                    }
                }
            }
        }
        return panel.at("/fieldConfig/defaults/thresholds");
    }

    /**
     * The KPIs a panel shows: the ids of its series URLs, or the catalogue ids its regex filter keeps; where the URL
     * asks for the chosen procedure ({@code regime=$regime}), the path and the filters name measures, so every
     * procedure's KPI of that measure.
     */
    private static List<KpiDefinition> kpis(JsonNode panel) {
        List<KpiDefinition> shown = new ArrayList<>();
        List<Pattern> filters = new ArrayList<>();
        for (JsonNode t : panel.path("transformations")) {
            if (t.path("id").asText().equals("filterByValue")) {
                t.at("/options/filters").forEach(f -> {
                    if (List.of("id", "measure").contains(f.path("fieldName").asText())) {
                        filters.add(Pattern.compile(f.at("/config/options/value").asText()));
                    }
                });
            }
        }
        for (JsonNode t : panel.path("targets")) {
            String url = t.path("url").asText();
            boolean byMeasure = url.contains("regime=$regime");
            Function<KpiDefinition, String> name = byMeasure ? KpiDefinition::measure : KpiDefinition::id;
            Matcher series = Pattern.compile("^/api/v1/kpis/([\\w.]+)/series").matcher(url);
            if (series.find()) {
                KpiDefinitions.all().stream().filter(k -> name.apply(k).equals(series.group(1))
                        && (!byMeasure || k.regime() != null)).forEach(shown::add);
            } else if (url.startsWith("/api/v1/kpis?") && !filters.isEmpty()) {
                KpiDefinitions.all().stream().filter(k -> !byMeasure || k.regime() != null)
                        .filter(k -> filters.stream().allMatch(f -> f.matcher(name.apply(k)).find())).forEach(shown::add);
            }
        }
        return shown;
    }

    private static void strings(JsonNode node, Set<String> usedVariables) {
        if (node.isTextual()) {
            usedVariables.addAll(GrafanaVariables.used(node.asText()));
        }
        node.forEach(child -> strings(child, usedVariables));
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        JsonNode g = a.path("gridPos");
        JsonNode h = b.path("gridPos");
        return g.path("x").asInt() < h.path("x").asInt() + h.path("w").asInt()
                && h.path("x").asInt() < g.path("x").asInt() + g.path("w").asInt()
                && g.path("y").asInt() < h.path("y").asInt() + h.path("h").asInt()
                && h.path("y").asInt() < g.path("y").asInt() + g.path("h").asInt();
    }

    private static String title(JsonNode panel) {
        return panel.path("title").asText();
    }
}
