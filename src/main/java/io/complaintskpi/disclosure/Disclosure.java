package io.complaintskpi.disclosure;

import io.complaintskpi.catalogue.KpiIds;
import io.complaintskpi.rules.TimelinessBand;
import io.complaintskpi.events.Regime;
import io.complaintskpi.catalogue.KpiIds.StageFigure;
import io.complaintskpi.catalogue.BalanceRule;
import io.complaintskpi.catalogue.Formula;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.catalogue.SumRule;
import io.complaintskpi.figures.Figure;
import io.complaintskpi.figures.KpiSnapshot;

import io.complaintskpi.disclosure.DisclosureAudit.Relation;
import io.complaintskpi.catalogue.Formula.BreakdownRatio;
import io.complaintskpi.catalogue.Formula.Ratio;
import io.complaintskpi.catalogue.KpiDefinition.Unit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Small-number suppression for published outputs, as the Department for Education publishes children's
 * social care statistics:
 * <ul>
 *   <li>primary: a count from 1 to 5 inclusive is shown as {@code c} (0 is shown: it identifies nobody);</li>
 *   <li>secondary: the hidden set is audited as an intruder would ({@link DisclosureAudit}) with every
 *       relation declared in the catalogue ({@link KpiDefinitions#sumRules()},
 *       {@link KpiDefinitions#balanceRules()}); while any hidden count can be worked out exactly, one more
 *       count is hidden: the smallest non-zero shown count that shares a relation with one that can, or, when
 *       none is left, a zero, or else the balance at the end of the period ({@link #hide});</li>
 *   <li>a rate, a change or a % change derived from a hidden count is hidden too.</li>
 * </ul>
 * Money is not suppressed: it counts spend, not people. Each period is suppressed on its own, from its
 * own figures, so a year is hidden the same way in its own report and as the prior year of the next one.
 * A figure not recorded for the period (a context figure not yet given) is shown as {@code x}.
 */
public final class Disclosure {

    public static final long SMALLEST_SUPPRESSED = 1;
    public static final long LARGEST_SUPPRESSED = 5;

    private Disclosure() {
    }

    /** Parts that add up to a published total. */
    public record SumGroup<K>(K total, List<K> parts) {
        public SumGroup {
            parts = List.copyOf(parts);
        }

        Stream<K> members() {
            return Stream.concat(Stream.of(total), parts.stream());
        }

        /** total - parts = 0. */
        Relation<K> relation() {
            Map<K, Long> terms = new LinkedHashMap<>();
            terms.merge(total, 1L, Long::sum);
            parts.forEach(part -> terms.merge(part, -1L, Long::sum));
            return Relation.equal(terms, 0);
        }
    }

    /** A figure's address in a snapshot: its KPI id and dimension (null for single figures). */
    public record FigureKey(String id, String dimension) {
        @Override
        public String toString() {
            return dimension == null ? id : id + "/" + dimension;
        }
    }

    public static boolean isSmall(long count) {
        return count >= SMALLEST_SUPPRESSED && count <= LARGEST_SUPPRESSED;
    }

    /** The counts to hide when the only relations are totals and their parts. */
    public static <K> Set<K> suppressed(Map<K, Long> counts, List<SumGroup<K>> groups) {
        return hide(counts, groups.stream().map(SumGroup::relation).toList(), k -> 0);
    }

    /**
     * The counts to hide: the small ones, then, while the audit finds a hidden count a reader can work out,
     * one more shown count from the relations around it ({@link #choose}). Ordinary complements (non-zero,
     * not a balance) come first, those that lose the least first: the fewest other figures hidden with them
     * ({@code derived}: the rates worked out from them, more for a headline measure, {@link #BALANCE} for a
     * balance), then the smallest count. Zeros and balances are hidden only as a last resort. A count still
     * exposed with every count around it hidden is left so: nothing more can be hidden for it.
     */
    public static <K> Set<K> hide(Map<K, Long> counts, List<Relation<K>> relations, ToIntFunction<K> derived) {
        Set<K> hidden = counts.entrySet().stream().filter(e -> isSmall(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<K, Integer> order = new HashMap<>();
        counts.keySet().forEach(k -> order.put(k, order.size()));
        ToIntFunction<K> resort = k -> lastResort(counts.get(k), derived.applyAsInt(k));
        // A group of hidden counts is audited again only when a count joins it.
        Map<Set<K>, Set<K>> audited = new HashMap<>();
        // Counts still pinned with every count around them hidden: by the audit's bounds alone (five outcomes
        // of at least 1 adding up to a small total of at most 5), so hiding more cannot help.
        Set<K> beyondHelp = new HashSet<>();
        while (true) {
            DisclosureAudit<K> audit = new DisclosureAudit<>(counts, hidden, relations);
            Set<K> determined = new LinkedHashSet<>();
            for (Set<K> group : audit.groups()) {
                determined.addAll(audited.computeIfAbsent(group, audit::determined));
            }
            determined.removeAll(beyondHelp);
            if (determined.isEmpty()) {
                return hidden;
            }
            K exposed = determined.iterator().next();
            Set<K> group = audit.groups().stream().filter(g -> g.contains(exposed)).findFirst().orElseThrow();
            List<K> candidates = candidates(group, counts, hidden, relations).stream()
                    .sorted(Comparator.comparingInt(resort).thenComparingInt(derived).thenComparingLong(counts::get)
                            .thenComparing(order::get)).toList();
            if (candidates.isEmpty()) {
                beyondHelp.add(exposed);
            } else {
                hidden.add(choose(candidates, exposed, counts, hidden, relations, resort, derived));
            }
        }
    }

    /**
     * Of the candidates, cheapest first, the first of the cheapest kind and tier that protects the exposed
     * count on its own, else the cheapest: a dearer tier (a headline measure) is tried only when nothing
     * cheaper is left, even one that does not protect on its own. When only zeros and balances are left, a
     * zero is hidden only if it protects on its own (else hiding zeros could spread over a whole table of
     * them), and otherwise a balance.
     */
    private static <K> K choose(List<K> candidates, K exposed, Map<K, Long> counts, Set<K> hidden,
                                List<Relation<K>> relations, ToIntFunction<K> resort, ToIntFunction<K> derived) {
        K first = candidates.get(0);
        Predicate<K> protects = c -> protects(c, exposed, counts, hidden, relations);
        if (resort.applyAsInt(first) == ORDINARY) {
            int tier = derived.applyAsInt(first) / HEADLINE_LOSS;
            return candidates.stream().limit(LOOK_AHEAD)
                    .filter(c -> resort.applyAsInt(c) == ORDINARY && derived.applyAsInt(c) / HEADLINE_LOSS == tier)
                    .filter(protects).findFirst().orElse(first);
        }
        return candidates.stream().limit(LOOK_AHEAD).filter(protects).findFirst()
                .or(() -> candidates.stream().filter(c -> resort.applyAsInt(c) == BALANCE_KIND).findFirst())
                .orElse(first);
    }

    private static final int ORDINARY = 0;
    private static final int ZERO = 1;
    private static final int BALANCE_KIND = 2;

    /**
     * The kind of a complement, cheapest first: an ordinary count; a zero, hidden only when no non-zero count
     * is left around an exposed count (a year in which nothing closed gives its small intake away as the
     * change in the open balance); a balance, hidden only when no zero protects (see docs/kpis.md: the next
     * year's figures are suppressed without knowing it was hidden).
     */
    private static int lastResort(long count, int derived) {
        return derived == BALANCE ? BALANCE_KIND : count == 0 ? ZERO : ORDINARY;
    }

    /** How many candidates are tried, cheapest first, for one that protects the exposed count on its own. */
    private static final int LOOK_AHEAD = 12;

    /** The shown counts in the relations around a group of hidden counts. */
    private static <K> Set<K> candidates(Set<K> group, Map<K, Long> counts, Set<K> hidden,
                                         List<Relation<K>> relations) {
        Set<K> candidates = new LinkedHashSet<>();
        for (Relation<K> relation : relations) {
            if (relation.terms().keySet().stream().anyMatch(group::contains)) {
                relation.terms().keySet().stream().filter(k -> counts.containsKey(k) && !hidden.contains(k))
                        .forEach(candidates::add);
            }
        }
        return candidates;
    }

    private static <K> boolean protects(K candidate, K exposed, Map<K, Long> counts, Set<K> hidden,
                                        List<Relation<K>> relations) {
        Set<K> tried = new LinkedHashSet<>(hidden);
        tried.add(candidate);
        DisclosureAudit<K> audit = new DisclosureAudit<>(counts, tried, relations);
        Set<K> group = audit.groups().stream().filter(g -> g.contains(exposed)).findFirst().orElseThrow();
        return !audit.determined(group).contains(exposed);
    }

    /**
     * Every relation the catalogue declares, over one period's counts: sums (dimension by dimension for
     * breakdowns), order relations, and balances (open - received + closed is the opening balance: known to
     * the reader, or, where {@code counts} holds it because it is small, a hidden count of its own).
     */
    static List<Relation<FigureKey>> relations(Map<FigureKey, Long> counts) {
        List<Relation<FigureKey>> relations = sumRelations(counts);
        for (BalanceRule rule : KpiDefinitions.balanceRules()) {
            Map<FigureKey, Long> terms = balance(rule);
            FigureKey opening = opening(rule);
            if (counts.containsKey(opening)) {
                terms.put(opening, -1L); // a small opening balance, hidden in its own period: unknown, at most 5
                relations.add(Relation.equal(terms, 0));
            } else {
                relations.add(Relation.equal(terms, openingBalance(rule, counts)));
            }
        }
        return relations;
    }

    /** The sums and order relations over one period's counts (dimension by dimension for breakdowns). */
    public static List<Relation<FigureKey>> sumRelations(Map<FigureKey, Long> counts) {
        List<Relation<FigureKey>> relations = new ArrayList<>();
        for (SumRule rule : KpiDefinitions.sumRules()) {
            for (String dimension : dimensions(rule, counts)) {
                Map<FigureKey, Long> terms = new LinkedHashMap<>();
                FigureKey total = new FigureKey(rule.totalId(), dimension);
                if (!counts.containsKey(total)) {
                    continue; // not published for this period (a context figure not recorded)
                }
                terms.merge(total, rule.exact() ? 1L : -1L, Long::sum);
                for (SumRule.Part part : rule.parts()) {
                    keys(part, dimension, counts).forEach(k -> terms.merge(k, rule.exact() ? -1L : 1L, Long::sum));
                }
                relations.add(rule.exact() ? Relation.equal(terms, 0) : Relation.atMost(terms, 0));
            }
        }
        return relations;
    }

    /** open - received + closed: the balance at the start of the period. */
    public static Map<FigureKey, Long> balance(BalanceRule rule) {
        Map<FigureKey, Long> terms = new LinkedHashMap<>();
        terms.put(new FigureKey(rule.openId(), null), 1L);
        terms.merge(new FigureKey(rule.receivedId(), null), -1L, Long::sum);
        rule.closed().forEach(part -> terms.merge(new FigureKey(part.id(), null), 1L, Long::sum));
        return terms;
    }

    private static long openingBalance(BalanceRule rule, Map<FigureKey, Long> counts) {
        return balance(rule).entrySet().stream().mapToLong(t -> t.getValue() * counts.getOrDefault(t.getKey(), 0L))
                .sum();
    }

    /** The balance at the start of the period, as the prior period shows it (its {@code open} figure). */
    private static FigureKey opening(BalanceRule rule) {
        return new FigureKey(rule.openId(), OPENING);
    }

    private static final String OPENING = "(start of period)";

    /**
     * The period's counts and, where it is small, each balance at the start of the period: the prior period
     * hides it, so a reader does not know it, and it must not be worked out from this period either.
     * (A larger opening balance is shown in the prior period, since balances are never hidden to protect
     * others, and a reader is taken to know it.)
     */
    private static Map<FigureKey, Long> withOpeningBalances(Map<FigureKey, Long> counts) {
        Map<FigureKey, Long> all = new LinkedHashMap<>(counts);
        for (BalanceRule rule : KpiDefinitions.balanceRules()) {
            long opening = openingBalance(rule, counts);
            if (isSmall(opening)) {
                all.put(opening(rule), opening);
            }
        }
        return all;
    }

    /** null for a rule between single figures; each dimension shown for a rule between breakdowns. */
    private static Set<String> dimensions(SumRule rule, Map<FigureKey, Long> counts) {
        Set<String> dimensions = new TreeSet<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        if (!KpiDefinitions.require(rule.totalId()).byDimension()) {
            dimensions.add(null);
            return dimensions;
        }
        Set<String> ids = Stream.concat(Stream.of(rule.totalId()), rule.parts().stream().map(SumRule.Part::id))
                .collect(Collectors.toSet());
        counts.keySet().stream().filter(k -> ids.contains(k.id())).map(FigureKey::dimension).forEach(dimensions::add);
        return dimensions;
    }

    /** The counts a part stands for: itself, its chosen dimensions, or (per dimension) that one dimension. */
    private static Stream<FigureKey> keys(SumRule.Part part, String dimension, Map<FigureKey, Long> counts) {
        if (!KpiDefinitions.require(part.id()).byDimension()) {
            return Stream.of(new FigureKey(part.id(), null));
        }
        return counts.keySet().stream().filter(k -> k.id().equals(part.id()) && part.filter().test(k.dimension())
                && (dimension == null || dimension.equals(k.dimension())));
    }

    /** The snapshot as cells; {@code publicOutput} applies suppression, otherwise only {@code z}, {@code k}, {@code x}. */
    public static DisclosedSnapshot disclose(KpiSnapshot snapshot, boolean publicOutput) {
        Set<FigureKey> hiddenNow = publicOutput ? hidden(counts(snapshot, Figure::count)) : Set.of();
        Set<FigureKey> hiddenBefore = publicOutput ? hidden(counts(snapshot, Figure::priorCount)) : Set.of();
        Set<FigureKey> absentNow = absent(snapshot, Figure::count);
        Set<FigureKey> absentBefore = absent(snapshot, Figure::priorCount);
        List<DisclosedFigure> figures = new ArrayList<>();
        for (Figure figure : snapshot.figures()) {
            List<FigureKey> sources = sources(figure);
            figures.add(cells(figure, status(sources, absentNow, hiddenNow),
                    status(sources, absentBefore, hiddenBefore)));
        }
        return new DisclosedSnapshot(snapshot.authority(), snapshot.period(), snapshot.priorPeriod(), publicOutput,
                figures);
    }

    /** How a period's cell of a figure is shown, from the counts it is made of. */
    private enum Status { SHOWN, HIDDEN, NOT_AVAILABLE }

    private static Status status(List<FigureKey> sources, Set<FigureKey> absent, Set<FigureKey> hidden) {
        if (anyIn(sources, absent)) {
            return Status.NOT_AVAILABLE;
        }
        return anyIn(sources, hidden) ? Status.HIDDEN : Status.SHOWN;
    }

    /** A loop, not a stream: called twice per figure and period, mostly with an empty set. */
    private static boolean anyIn(List<FigureKey> sources, Set<FigureKey> keys) {
        if (keys.isEmpty()) {
            return false;
        }
        for (FigureKey source : sources) {
            if (keys.contains(source)) {
                return true;
            }
        }
        return false;
    }

    /** The count figures with no value for a period: not recorded (a context figure not yet given). */
    private static Set<FigureKey> absent(KpiSnapshot snapshot, Function<Figure, Long> value) {
        return snapshot.figures().stream().filter(f -> f.unit() != Unit.PERCENT && value.apply(f) == null)
                .map(f -> new FigureKey(f.id(), f.dimension())).collect(Collectors.toSet());
    }

    /** Every count figure of one period that has a value (not-recorded figures are left out). */
    private static Map<FigureKey, Long> counts(KpiSnapshot snapshot, Function<Figure, Long> value) {
        Map<FigureKey, Long> counts = new LinkedHashMap<>();
        for (Figure f : snapshot.figures()) {
            if (f.unit() == Unit.COUNT && value.apply(f) != null) {
                counts.put(new FigureKey(f.id(), f.dimension()), value.apply(f));
            }
        }
        return counts;
    }

    private static Set<FigureKey> hidden(Map<FigureKey, Long> counts) {
        Map<FigureKey, Long> all = withOpeningBalances(counts);
        return hide(all, relations(all), Disclosure::loss);
    }

    /**
     * The headline measures: the figures councils, the Ombudsman and members compare from one report to the
     * next (complaints received at each stage, stage 1 answered within 10 and within the statutory 20 working
     * days, stage 1 complaints upheld, compliments). Secondary suppression hides one of them only when no other
     * figure would protect the small counts as well.
     */
    public static final Set<String> HEADLINE = Set.of(KpiIds.stage(Regime.CHILDREN, 1, StageFigure.RECEIVED),
            KpiIds.stage(Regime.CHILDREN, 2, StageFigure.RECEIVED), KpiIds.stage(Regime.CHILDREN, 3, StageFigure.RECEIVED),
            KpiIds.timeliness(TimelinessBand.WITHIN_10), KpiIds.timeliness(TimelinessBand.WITHIN_20), KpiIds.STAGE1_UPHELD, KpiIds.COMPLIMENTS_RECEIVED);

    /** What hiding a headline measure costs: more than any figure's derived rates. */
    static final int HEADLINE_LOSS = 1_000;

    /**
     * What hiding a count loses: the rates worked out from it, hidden with it, and much more for a headline
     * measure. A balance ({@link #BALANCE}) is hidden to protect others only as the last resort: a reader of
     * the next period's figures may take it as known, and that period is suppressed without knowing.
     */
    static int loss(FigureKey key) {
        if (KpiDefinitions.balanceRules().stream().anyMatch(rule -> rule.openId().equals(key.id()))) {
            return BALANCE;
        }
        return (key.dimension() == null && HEADLINE.contains(key.id()) ? HEADLINE_LOSS : 0) + (int) KpiDefinitions.all().stream()
                .filter(kpi -> kpi.formula() instanceof Ratio || kpi.formula() instanceof BreakdownRatio)
                .filter(kpi -> sources(kpi.id(), key.dimension()).contains(key)).count();
    }

    /** The {@code loss} of a balance: a complement only when nothing else is left. */
    static final int BALANCE = Integer.MAX_VALUE;

    private static DisclosedFigure cells(Figure figure, Status now, Status before) {
        boolean rate = figure.unit() == Unit.PERCENT;
        Cell current = cell(now, () -> rate ? Cell.percent(figure.rate()) : number(figure.unit(), figure.count()));
        Cell prior = cell(before, () -> rate ? Cell.percent(figure.priorRate())
                : number(figure.unit(), figure.priorCount()));
        Status both = now == Status.HIDDEN || before == Status.HIDDEN ? Status.HIDDEN
                : now == Status.NOT_AVAILABLE || before == Status.NOT_AVAILABLE ? Status.NOT_AVAILABLE : Status.SHOWN;
        Cell change = cell(both, () -> Cell.change(figure.change(), figure.unit()));
        Cell percentChange = rate ? Cell.notApplicable() : cell(both, () -> Cell.percentChange(figure.change()));
        return new DisclosedFigure(figure.id(), figure.dimension(), figure.unit(), current, prior, change,
                percentChange);
    }

    private static Cell cell(Status status, Supplier<Cell> shown) {
        return switch (status) {
            case HIDDEN -> Cell.suppressed();
            case NOT_AVAILABLE -> Cell.notAvailable();
            case SHOWN -> shown.get();
        };
    }

    private static Cell number(Unit unit, long value) {
        return unit == Unit.PENCE ? Cell.money(value) : Cell.count(value);
    }

    /** The counts a figure shows or is derived from. */
    public static List<FigureKey> sources(Figure figure) {
        return sources(figure.id(), figure.dimension());
    }

    public static List<FigureKey> sources(String id, String dimension) {
        Formula formula = KpiDefinitions.require(id).formula();
        if (formula instanceof Ratio ratio) {
            return List.of(new FigureKey(ratio.numeratorId(), null), new FigureKey(ratio.denominatorId(), null));
        }
        if (formula instanceof BreakdownRatio ratio) {
            return List.of(new FigureKey(ratio.numeratorId(), dimension), new FigureKey(ratio.denominatorId(), dimension));
        }
        return List.of(new FigureKey(id, dimension));
    }
}
