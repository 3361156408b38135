package io.complaintskpi.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, rule 0: every route that prints a count honours public, by suppressing counts of 1 to 5 or by
 * refusing with a 400 that says why. The walk follows the service's own route index, so a route added
 * later is walked too, over the seed fixture's three years and every output format.
 */
@ExtendWith(SeedService.Resolver.class)
class PublicOutputTest {

    private static final List<String> YEARS = List.of("2013/14", "2014/15", "2015/16");
    private static final Pattern HTML_COUNT = Pattern.compile(
            "<td class=\"num\">(?:<a href=\"[^\"]*\">)?([1-5])(?:</a>)?</td>"); // a staff copy links its counts
    private static final Pattern SMALL = Pattern.compile("[1-5]");

    private final SeedService service;

    PublicOutputTest(SeedService service) {
        this.service = service;
    }

    @Test
    void everyRouteSuppressesSmallCountsOrRefusesPublicOutput() {
        List<String> small = new ArrayList<>();
        for (JsonNode route : service.json("/api/v1").get("routes")) {
            String kind = route.get("publication").get("kind").asText();
            for (String request : requests(route)) {
                SeedService.Response response = service.get(kind.equals("NO_COUNTS") ? request
                        : request + (request.endsWith("?") ? "" : "&") + "public=true");
                switch (kind) {
                    case "REFUSES" -> {
                        assertThat(response.status()).as(request).isEqualTo(400);
                        assertThat(response.body().get("error").asText()).as(request).contains("has no public form: ");
                    }
                    case "SUPPRESSES", "NO_COUNTS" -> {
                        assertThat(response.status()).as(request + " -> " + response.text()).isEqualTo(200);
                        small.addAll(smallCounts(request, response));
                    }
                    default -> throw new AssertionError("unknown publication " + kind);
                }
            }
        }
        assertThat(small).as("counts of 1 to 5 published").isEmpty();
    }

    /** The check can fail: without public, the same walk finds the seed's small counts. */
    @Test
    void theFullCopiesShowSmallCounts() {
        List<String> small = new ArrayList<>();
        for (String request : List.of("/api/v1/reports/annual?year=2015/16&format=json",
                "/api/v1/reports/annual?year=2015/16&format=csv", "/api/v1/reports/annual?year=2015/16&format=html",
                "/api/v1/kpis?year=2015/16", "/api/v1/kpis/received?year=2015/16", "/api/v1/tables/table2?year=2015/16")) {
            SeedService.Response response = service.get(request + "&public=false");
            assertThat(smallCounts(request, response)).as(request).isNotEmpty();
            small.addAll(smallCounts(request, response));
        }
        assertThat(small).isNotEmpty();
    }

    /** Each route as it can be asked: every table, format and seed year; path parameters filled in. */
    private List<String> requests(JsonNode route) {
        List<String> paths = new ArrayList<>(List.of(route.get("path").asText()));
        paths = expand(paths, "{table}", service.json("/api/v1/reports/annual?year=2015/16").get("tables")
                .findValuesAsText("id"));
        paths = expand(paths, "{id}", List.of(route.get("path").asText().startsWith("/api/v1/complaints")
                ? "CS-2015-043" : "stage1.received"));
        assertThat(paths).as("a path parameter this walk does not know").noneMatch(p -> p.contains("{"));
        List<String> params = new ArrayList<>();
        route.get("params").forEach(p -> params.add(p.asText()));
        List<String> queries = new ArrayList<>(List.of(""));
        if (params.contains("year")) {
            queries = cross(queries, YEARS.stream().map(y -> "year=" + y).toList());
        } else if (params.contains("period")) {
            queries = cross(queries, YEARS.stream().map(y -> "period=" + y).toList());
        }
        if (params.contains("at")) {
            queries = cross(queries, List.of("at=2014-03-31", "at=2015-03-31", "at=2016-03-31"));
        }
        if (params.contains("format")) {
            queries = cross(queries, List.of("format=json", "format=csv", "format=html"));
        }
        List<String> requests = new ArrayList<>();
        for (String path : paths) {
            for (String query : queries) {
                requests.add(path + "?" + query);
            }
        }
        return requests;
    }

    private static List<String> expand(List<String> paths, String placeholder, List<String> values) {
        List<String> out = new ArrayList<>();
        for (String path : paths) {
            if (path.contains(placeholder)) {
                values.forEach(v -> out.add(path.replace(placeholder, v)));
            } else {
                out.add(path);
            }
        }
        return out;
    }

    private static List<String> cross(List<String> queries, List<String> more) {
        List<String> out = new ArrayList<>();
        for (String query : queries) {
            for (String m : more) {
                out.add(query.isEmpty() ? m : query + "&" + m);
            }
        }
        return out;
    }

    /** Counts of 1 to 5 in an answer, as a reader would see them, in JSON, CSV or HTML. */
    private static List<String> smallCounts(String request, SeedService.Response response) {
        List<String> found = new ArrayList<>();
        if (response.body() != null) {
            json(request, "", response.body(), found);
        } else if (response.contentType().startsWith("text/csv")) {
            for (List<String> row : Csv.parse(response.text())) {
                if (SMALL.matcher(row.get(row.size() - 1)).matches()) {
                    found.add(request + " " + row);
                }
            }
        } else {
            Matcher m = HTML_COUNT.matcher(response.text());
            while (m.find()) {
                found.add(request + " " + m.group());
            }
        }
        return found;
    }

    /**
     * A count is an integer or a text of digits. Cells ({@code kind}) and KPI rows ({@code unit}) say whether
     * they are counts; a change between two shown counts is not a count of people, nor is a stage or a table number.
     */
    private static void json(String request, String at, JsonNode node, List<String> found) {
        if (node.isObject()) {
            String kind = node.path("kind").asText(node.path("unit").asText("COUNT"));
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                // Nor is a table's number, nor a chart's row and column indexes.
                boolean countField = kind.equals("COUNT") && !name.equals("stage") && !name.startsWith("change")
                        && !name.equals("percentChange") && !name.equals("number") && !at.endsWith("/chart");
                if (value.isContainerNode()) {
                    json(request, at + "/" + name, value, found);
                } else if (countField && small(value)) {
                    found.add(request + " " + at + "/" + name + "=" + value);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                json(request, at + "/" + i, node.get(i), found);
            }
        }
    }

    private static boolean small(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asLong() >= 1 && value.asLong() <= 5;
        }
        return value.isTextual() && SMALL.matcher(value.asText()).matches();
    }
}
