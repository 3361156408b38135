package io.complaintskpi.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.Regime;
import io.complaintskpi.series.InMemorySeriesReader;
import io.complaintskpi.series.KpiKey;
import io.complaintskpi.contributions.Metric;
import io.complaintskpi.series.SeriesReader;
import io.complaintskpi.query.QueryService;
import io.complaintskpi.query.StubQueries;
import io.complaintskpi.testing.StubApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad requests get a 4xx naming what is wrong; nothing reaches a 500. No Kafka: the stores are stubbed. */
class ApiErrorsTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private ApiServer server;

    /** Stage 1 complaints of the default authority: 40 and 2 in 2015/16, 3 in 2013/14, none in 2014/15. */
    private static final SeriesReader SERIES = new InMemorySeriesReader(Map.of(
            key(Metric.received(Regime.CHILDREN, 1), "2015-06-01"), 40L,
            key(Metric.received(Regime.CHILDREN, 1), "2015-07-01"), 2L,
            key(Metric.received(Regime.CHILDREN, 1), "2013-05-01"), 3L,
            key(Metric.serviceArea(Regime.CHILDREN), "Fostering", "2015-06-01"), 30L,
            key(Metric.serviceArea(Regime.CHILDREN), "Disabled Children", "2015-06-01"), 12L));

    private static KpiKey key(String metric, String date) {
        return key(metric, Metric.ALL, date);
    }

    private static KpiKey key(String metric, String dimension, String date) {
        return new KpiKey(ServiceConfig.defaults().defaultAuthority(), metric, dimension, LocalDate.parse(date));
    }

    private ApiServer start(boolean ready) {
        return start(ready, ServiceConfig.defaults());
    }

    private ApiServer start(boolean ready, ServiceConfig config) {
        QueryService stub = new StubQueries(ready, List.of(), SERIES);
        server = StubApi.start(config, stub);
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private JsonNode get(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(expectedStatus);
        return EventCodec.MAPPER.readTree(response.body());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "/api/v1/kpis/received?year=2015/x|'year' must be a financial year like 2015/16 or 2015-16, got '2015/x'",
        "/api/v1/kpis/received?period=2015/x|'period': unrecognised period '2015/x'",
        "/api/v1/kpis/received|give period",
        "/api/v1/kpis/received?from=2016-01-01|'from' needs 'to'",
        "/api/v1/kpis/received?from=2016-02-01&to=2016-01-01|is before 'from'",
        "/api/v1/kpis/received?year=2015/16&regime=elderly|'regime' must be children, adults or corporate",
        "/api/v1/kpis/open?at=31/03/2016|'at' must be an ISO date",
        "/api/v1/alerts?stage=4|'stage' must be from 1 to 3",
        "/api/v1/complaints?status=late|'status' must be open, overdue or all",
        "/api/v1/complaints?limit=0|'limit' must be from 1 to 5000",
        "/api/v1/complaints?after=C-1|'after' pages status=all; status=open lists the most urgent first",
        "/api/v1/complaints?limit=abc|'limit' must be a whole number from 1 to 5000, got 'abc'",
        "/api/v1/alerts?kind=LATE|'kind' must be one of",
        "/api/v1/kpis?year=2015/16&public=maybe|'public' must be true or false",
        "/api/v1/kpis/stage1.received/series?year=2015/16&interval=hourly|'interval' must be one of",
        "/api/v1/reports/annual?year=2015/16&format=docx|'format' must be json, csv, html or pdf",
        "/api/v1/reports/annual?year=15-16|'year' must be a financial year like 2015/16 or 2015-16, got '15-16'",
        "/api/v1/kpis/stage1.received.by_service_area/complaints?period=2015/16&dimension=Fosterin|KPI 'stage1.received.by_service_area' has no dimension 'Fosterin'; its dimensions up to 2016-03-31: Disabled Children, Fostering",
        "/api/v1/kpis/stage1.received/complaints?period=2015/16&dimension=Fostering|'dimension' does not apply: KPI 'stage1.received' has no dimensions",
        "/api/v1/kpis/context.referrals/complaints?period=2015/16|is a context figure the authority records for the year (a ContextFigureRecorded event), not counted from complaints: no complaints are behind it",
        "/api/v1/kpis/escalation.rate/complaints?period=2015/16|is a rate, not a count: list the complaints behind its numerator and denominator (stage2.received, stage1.received)",
    })
    void badParametersGetA400ThatSaysWhatIsWrong(String path, String message) throws Exception {
        start(true);
        JsonNode body = get(path, 400);
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("error").asText()).contains(message);
    }

    @Test
    void unknownRoutesAndComplaintsAre404InJson() throws Exception {
        start(true);
        assertThat(get("/api/v1/nothing", 404).get("error").asText()).contains("no such route");
        assertThat(get("/api/v1/complaints/C-404/deadlines", 404).get("error").asText())
                .contains("no complaint with reference 'C-404'");
        assertThat(get("/api/v1/tables/table99?year=2015/16", 404).get("error").asText()).contains("no table");
        assertThat(get("/api/v1/kpis/bogus/series?year=2015/16", 404).get("error").asText())
                .contains("unknown KPI 'bogus'");
    }

    @Test
    void queriesWhileTheStoresAreNotReadyAre503AndHealthStaysUp() throws Exception {
        start(false);
        assertThat(get("/api/v1/kpis/received?year=2015/16", 503).get("error").asText()).contains("retry");
        assertThat(get("/ready", 503).get("streams").asText()).isEqualTo("REBALANCING");
        assertThat(get("/health", 200).get("status").asText()).isEqualTo("UP");
    }

    /**
     * Rules: a parameter a route does not declare is a 400 naming it and listing what the route takes; two
     * parameters that each give the period contradict each other, whichever they are.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "/api/v1/tables/table2?period=2015/16|'period' is not a parameter of /api/v1/tables/{table}; it takes authority, regime, year, public",
        "/api/v1/kpis/open?year=2015/16|'year' is not a parameter of /api/v1/kpis/open; it takes authority, regime, at, public",
        "/api/v1/kpis/definitions?authority=x|'authority' is not a parameter of /api/v1/kpis/definitions; it takes regime",
        "/api/v1/kpis/received?year=2015/16&colour=red&size=9|'colour', 'size' are not parameters of /api/v1/kpis/received",
        "/api/v1/alerts?authorty=LOCAL|'authorty' is not a parameter of /api/v1/alerts",
        "/api/v1/kpis/received?year=2015/16&period=2014/15|'period' and 'year' each give a period; give one",
        "/api/v1/kpis?period=2015/16&from=2015-04-01&to=2016-03-31|'period' and 'from' and 'to' each give a period",
        "/api/v1/kpis?year=2015/16&to=2016-03-31|'year' and 'to' each give a period",
        "/api/v1/kpis/received?year=2015/16&year=2014/15|'year' is given more than once; give each parameter once",
        "/api/v1/reports/annual?year=2015/16&public=true&public=false&format=csv&format=csv|'format', 'public' are given more than once",
    })
    void aParameterNotTakenOrContradictingAnotherIsRefusedByName(String path, String message) throws Exception {
        start(true);
        assertThat(get(path, 400).get("error").asText()).contains(message);
    }

    /** Rule: a value that names nothing (dimension, KPI prefix) is a 400 saying what exists. */
    @Test
    void aValueThatNamesNothingIsRefusedWithWhatExists() throws Exception {
        start(true);
        assertThat(get("/api/v1/kpis/stage1.received/series?year=2015/16&dimension=Fostering", 400)
                .get("error").asText()).contains("'dimension' does not apply: KPI 'stage1.received' has no dimensions");
        assertThat(get("/api/v1/kpis/stage1.received.by_service_area/series?year=2015/16&dimension=Fosterin", 400)
                .get("error").asText()).contains("'dimension' Fosterin is not a dimension")
                .contains("Disabled Children, Fostering");
        assertThat(get("/api/v1/kpis/stage1.received.by_service_area/series?year=2015/16&dimension=Fostering", 200)
                .get("dimension").asText()).isEqualTo("Fostering");
        assertThat(get("/api/v1/kpis?year=2015/16&prefix=stage9", 400).get("error").asText())
                .contains("'prefix' stage9 starts no KPI id");
    }

    /** Rule: a service area filter naming no service area the service holds is a 400 listing those it holds. */
    @Test
    void aServiceAreaThatNamesNothingIsRefusedWithTheKnownOnes() throws Exception {
        start(true);
        for (String path : List.of("/api/v1/alerts?serviceArea=Fosterin", "/api/v1/complaints?serviceArea=Fosterin")) {
            assertThat(get(path, 400).get("error").asText()).isEqualTo("'serviceArea' Fosterin names no service area;"
                    + " service areas with complaints: Disabled Children, Fostering");
        }
        assertThat(get("/api/v1/alerts?serviceArea=Fostering", 200).get("count").asInt()).isZero();
        assertThat(get("/api/v1/complaints?serviceArea=Disabled%20Children", 200).get("count").asInt()).isZero();
    }

    /** Rule (issue 12): an authority the service has never seen is a 404 naming the ones it has. */
    @Test
    void anAuthorityWithNoDataIsA404NamingTheKnownOnes() throws Exception {
        start(true);
        for (String path : List.of("/api/v1/kpis/received?year=2015/16&authority=e10000018",
                "/api/v1/reports/annual?year=2015/16&authority=e10000018",
                "/api/v1/alerts?authority=e10000018")) {
            assertThat(get(path, 404).get("error").asText())
                    .isEqualTo("no data for authority 'e10000018'; authorities with data: LOCAL");
        }
    }

    /** Rule: the financial year is read as people write it, 2015/16 or 2015-16, in year and period alike. */
    @ParameterizedTest
    @CsvSource({"year=2015-16", "year=2015/16", "period=2015-16", "period=2015/16"})
    void theFinancialYearIsAcceptedAsPeopleWriteIt(String query) throws Exception {
        start(true);
        JsonNode body = get("/api/v1/kpis/received?" + query, 200);
        assertThat(body.get("period").get("label").asText()).isEqualTo("2015/16");
        assertThat(body.get("receivedByStage").get("1").asLong()).isEqualTo(42);
        assertThat(get("/api/v1/reports/annual?year=2015-16", 200).get("year").asText()).isEqualTo("2015/16");
    }

    /** Rule: no message shows Java (enum constants, number parsing, class names). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/api/v1/kpis/received?year=2015/16&regime=FOO",
        "/api/v1/alerts?kind=FOO",
        "/api/v1/alerts?stage=abc",
        "/api/v1/complaints?limit=1e3",
        "/api/v1/kpis/stage1.upheld.rate/series?year=2015/16&rolling=x",
        "/api/v1/kpis/stage1.received/series?year=2015/16&interval=FOO",
        "/api/v1/kpis/received?period=2015-99",
        "/api/v1/kpis/received?period=last-99999999999d",
    })
    void noMessageShowsJava(String path) throws Exception {
        start(true);
        String error = get(path, 400).get("error").asText();
        assertThat(error).doesNotContain("No enum constant").doesNotContain("For input string")
                .doesNotContain("io.complaintskpi").doesNotContain("Exception").startsWith("'");
    }

    /** Rule: by-year lists every financial year from the first with data to this one, zeros included. */
    @Test
    void receivedByYearShowsZeroRows() throws Exception {
        start(true);
        JsonNode rows = get("/api/v1/kpis/received/by-year", 200).get("rows");
        assertThat(rows).hasSize(3 * 3);
        assertThat(rows.get(0).toString()).isEqualTo("{\"year\":\"2013/14\",\"stage\":1,\"received\":3}");
        assertThat(rows.get(3).toString()).isEqualTo("{\"year\":\"2014/15\",\"stage\":1,\"received\":0}");
        assertThat(rows.get(6).toString()).isEqualTo("{\"year\":\"2015/16\",\"stage\":1,\"received\":42}");
    }

    /** Rule: JSON keys come in a fixed, declared order (records), the same in every process. */
    @Test
    void jsonKeysComeInTheirDeclaredOrder() throws Exception {
        start(true);
        assertThat(fieldNames(get("/api/v1/kpis/received?year=2015/16", 200)))
                .containsExactly("authority", "regime", "period", "public", "receivedByStage");
        assertThat(fieldNames(get("/api/v1/kpis/open?at=2016-03-31", 200)))
                .containsExactly("authority", "regime", "at", "public", "openByStage");
        assertThat(fieldNames(get("/api/v1/complaints", 200))).containsExactly("asOf", "status", "count", "rows", "next");
        assertThat(fieldNames(get("/api/v1/alerts", 200))).containsExactly("asOf", "count", "alerts");
        assertThat(fieldNames(get("/api/v1/kpis?year=2015/16", 200)))
                .containsExactly("authority", "period", "priorPeriod", "public", "regimes", "rows");
        assertThat(fieldNames(get("/api/v1/kpis?year=2015/16", 200).get("rows").get(0))).startsWith("id",
                "regime", "measure", "dimension", "unit", "value", "text");
        assertThat(fieldNames(get("/api/v1/nothing", 404))).containsExactly("status", "error");
    }

    /** Rule (issue 12): public asked by parameter or by the default either suppresses counts of 1 to 5 or is refused. */
    @Test
    void publicOutputIsSuppressedOrRefusedWithAReason() throws Exception {
        start(true, ServiceConfig.load(Map.of(), new java.util.Properties(),
                Map.of("disclosure.public-by-default", "true")));
        JsonNode by = get("/api/v1/kpis/received/by-year", 200);
        assertThat(by.get("rows").get(0).get("received").asText()).isEqualTo("c");
        // Today is 2016-03-31: 2015/16 (the 42) is not closed, so the public rows end with 2014/15.
        assertThat(by.get("rows").findValuesAsText("year")).containsOnly("2013/14", "2014/15").hasSize(6);
        assertThat(get("/api/v1/kpis/received?year=2015/16", 400).get("error").asText())
                .contains("closed financial years only").contains("the newest closed year is 2014/15");
        assertThat(get("/api/v1/kpis/received?year=2015/16&public=false", 200).get("public").asBoolean()).isFalse();
        assertThat(get("/api/v1/kpis/received?period=2015-07", 400).get("error").asText())
                .contains("whole financial years only");
        assertThat(get("/api/v1/kpis/open?at=2016-03-30", 400).get("error").asText()).contains("financial year end only");
        assertThat(get("/api/v1/complaints", 400).get("error").asText())
                .contains("/api/v1/complaints has no public form: it lists individual complaints")
                .contains("(disclosure.public-by-default is true); ask with public=false");
        assertThat(get("/api/v1/complaints?public=false", 200).get("count").asInt()).isZero();
        assertThat(get("/api/v1/kpis/stage1.received/series?year=2015/16", 400).get("error").asText())
                .contains("has no public form");
    }

    /** The API page lists every declared route with what it does when public output is asked. */
    @Test
    void theApiPageListsEveryRouteAndWhatItDoesWithPublic() throws Exception {
        start(true);
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/http-api.md"));
        assertThat(doc).contains("`limit` rows, default " + DeadlineRoutes.DEFAULT_LIMIT + ", at most "
                + DeadlineRoutes.MAX_LIMIT + ")");
        JsonNode routes = get("/api/v1", 200).get("routes");
        assertThat(routes).hasSizeGreaterThanOrEqualTo(15);
        for (JsonNode route : routes) {
            String path = route.get("path").asText();
            String publication = switch (route.get("publication").get("kind").asText()) {
                case "SUPPRESSES" -> "suppressed";
                case "REFUSES" -> "refused";
                default -> "no counts";
            };
            assertThat(doc.lines().filter(l -> l.startsWith("| `" + path + "`") || l.startsWith("| `" + path + "?")))
                    .as(path).singleElement().satisfies(l -> assertThat(l).endsWith("| " + publication + " |"));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
