package io.complaintskpi.ops;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** The provisioned dashboards and every query in them: panels, template variables and annotations. */
final class Dashboards {

    static final String PROMETHEUS_UID = "prometheus";
    static final String INFINITY_UID = "infinity";
    /** The caseload dashboards' Infinity data source: a caseworker's token, apart from the figures'. */
    static final String CASELOAD_UID = "infinity-caseload";

    private Dashboards() {
    }

    record Dashboard(Path file, JsonNode json) {
        String name() {
            return file.getFileName().toString();
        }

        /** Its template variables ({@code templating.list}). */
        JsonNode variables() {
            return json.path("templating").path("list");
        }

        /** Every panel, those inside collapsed rows included. */
        List<JsonNode> panels() {
            List<JsonNode> all = new ArrayList<>();
            for (JsonNode panel : json.path("panels")) {
                all.add(panel);
                panel.path("panels").forEach(all::add);
            }
            return all;
        }
    }

    /**
     * One query: where it is (for test names and messages), its data source uid, its JSON, the variables of
     * its dashboard and its panel's transformations (none for variables and annotations).
     */
    record Query(String where, String datasourceUid, JsonNode target, List<RegexFilter> filters, JsonNode variables,
                 List<JsonNode> transformations) {
        String expr() {
            return target.path("expr").asText();
        }

        String url() {
            return target.path("url").asText();
        }

        /**
         * The choices of the {@code regime} variable to run {@code text} with: one choosing nothing when it does not
         * use the variable; else each procedure alone and, where the variable offers All, the three together.
         */
        List<Choice> choices(String text) {
            if (!GrafanaVariables.used(text).contains(REGIME)) {
                return List.of(new Choice(where, List.of()));
            }
            JsonNode regime = StreamSupport.stream(variables.spliterator(), false)
                    .filter(v -> v.path("name").asText().equals(REGIME)).findFirst().orElseThrow();
            List<String> options = List.of(regime.path("query").asText().split(","));
            List<Choice> choices = new ArrayList<>();
            options.forEach(o -> choices.add(new Choice(where + " [regime " + o + "]", List.of(o))));
            if (regime.path("includeAll").asBoolean()) {
                choices.add(new Choice(where + " [regime All]", options));
            }
            return choices;
        }

        /** The text with the dashboards' test values and the choice's procedures filled in. */
        String fill(String text, Choice choice) {
            return GrafanaVariables.fill(text, LiveStack.VARIABLES,
                    choice.regimes().isEmpty() ? Map.of() : Map.of(REGIME, choice.regimes()));
        }
    }

    /** One way to run a query: its name and the procedures chosen of the {@code regime} variable (empty: none). */
    record Choice(String name, List<String> regimes) {
    }

    static final String REGIME = "regime";

    /** A {@code filterByValue} regex on one field: Grafana keeps only the rows it matches. */
    record RegexFilter(String fieldName, String regex) {
    }

    static List<Dashboard> all() {
        return RepoFiles.list(RepoFiles.DASHBOARDS, ".json").stream()
                .map(file -> new Dashboard(file, RepoFiles.json(file))).toList();
    }

    static List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (Dashboard d : all()) {
            for (JsonNode panel : d.panels()) {
                List<RegexFilter> filters = regexFilters(panel);
                for (JsonNode target : panel.path("targets")) {
                    String uid = target.path("datasource").path("uid").asText(panel.path("datasource").path("uid").asText());
                    queries.add(new Query(d.name() + " / " + panel.path("title").asText() + " / "
                            + target.path("refId").asText(), uid, target, filters, d.variables(),
                            List.copyOf(StreamSupport.stream(panel.path("transformations").spliterator(), false)
                                    .toList())));
                }
            }
            for (JsonNode variable : d.json().path("templating").path("list")) {
                JsonNode infinity = variable.path("query").path("infinityQuery");
                if (!infinity.isMissingNode()) {
                    queries.add(new Query(d.name() + " / variable $" + variable.path("name").asText(),
                            variable.path("datasource").path("uid").asText(), infinity, List.of(), d.variables(),
                            List.of()));
                }
            }
            for (JsonNode annotation : d.json().path("annotations").path("list")) {
                String uid = annotation.path("datasource").path("uid").asText();
                JsonNode target = annotation.has("target") ? annotation.get("target") : annotation;
                if (uid.equals(PROMETHEUS_UID) || uid.equals(INFINITY_UID) || uid.equals(CASELOAD_UID)) {
                    queries.add(new Query(d.name() + " / annotation " + annotation.path("name").asText(), uid,
                            target, List.of(), d.variables(), List.of()));
                }
            }
        }
        return queries;
    }

    static List<Query> queries(String datasourceUid) {
        return queries().stream().filter(q -> q.datasourceUid().equals(datasourceUid)).toList();
    }

    private static List<RegexFilter> regexFilters(JsonNode panel) {
        List<RegexFilter> filters = new ArrayList<>();
        for (JsonNode t : panel.path("transformations")) {
            if (t.path("id").asText().equals("filterByValue")) {
                for (JsonNode f : t.path("options").path("filters")) {
                    if (f.path("config").path("id").asText().equals("regex")) {
                        filters.add(new RegexFilter(f.path("fieldName").asText(),
                                f.path("config").path("options").path("value").asText()));
                    }
                }
            }
        }
        return filters;
    }
}
