package io.complaintskpi.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.catalogue.BalanceRule;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.catalogue.KpiIds;
import io.complaintskpi.catalogue.KpiIds.StageFigure;
import io.complaintskpi.disclosure.Cell;
import io.complaintskpi.disclosure.Disclosure;
import io.complaintskpi.disclosure.Disclosure.FigureKey;
import io.complaintskpi.disclosure.DisclosureAudit;
import io.complaintskpi.disclosure.DisclosureAudit.Relation;
import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.FinancialYear;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23, item 1: every public route of the service, asked for the seed years, taken together as the
 * intruder's knowledge. The walk follows the service's own route index: every route that publishes
 * ({@code SUPPRESSES}) must be one it knows how to read, so a route added later is attacked too or fails the
 * walk. Each published cell must read the same in every route that shows it; the audit
 * ({@link DisclosureAudit}) then gets every cell, every relation production declares, the intruder's own
 * ({@link SeedDisclosureTest#INTRUDER}), the balances linking the years, every shown rate and change, and must
 * work out no hidden count. The annual report's tables carry no figure ids, so their cells are matched by value:
 * a cell the tables hide must be hidden under some figure of that value elsewhere, a cell they show must be
 * shown under one. Positive control: with only the small counts hidden, as primary suppression alone did, the
 * same knowledge gives counts away.
 */
@ExtendWith(SeedService.Resolver.class)
class PublicRoutesDisclosureTest {

    private static final List<String> YEARS = List.of("2013/14", "2014/15", "2015/16");
    private static final Set<String> KNOWN_ROUTES = Set.of("/api/v1/kpis", "/api/v1/kpis/received",
            "/api/v1/kpis/received/by-year", "/api/v1/kpis/open", "/api/v1/tables/{table}", "/api/v1/reports/annual",
            "/api/v1/ombudsman/letter");

    private final SeedService service;

    PublicRoutesDisclosureTest(SeedService service) {
        this.service = service;
    }

    /** What the intruder gathers: cells as shown, their true values, and what links them. */
    private final class Knowledge {
        final Map<PublicReports.Published, String> shown = new LinkedHashMap<>();
        final Map<PublicReports.Published, String> shownBy = new LinkedHashMap<>();
        final Map<PublicReports.Published, Long> values = new LinkedHashMap<>();
        final Set<PublicReports.Published> hidden = new LinkedHashSet<>();
        final List<Relation<PublicReports.Published>> relations = new ArrayList<>();
        final List<String> mismatches = new ArrayList<>();
        final Set<String> walked = new TreeSet<>();
        final List<TableCell> tableCells = new ArrayList<>();

        /** A published count: the same text wherever it appears. */
        void count(String route, String year, FigureKey key, String text, long value) {
            PublicReports.Published cell = new PublicReports.Published(year, key);
            String before = shown.putIfAbsent(cell, text);
            if (before != null && !before.equals(text)) {
                mismatches.add(cell + ": " + before + " in " + shownBy.get(cell) + ", " + text + " in " + route);
            }
            shownBy.putIfAbsent(cell, route);
            Long known = values.put(cell, value);
            assertThat(known == null || known == value).as("%s has one true value", cell).isTrue();
            if (text.equals(Cell.SUPPRESSED)) {
                hidden.add(cell);
            } else {
                assertThat(text).as("%s in %s", cell, route).isEqualTo(Long.toString(value));
            }
        }
    }

    /** A count cell of a report table: its text in the public copy and its true value. */
    private record TableCell(String where, String text, long value) {
    }

    private Knowledge gather() {
        Knowledge k = new Knowledge();
        for (JsonNode route : service.json("/api/v1").get("routes")) {
            if (!route.get("publication").get("kind").asText().equals("SUPPRESSES")) {
                continue;
            }
            String path = route.get("path").asText();
            assertThat(KNOWN_ROUTES).as("a public route this walk does not read: %s", path).contains(path);
            k.walked.add(path);
            switch (path) {
                case "/api/v1/kpis" -> YEARS.forEach(year -> kpis(k, year));
                case "/api/v1/kpis/received" -> eachRegime(regime -> YEARS.forEach(year -> byStage(k,
                        "/api/v1/kpis/received?year=" + year, "receivedByStage", StageFigure.RECEIVED, regime, year)));
                case "/api/v1/kpis/received/by-year" -> eachRegime(regime -> receivedByYear(k, regime));
                case "/api/v1/kpis/open" -> eachRegime(regime -> YEARS.forEach(year -> byStage(k,
                        "/api/v1/kpis/open?at=" + FinancialYear.parse(year).end(), "openByStage", StageFigure.OPEN,
                        regime, year)));
                case "/api/v1/tables/{table}" -> YEARS.forEach(year -> tables(k, year));
                case "/api/v1/ombudsman/letter" -> YEARS.forEach(year -> rows(k, "/api/v1/ombudsman/letter?year=" + year));
                default -> YEARS.forEach(year -> report(k, year));
            }
        }
        relations(k);
        return k;
    }

    private static void eachRegime(java.util.function.Consumer<Regime> walk) {
        for (Regime regime : Regime.values()) {
            walk.accept(regime);
        }
    }

    private static String regime(Regime regime) {
        return regime.name().toLowerCase(Locale.ROOT);
    }

    private void kpis(Knowledge k, String year) {
        String prior = FinancialYear.parse(year).previous().label();
        String route = "/api/v1/kpis?year=" + year;
        Map<String, JsonNode> full = service.kpis("year=" + year + "&public=false");
        Map<String, JsonNode> published = service.kpis("year=" + year + "&public=true");
        assertThat(published.keySet()).isEqualTo(full.keySet());
        published.forEach((name, row) -> {
            FigureKey key = key(row);
            JsonNode whole = full.get(name);
            switch (row.get("unit").asText()) {
                case "COUNT" -> {
                    if (!whole.get("value").isNull()) {
                        k.count(route, year, key, row.get("text").asText(), whole.get("value").asLong());
                    }
                    if (!whole.get("prior").isNull()) {
                        k.count(route, prior, key, row.get("priorText").asText(), whole.get("prior").asLong());
                    }
                    if (!row.get("change").isNull() && !whole.get("value").isNull() && !whole.get("prior").isNull()) {
                        k.relations.add(Relation.equal(Map.of(new PublicReports.Published(year, key), 1L,
                                new PublicReports.Published(prior, key), -1L), row.get("change").longValue()));
                    }
                }
                case "PERCENT" -> {
                    List<FigureKey> sources = Disclosure.sources(key.id(), key.dimension());
                    rate(k, year, sources, row.get("value"), row.get("text").asText());
                    rate(k, prior, sources, row.get("prior"), row.get("priorText").asText());
                }
                default -> {
                    // money: spend, not people, never suppressed
                }
            }
        });
    }

    private static FigureKey key(JsonNode row) {
        return new FigureKey(row.get("id").asText(), row.get("dimension").isNull() ? null
                : row.get("dimension").asText());
    }

    /** A shown percentage p of n / d, rounded half up to 0.1: (20p - 1) d <= 2000 n < (20p + 1) d. */
    private static void rate(Knowledge k, String year, List<FigureKey> sources, JsonNode value, String text) {
        PublicReports.Published n = new PublicReports.Published(year, sources.get(0));
        PublicReports.Published d = new PublicReports.Published(year, sources.get(1));
        if (!value.isNull()) {
            long twentyP = value.decimalValue().multiply(BigDecimal.valueOf(20)).longValueExact();
            k.relations.add(Relation.atMost(Map.of(d, twentyP - 1, n, -2000L), 0));
            k.relations.add(Relation.atMost(Map.of(n, 2000L, d, -(twentyP + 1)), -1));
        } else if (text.equals(Cell.ROUNDS_TO_ZERO)) {
            k.relations.add(Relation.atMost(Map.of(n, 2000L, d, -1L), -1));
            k.relations.add(Relation.atMost(Map.of(n, -1L), -1));
        }
    }

    /** A route answering one count per stage (received in a year, open at its end), full beside published. */
    private void byStage(Knowledge k, String route, String field, StageFigure figure, Regime regime, String year) {
        String query = route + "&regime=" + regime(regime);
        JsonNode full = service.json(query + "&public=false").get(field);
        JsonNode published = service.json(query + "&public=true").get(field);
        published.fields().forEachRemaining(e -> k.count(query, year,
                new FigureKey(KpiIds.stage(regime, Integer.parseInt(e.getKey()), figure), null),
                e.getValue().asText(), full.get(e.getKey()).asLong()));
    }

    private void receivedByYear(Knowledge k, Regime regime) {
        String route = "/api/v1/kpis/received/by-year?regime=" + regime(regime);
        Map<String, Long> full = new TreeMap<>();
        service.json(route + "&public=false").get("rows").forEach(r -> full.put(r.get("year").asText() + "/"
                + r.get("stage").asInt(), r.get("received").asLong()));
        for (JsonNode row : service.json(route + "&public=true").get("rows")) {
            String year = row.get("year").asText();
            k.count(route, year, new FigureKey(KpiIds.stage(regime, row.get("stage").asInt(), StageFigure.RECEIVED),
                    null), row.get("received").asText(), full.getOrDefault(year + "/" + row.get("stage").asInt(),
                    0L)); // a regime with no data: the public rows end a year before the full ones, at zeros
        }
    }

    private void tables(Knowledge k, String year) {
        for (String id : service.json("/api/v1/reports/annual?year=" + year).get("tables").findValuesAsText("id")) {
            rows(k, "/api/v1/tables/" + id + "?year=" + year);
        }
    }

    /** A route answering a table as rows of column: text, public and full. */
    private void rows(Knowledge k, String route) {
        JsonNode full = service.json(route + "&public=false").get("rows");
        JsonNode published = service.json(route + "&public=true").get("rows");
        for (int r = 0; r < published.size(); r++) {
            int row = r;
            published.get(r).fields().forEachRemaining(e -> tableCell(k, route + " row " + row, e.getKey(),
                    e.getValue().asText(), full.get(row).get(e.getKey()).asText()));
        }
    }

    private void report(Knowledge k, String year) {
        String route = "/api/v1/reports/annual?year=" + year;
        JsonNode full = service.json(route + "&public=false").get("tables");
        JsonNode published = service.json(route + "&public=true").get("tables");
        for (int t = 0; t < published.size(); t++) {
            JsonNode rows = published.get(t).get("rows");
            for (int r = 0; r < rows.size(); r++) {
                JsonNode cells = rows.get(r).get("cells");
                for (int c = 0; c < cells.size(); c++) {
                    JsonNode cell = cells.get(c);
                    JsonNode whole = full.get(t).get("rows").get(r).get("cells").get(c);
                    if (whole.get("kind").asText().equals("COUNT")) {
                        tableCell(k, route + " " + published.get(t).get("id").asText() + " row " + r + " cell " + c,
                                cell.get("text").asText(), whole.get("value").asLong());
                    }
                }
            }
        }
    }

    /** A count column: not a change between years, nor a percentage. */
    private static void tableCell(Knowledge k, String row, String column, String text, String full) {
        boolean count = !column.toLowerCase(Locale.ROOT).contains("change") && !column.contains("%")
                && full.matches("\\d+");
        if (count && (text.equals(full) || text.equals(Cell.SUPPRESSED))) {
            k.tableCells.add(new TableCell(row + " " + column, text, Long.parseLong(full)));
        }
    }

    private static void tableCell(Knowledge k, String where, String text, long value) {
        k.tableCells.add(new TableCell(where, text, value));
    }

    /** Production's relations within each year, the balances linking the years, and the intruder's own. */
    private static void relations(Knowledge k) {
        Map<String, Map<FigureKey, Long>> byYear = new TreeMap<>();
        k.values.forEach((cell, value) -> byYear.computeIfAbsent(cell.year(), y -> new LinkedHashMap<>())
                .put(cell.key(), value));
        String before = null;
        for (var year : byYear.entrySet()) {
            for (Relation<FigureKey> r : Disclosure.sumRelations(year.getValue())) {
                if (year.getValue().keySet().containsAll(r.terms().keySet())) {
                    k.relations.add(in(year.getKey(), r)); // the years only by-year shows hold received counts only
                }
            }
            for (BalanceRule rule : KpiDefinitions.balanceRules()) {
                Map<PublicReports.Published, Long> terms = new LinkedHashMap<>(in(year.getKey(),
                        Relation.equal(Disclosure.balance(rule), 0)).terms());
                if (before != null && terms.keySet().stream().allMatch(k.values::containsKey)) {
                    terms.put(new PublicReports.Published(before, new FigureKey(rule.openId(), null)), -1L);
                    k.relations.add(Relation.equal(terms, 0));
                }
            }
            for (SeedDisclosureTest.IntruderRelation r : SeedDisclosureTest.INTRUDER) {
                Relation<PublicReports.Published> relation = r.in(year.getKey(), k.values.keySet());
                if (k.values.keySet().containsAll(relation.terms().keySet())) {
                    k.relations.add(relation);
                }
            }
            before = year.getKey();
        }
    }

    private static Relation<PublicReports.Published> in(String year, Relation<FigureKey> relation) {
        Map<PublicReports.Published, Long> terms = new LinkedHashMap<>();
        relation.terms().forEach((key, c) -> terms.put(new PublicReports.Published(year, key), c));
        return new Relation<>(terms, relation.equality(), relation.constant());
    }

    @Test
    void everyPublicRouteTogetherGivesNoHiddenCountAway() {
        Knowledge k = gather();
        assertThat(k.walked).as("every public route walked").isEqualTo(KNOWN_ROUTES);
        assertThat(k.mismatches).as("cells shown differently by two routes").isEmpty();
        assertThat(k.hidden).hasSizeGreaterThan(100);
        assertThat(k.values.keySet().stream().map(PublicReports.Published::year).distinct())
                .as("the years the routes show: the seed years and the one before").contains("2012/13", "2013/14",
                        "2014/15", "2015/16");
        // The tables: a hidden cell is hidden under some figure of its value, a shown one shown under some.
        List<String> unmatched = new ArrayList<>();
        for (TableCell cell : k.tableCells) {
            boolean hidden = cell.text().equals(Cell.SUPPRESSED);
            boolean matched = k.values.entrySet().stream().anyMatch(e -> e.getValue() == cell.value()
                    && k.hidden.contains(e.getKey()) == hidden);
            if (!matched) {
                unmatched.add(cell.where() + " = " + cell.text() + " (" + cell.value() + ")");
            }
        }
        assertThat(k.tableCells).hasSizeGreaterThan(300);
        assertThat(unmatched).as("table cells shown or hidden as no figure of their value is").isEmpty();
        assertThat(new DisclosureAudit<>(k.values, k.hidden, k.relations).determined())
                .as("hidden counts a reader of every public route can work out").isEmpty();
    }

    @Test
    void withOnlyTheSmallCountsHiddenTheSameKnowledgeGivesCountsAway() {
        Knowledge k = gather();
        Set<PublicReports.Published> smallOnly = new LinkedHashSet<>();
        k.values.forEach((cell, value) -> {
            if (Disclosure.isSmall(value)) {
                smallOnly.add(cell);
            }
        });
        assertThat(smallOnly).isNotEqualTo(k.hidden);
        assertThat(new DisclosureAudit<>(k.values, smallOnly, k.relations).determined()).isNotEmpty();
    }

    @Test
    void theUnfinishedYearIsNotPublic() {
        FinancialYear current = FinancialYear.of(LocalDate.now(ZoneId.of("Europe/London")));
        String year = "year=" + current.label();
        for (String request : List.of("/api/v1/kpis?" + year, "/api/v1/kpis/received?" + year,
                "/api/v1/tables/table2?" + year, "/api/v1/reports/annual?" + year,
                "/api/v1/kpis/open?at=" + current.end())) {
            SeedService.Response response = service.get(request + "&public=true");
            assertThat(response.status()).as(request).isEqualTo(400);
            assertThat(response.body().get("error").asText()).as(request).contains("closed financial years only");
            assertThat(service.get(request + "&public=false").status()).as(request).isEqualTo(200);
        }
        String lastClosed = current.previous().label();
        JsonNode rows = service.json("/api/v1/kpis/received/by-year?public=true").get("rows");
        assertThat(rows.get(rows.size() - 1).get("year").asText()).isEqualTo(lastClosed);
        JsonNode all = service.json("/api/v1/kpis/received/by-year?public=false").get("rows");
        assertThat(all.get(all.size() - 1).get("year").asText()).isEqualTo(current.label());
        assertThat(service.json("/api/v1/reports/annual?public=true").get("year").asText()).isEqualTo(lastClosed);
    }
}
