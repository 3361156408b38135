package io.complaintskpi.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every Infinity query of the dashboards (panels, variables, annotations), sent to the running service the
 * way Grafana would: the route answers 200 with JSON that has the panel's root, columns, and rows that its
 * filters keep. Grafana itself is not needed: these are the parts of a panel that can break.
 */
@ExtendWith(LiveStack.Extension.class)
class InfinityPanelsTest {

    @TestFactory
    Stream<DynamicTest> everyInfinityQueryGetsTheColumnsItSelects(LiveStack stack) {
        List<Dashboards.Query> queries = new ArrayList<>(Dashboards.queries(Dashboards.INFINITY_UID));
        queries.addAll(Dashboards.queries(Dashboards.CASELOAD_UID));
        assertThat(queries).hasSizeGreaterThan(10);
        return queries.stream().flatMap(q -> q.choices(q.url()).stream().map(choice -> dynamicTest(choice.name(), () -> {
            String url = q.fill(q.url(), choice);
            assertThat(url).as("Infinity URLs are paths on the data source's base URL").startsWith("/api/v1/");
            // With its data source's token: the figures' viewer token must do for every figures panel.
            HttpResponse<String> response = stack.get(url, LiveStack.DATASOURCE_TOKENS.get(q.datasourceUid()));
            assertThat(response.statusCode()).as("GET " + url + " -> " + response.body()).isEqualTo(200);
            List<JsonNode> rows = rows(LiveStack.parse(response.body()), q.target().path("root_selector").asText());
            List<JsonNode> shown = new ArrayList<>(rows);
            for (Dashboards.RegexFilter filter : q.filters()) {
                if (!selects(q.target(), filter.fieldName())) {
                    continue; // a field of the panel's other query: Grafana filters the joined rows (test below)
                }
                String selector = selectorOf(q.target(), filter.fieldName());
                Pattern regex = Pattern.compile(filter.regex());
                shown.removeIf(row -> !regex.matcher(at(row, selector).asText()).find());
            }
            if (choice.regimes().size() == 1) {
                // One procedure: what is shown is that procedure's (the LiveStack has each procedure's rows
                // but not of every kind, so a table may be empty for one).
                shown.forEach(row -> assertThat(row.path("regime").asText(choice.regimes().get(0)))
                        .as("regime of a row of GET " + url).isEqualToIgnoringCase(choice.regimes().get(0)));
                return;
            }
            assertThat(shown).as("rows shown by " + q.where() + " from GET " + url + " (" + rows.size()
                    + " before its filters)").isNotEmpty();
            for (JsonNode column : q.target().path("columns")) {
                String selector = column.path("selector").asText();
                assertThat(shown.stream().anyMatch(row -> !at(row, selector).isMissingNode()))
                        .as("column '" + selector + "' in the rows of GET " + url + ": " + shown.get(0)).isTrue();
            }
        })));
    }

    /**
     * A table joining its queries by a field ({@code joinByField}, inner, as the KPI tables join the definitions of
     * {@code /api/v1/kpis/definitions} to the figures by KPI id): each query's rows as Grafana's columns name them,
     * joined, then the panel's filters. Every figure shown finds its one definition, and some are shown.
     */
    @TestFactory
    Stream<DynamicTest> everyJoinedTableFindsEachRowsPartner(LiveStack stack) {
        Map<String, List<Dashboards.Query>> byPanel = new LinkedHashMap<>();
        Dashboards.queries(Dashboards.INFINITY_UID).stream().filter(q -> !joinField(q).isEmpty())
                .forEach(q -> byPanel.computeIfAbsent(q.where().substring(0, q.where().lastIndexOf(" / ")),
                        k -> new ArrayList<>()).add(q));
        assertThat(byPanel).as("the KPI tables with a Definition column").hasSizeGreaterThanOrEqualTo(4);
        return byPanel.entrySet().stream().flatMap(panel -> {
            List<Dashboards.Query> queries = panel.getValue();
            assertThat(queries).as(panel.getKey()).hasSize(2);
            String by = joinField(queries.get(0));
            return queries.get(0).choices(queries.get(0).url()).stream().map(choice -> dynamicTest(choice.name(), () -> {
                List<Map<String, String>> figures = fields(stack, queries.get(0), choice);
                List<Map<String, String>> partners = fields(stack, queries.get(1), choice);
                Map<String, Map<String, String>> partnerBy = new LinkedHashMap<>();
                partners.forEach(p -> assertThat(partnerBy.put(p.get(by), p)).as(by + " " + p.get(by) + " twice in "
                        + queries.get(1).url()).isNull());
                List<Map<String, String>> joined = new ArrayList<>();
                for (Map<String, String> row : figures) {
                    assertThat(partnerBy).as(choice.name() + ": the partner of " + row).containsKey(row.get(by));
                    Map<String, String> both = new LinkedHashMap<>(row);
                    both.putAll(partnerBy.get(row.get(by)));
                    joined.add(both);
                }
                for (Dashboards.RegexFilter filter : queries.get(0).filters()) {
                    Pattern regex = Pattern.compile(filter.regex());
                    joined.removeIf(row -> !regex.matcher(row.getOrDefault(filter.fieldName(), "")).find());
                }
                if (choice.regimes().size() != 1) {
                    assertThat(joined).as(choice.name()).isNotEmpty();
                }
                joined.forEach(row -> assertThat(row.get("Definition")).as(choice.name() + ": " + row).isNotBlank());
            }));
        });
    }

    /** The field a query's panel joins its queries by ({@code joinByField}), or "" when it joins none. */
    private static String joinField(Dashboards.Query q) {
        return q.transformations().stream().filter(t -> t.path("id").asText().equals("joinByField"))
                .map(t -> t.at("/options/byField").asText()).findFirst().orElse("");
    }

    /** A query's rows as Grafana's fields: column text to value text. */
    private static List<Map<String, String>> fields(LiveStack stack, Dashboards.Query q, Dashboards.Choice choice) {
        String url = q.fill(q.url(), choice);
        HttpResponse<String> response = stack.get(url, LiveStack.DATASOURCE_TOKENS.get(q.datasourceUid()));
        assertThat(response.statusCode()).as("GET " + url + " -> " + response.body()).isEqualTo(200);
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode row : rows(LiveStack.parse(response.body()), q.target().path("root_selector").asText())) {
            Map<String, String> fields = new LinkedHashMap<>();
            q.target().path("columns").forEach(c -> fields.put(c.path("text").asText(),
                    at(row, c.path("selector").asText()).asText()));
            rows.add(fields);
        }
        return rows;
    }

    /** The live tables list each procedure's complaints and alerts, and only those, when it alone is chosen. */
    @Test
    void theRegimeVariableOfTheLiveTablesKeepsEachProceduresRows(LiveStack stack) {
        for (String regime : List.of("children", "adults", "corporate")) {
            for (String route : List.of("/api/v1/alerts?", "/api/v1/complaints?status=open&")) {
                JsonNode body = LiveStack.parse(stack.get(route + "authority=" + LiveStack.VARIABLES.get("authority")
                        + "&regime=" + regime).body());
                List<String> regimes = new ArrayList<>();
                body.path(route.contains("alerts") ? "alerts" : "rows").forEach(r -> regimes.add(r.path("regime").asText()));
                assertThat(regimes).as(route + regime).isNotEmpty().containsOnly(regime.toUpperCase(Locale.ROOT));
            }
        }
    }

    /** The caseload dashboards' panels read what only a caseworker may: hence their own data source. */
    @Test
    void theCaseloadDataSourceServesWhatAViewersTokenMayNotRead(LiveStack stack) {
        List<Dashboards.Query> caseload = Dashboards.queries(Dashboards.CASELOAD_UID).stream()
                .filter(q -> !q.where().contains("/ variable $")).toList();
        assertThat(caseload).hasSizeGreaterThanOrEqualTo(3);
        for (Dashboards.Query q : caseload) {
            for (Dashboards.Choice choice : q.choices(q.url())) {
                String url = q.fill(q.url(), choice);
                assertThat(stack.get(url, LiveStack.VIEWER_TOKEN).statusCode()).as(choice.name() + ": " + url)
                        .isEqualTo(403);
            }
        }
    }

    @Test
    void theLiveDeadlinesTableListsTheMostOverdueFirst(LiveStack stack) {
        JsonNode alerts = LiveStack.parse(stack.get("/api/v1/alerts?authority=" + LiveStack.VARIABLES.get("authority"))
                .body()).path("alerts");
        List<Integer> overdue = new ArrayList<>();
        alerts.forEach(a -> overdue.add(a.path("workingDaysOverdue").asInt()));
        assertThat(overdue).hasSizeGreaterThan(2).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(overdue.get(0)).isPositive();
    }

    /**
     * Issue 22: the benchmarks dashboard's two tables read the authority's rate and its group's statistics and
     * quarter (the stack holds two counties of one region and asks groups of two): every column of the stage 1
     * uphold rate's row has a value, and the statistics are the group's own.
     */
    @Test
    void theBenchmarksTablesShowTheRateBesideItsGroupsStatistics(LiveStack stack) {
        List<Dashboards.Query> tables = Dashboards.queries(Dashboards.INFINITY_UID).stream()
                .filter(q -> q.where().startsWith("benchmarks.json / Rates beside")).toList();
        assertThat(tables).hasSize(2);
        for (Dashboards.Query q : tables) {
            String url = q.fill(q.url(), new Dashboards.Choice(q.where(), List.of()));
            JsonNode body = LiveStack.parse(stack.get(url, LiveStack.VIEWER_TOKEN).body());
            JsonNode upheld = rows(body, q.target().path("root_selector").asText()).stream()
                    .filter(r -> r.at("/indicator/id").asText().equals("stage1.upheld.rate")).findFirst().orElseThrow();
            for (JsonNode column : q.target().path("columns")) {
                JsonNode value = at(upheld, column.path("selector").asText());
                assertThat(value.isMissingNode() || value.isNull()).as(q.where() + ": " + column.path("text").asText()
                        + " in " + upheld).isFalse();
            }
            String group = q.where().contains("council type") ? "councilType" : "region";
            assertThat(at(upheld, group + ".name").asText()).isEqualTo(group.equals("region") ? LiveStack.REGION
                    : "County");
            assertThat(at(upheld, group + ".statistics.count").asInt()).isEqualTo(2);
            BigDecimal median = at(upheld, group + ".statistics.median").decimalValue();
            assertThat(at(upheld, group + ".statistics.lowerQuartile").decimalValue()).isLessThanOrEqualTo(median);
            assertThat(at(upheld, group + ".statistics.upperQuartile").decimalValue()).isGreaterThanOrEqualTo(median);
        }
    }

    /**
     * Issue 22: the benchmarks dashboard's third table lists only the rates with an Ombudsman's average loaded (the
     * stack loads the county's 2015/16 uphold rate, 54.5%), with the authority's difference from it.
     */
    @Test
    void thePublishedAverageTableShowsOnlyTheRatesWithAnAverage(LiveStack stack) {
        Dashboards.Query q = Dashboards.queries(Dashboards.INFINITY_UID).stream()
                .filter(t -> t.where().startsWith("benchmarks.json / Beside the Ombudsman's published average"))
                .findFirst().orElseThrow();
        String url = q.fill(q.url(), new Dashboards.Choice(q.where(), List.of()));
        List<JsonNode> rows = rows(LiveStack.parse(stack.get(url, LiveStack.VIEWER_TOKEN).body()),
                q.target().path("root_selector").asText());
        Pattern regex = Pattern.compile(q.filters().get(0).regex());
        String selector = selectorOf(q.target(), q.filters().get(0).fieldName());
        List<JsonNode> shown = rows.stream().filter(r -> regex.matcher(at(r, selector).asText()).find()).toList();
        assertThat(shown).extracting(r -> r.at("/indicator/id").asText()).containsExactly("ombudsman.uphold.rate");
        JsonNode upheld = shown.get(0);
        assertThat(at(upheld, "ombudsmanAverage.percent").decimalValue()).isEqualByComparingTo("54.5");
        assertThat(at(upheld, "ombudsmanAverage.source").asText()).isEqualTo("Annual review letter 2016");
        assertThat(upheld.path("value").isNumber()).as("the seed's uphold rate in " + upheld).isTrue();
        assertThat(at(upheld, "ombudsmanAverage.difference").decimalValue())
                .isEqualByComparingTo(upheld.path("value").decimalValue().subtract(new BigDecimal("54.5")));
    }

    /** Infinity's root_selector: a dot path to an array of rows, or to one object shown as one row. */
    private static List<JsonNode> rows(JsonNode body, String rootSelector) {
        JsonNode root = rootSelector.isBlank() ? body : at(body, rootSelector);
        assertThat(root.isMissingNode()).as("root '" + rootSelector + "' in " + body).isFalse();
        List<JsonNode> rows = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(rows::add);
        } else {
            rows.add(root);
        }
        return rows;
    }

    private static boolean selects(JsonNode target, String fieldName) {
        for (JsonNode column : target.path("columns")) {
            if (column.path("text").asText().equals(fieldName)) {
                return true;
            }
        }
        return target.path("columns").isEmpty();
    }

    private static String selectorOf(JsonNode target, String fieldName) {
        for (JsonNode column : target.path("columns")) {
            if (column.path("text").asText().equals(fieldName)) {
                return column.path("selector").asText();
            }
        }
        return fieldName;
    }

    private static JsonNode at(JsonNode node, String dotPath) {
        JsonNode current = node;
        for (String part : dotPath.split("\\.")) {
            current = current.path(part);
        }
        return current;
    }
}
