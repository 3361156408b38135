package io.complaintskpi.report;

import io.complaintskpi.catalogue.BalanceRule;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.disclosure.Cell;
import io.complaintskpi.disclosure.DisclosedFigure;
import io.complaintskpi.disclosure.DisclosedSnapshot;
import io.complaintskpi.disclosure.Disclosure;
import io.complaintskpi.disclosure.DisclosureAudit;
import io.complaintskpi.figures.Figure;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.figures.KpiSnapshot;

import io.complaintskpi.disclosure.Disclosure.FigureKey;
import io.complaintskpi.disclosure.DisclosureAudit.Relation;
import io.complaintskpi.catalogue.KpiDefinition.Unit;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intruder of issue 12: every published cell of several years' public reports at once, every declared
 * relation within a year, the balances open at each year end linking the years, every shown percentage
 * with its counts and every shown change. Checks on the way that a year is hidden the same way in every
 * report that shows it, and that a figure not recorded is shown as {@code x}.
 */
public final class PublicReports {

    /** A cell of the published reports: a figure of one year. */
    record Published(String year, FigureKey key) {
        @Override
        public String toString() {
            return year + " " + key;
        }
    }

    final Map<Published, Long> values = new LinkedHashMap<>();
    final Set<Published> hidden = new LinkedHashSet<>();
    final Map<Published, Cell.Kind> shownAs = new LinkedHashMap<>();
    final List<Relation<Published>> relations = new ArrayList<>();

    /** Publishes each year's public figures (each beside its prior year) and gathers what a reader knows. */
    public PublicReports(KpiEvaluator catalogue, String authority, List<String> years) {
        Map<String, Map<FigureKey, Long>> countsByYear = new TreeMap<>(); // oldest year first
        for (String year : years) {
            KpiSnapshot snapshot = catalogue.snapshot(authority, Period.financialYear(FinancialYear.parse(year)));
            DisclosedSnapshot published = Disclosure.disclose(snapshot, true);
            String prior = snapshot.priorPeriod().label();
            for (Figure figure : snapshot.figures()) {
                DisclosedFigure cells = published.find(figure.id(), figure.dimension()).orElseThrow();
                FigureKey key = new FigureKey(figure.id(), figure.dimension());
                if (figure.unit() == Unit.COUNT) {
                    record(countsByYear, new Published(year, key), figure.count(), cells.current());
                    record(countsByYear, new Published(prior, key), figure.priorCount(), cells.prior());
                    shownChange(new Published(year, key), new Published(prior, key), cells.change());
                } else if (figure.unit() == Unit.PERCENT) {
                    List<FigureKey> sources = Disclosure.sources(figure);
                    shownRate(new Published(year, sources.get(0)), new Published(year, sources.get(1)), cells.current());
                    shownRate(new Published(prior, sources.get(0)), new Published(prior, sources.get(1)), cells.prior());
                }
            }
        }
        String before = null;
        for (var year : countsByYear.entrySet()) {
            Map<FigureKey, Long> counts = year.getValue();
            Disclosure.sumRelations(counts).forEach(r -> relations.add(in(year.getKey(), r)));
            for (BalanceRule rule : KpiDefinitions.balanceRules()) {
                Map<Published, Long> terms = in(year.getKey(), Relation.equal(Disclosure.balance(rule), 0)).terms();
                Published opening = new Published(before, new FigureKey(rule.openId(), null));
                if (before != null) {
                    Map<Published, Long> linked = new LinkedHashMap<>(terms);
                    linked.put(opening, -1L); // open at the end = open at the start + received - closed
                    relations.add(Relation.equal(linked, 0));
                }
            }
            before = year.getKey();
        }
    }

    private void record(Map<String, Map<FigureKey, Long>> countsByYear, Published cell, Long value, Cell shown) {
        if (value == null) {
            assertThat(shown.text()).as("%s is not recorded", cell).isEqualTo(Cell.NOT_AVAILABLE);
            return;
        }
        Cell.Kind before = shownAs.put(cell, shown.kind());
        assertThat(before == null || before == shown.kind())
                .as("%s is hidden the same way in every report that shows it", cell).isTrue();
        values.put(cell, value);
        countsByYear.computeIfAbsent(cell.year(), y -> new LinkedHashMap<>()).put(cell.key(), value);
        if (shown.kind() == Cell.Kind.SUPPRESSED) {
            hidden.add(cell);
        } else {
            assertThat(shown.value()).as("%s", cell).isEqualByComparingTo(BigDecimal.valueOf(value));
        }
    }

    /** A shown change: now - before = change. */
    private void shownChange(Published now, Published before, Cell change) {
        if (change.kind() == Cell.Kind.CHANGE && change.value() != null) {
            relations.add(Relation.equal(Map.of(now, 1L, before, -1L), change.value().longValueExact()));
        }
    }

    /** A shown percentage p of n / d, rounded half up to 0.1: (20p - 1) d <= 2000 n < (20p + 1) d. */
    private void shownRate(Published n, Published d, Cell rate) {
        if (rate.kind() == Cell.Kind.PERCENT) {
            long twentyP = rate.value().multiply(BigDecimal.valueOf(20)).longValueExact();
            relations.add(Relation.atMost(Map.of(d, twentyP - 1, n, -2000L), 0));
            relations.add(Relation.atMost(Map.of(n, 2000L, d, -(twentyP + 1)), -1));
        } else if (rate.kind() == Cell.Kind.ROUNDS_TO_ZERO) {
            relations.add(Relation.atMost(Map.of(n, 2000L, d, -1L), -1));
            relations.add(Relation.atMost(Map.of(n, -1L), -1));
        }
    }

    private static Relation<Published> in(String year, Relation<FigureKey> relation) {
        Map<Published, Long> terms = new LinkedHashMap<>();
        relation.terms().forEach((k, c) -> terms.put(new Published(year, k), c));
        return new Relation<>(terms, relation.equality(), relation.constant());
    }

    public DisclosureAudit<Published> audit() {
        return new DisclosureAudit<>(values, hidden, relations);
    }
}
