package io.complaintskpi.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.ops.Dashboards.Dashboard;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboards are well-formed Grafana JSON that only uses provisioned data sources and defined variables. */
class DashboardJsonTest {

    /** The dashboards of the issue: Overview, Timeliness, Causes & outcomes, Costs, Ombudsman & ADR, Live, Health. */
    private static final int DASHBOARDS = 7;

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
    void everyVariableUsedIsDefined() {
        for (Dashboard d : dashboards) {
            Set<String> defined = new HashSet<>(GrafanaVariables.BUILT_IN);
            d.json().path("templating").path("list").forEach(v -> defined.add(v.path("name").asText()));
            assertThat(defined).as(d.name() + ": every dashboard lets the reader pick authority and period")
                    .contains("authority", "period");
            Set<String> used = new HashSet<>();
            strings(d.json(), used);
            assertThat(used).as(d.name() + ": variables used but not in templating.list").isSubsetOf(defined);
        }
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
