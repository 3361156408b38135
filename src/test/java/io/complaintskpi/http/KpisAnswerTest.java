package io.complaintskpi.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.catalogue.KpiDefinition;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.contributions.OfflineReplay;
import io.complaintskpi.demo.FixtureReader;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.Regime;
import io.complaintskpi.query.StubQueries;
import io.complaintskpi.testing.StubApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/kpis} names each figure's KPI by id and leaves its definition to the catalogue
 * ({@code /api/v1/kpis/definitions}), which lists every id once; with {@code regime}, both list the same
 * procedures' KPIs. Over the seed year as the stream counts it.
 */
class KpisAnswerTest {

    private static final String AUTHORITY = "E10000018";
    private static ApiServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        DomainRules rules = DomainWiring.rules(ServiceConfig.defaults());
        OfflineReplay.Result replay = new OfflineReplay(rules.machine(), rules.contributions())
                .replay(FixtureReader.withSchemas().seedFixture());
        server = StubApi.start(ServiceConfig.defaults(), new StubQueries(true, List.of(), replay.series()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void rowsNameTheirKpiAndEachIdFindsItsOneDefinitionInTheCatalogue() throws Exception {
        JsonNode rows = get("/api/v1/kpis?authority=" + AUTHORITY + "&period=2015/16").get("rows");
        Map<String, String> catalogue = definitions(get("/api/v1/kpis/definitions"));
        assertThat(catalogue).hasSize(KpiDefinitions.all().size());
        assertThat(rows.size()).as("rows: single figures and one per dimension").isGreaterThan(catalogue.size() / 2);
        Set<String> broken = new HashSet<>();
        for (JsonNode row : rows) {
            assertThat(row.has("definition")).as("a definition in the row " + row).isFalse();
            String id = row.get("id").asText();
            assertThat(catalogue.get(id)).as(id).isEqualTo(KpiDefinitions.require(id).definition());
            if (!row.get("dimension").isNull()) {
                broken.add(id);
            }
        }
        assertThat(broken).as("KPIs with one row per dimension, their definition still once").isNotEmpty();
        assertThat(catalogue.get("stage1.received")).isEqualTo("complaints received (stage 1), by date received");
    }

    @Test
    void withRegimeTheCatalogueListsTheKpisTheFiguresOfThoseProceduresUse() throws Exception {
        String regimes = "adults,corporate";
        Map<String, String> catalogue = definitions(get("/api/v1/kpis/definitions?regime=" + regimes));
        assertThat(catalogue.keySet()).containsExactlyElementsOf(KpiDefinitions.all().stream()
                .filter(k -> EnumSet.of(Regime.ADULTS, Regime.CORPORATE).contains(k.regime()))
                .map(KpiDefinition::id).toList());
        JsonNode rows = get("/api/v1/kpis?authority=" + AUTHORITY + "&period=2015/16&regime=" + regimes).get("rows");
        assertThat(rows).isNotEmpty();
        rows.forEach(row -> assertThat(catalogue).containsKey(row.get("id").asText()));
        assertThat(definitions(get("/api/v1/kpis/definitions?regime=all")).keySet())
                .as("all: the three procedures, without the council's figures of no one procedure")
                .doesNotContain("context.referrals").contains("stage1.received", "adults.stage1.received");
    }

    @Test
    void anUnknownRegimeIsRefusedWithTheChoices() throws Exception {
        HttpResponse<String> response = HTTP.send(request("/api/v1/kpis/definitions?regime=housing"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("children, adults or corporate");
    }

    /** The catalogue's rows as id to definition, in its order; each id once. */
    private static Map<String, String> definitions(JsonNode body) {
        Map<String, String> byId = new LinkedHashMap<>();
        body.get("rows").forEach(d -> assertThat(byId.put(d.get("id").asText(), d.get("definition").asText()))
                .as("%s listed twice", d.get("id")).isNull());
        return byId;
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(request(path), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return EventCodec.MAPPER.readTree(response.body());
    }

    private static HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build();
    }
}
