package io.complaintskpi.kpi;

import io.complaintskpi.kpi.Formula.BreakdownRatio;
import io.complaintskpi.kpi.Formula.Ratio;
import io.complaintskpi.kpi.KpiDefinition.Unit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Small-number suppression for published outputs, as the Department for Education publishes children's
 * social care statistics:
 * <ul>
 *   <li>primary: a count from 1 to 5 inclusive is shown as {@code c} (0 is shown: it identifies nobody);</li>
 *   <li>secondary: where a published total and its parts leave exactly one of them hidden, the smallest
 *       non-zero visible part is hidden too (or the total, if no part qualifies), repeated until no hidden
 *       count can be worked out by subtraction;</li>
 *   <li>a rate, a change or a % change derived from a hidden count is hidden too.</li>
 * </ul>
 * Money is not suppressed: it counts spend, not people. Each period is suppressed on its own.
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
    }

    /** A figure's address in a snapshot: its KPI id and dimension (null for single figures). */
    record FigureKey(String id, String dimension) {
    }

    public static boolean isSmall(long count) {
        return count >= SMALLEST_SUPPRESSED && count <= LARGEST_SUPPRESSED;
    }

    /** The counts to hide: small ones, then complements until no group has exactly one hidden member. */
    public static <K> Set<K> suppressed(Map<K, Long> counts, List<SumGroup<K>> groups) {
        Set<K> hidden = counts.entrySet().stream().filter(e -> isSmall(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (SumGroup<K> group : groups) {
                if (group.members().filter(hidden::contains).count() == 1) {
                    hidden.add(complement(group, counts, hidden));
                    changed = true;
                }
            }
        }
        return hidden;
    }

    private static <K> K complement(SumGroup<K> group, Map<K, Long> counts, Set<K> hidden) {
        return group.parts().stream()
                .filter(part -> !hidden.contains(part) && counts.getOrDefault(part, 0L) > 0)
                .min(Comparator.comparingLong(counts::get))
                .orElse(group.total());
    }

    /** The snapshot as cells; {@code publicOutput} applies suppression, otherwise only {@code z} and {@code k}. */
    public static DisclosedSnapshot disclose(KpiSnapshot snapshot, boolean publicOutput) {
        Set<FigureKey> hiddenNow = publicOutput ? hidden(snapshot, Figure::count) : Set.of();
        Set<FigureKey> hiddenBefore = publicOutput ? hidden(snapshot, Figure::priorCount) : Set.of();
        List<DisclosedFigure> figures = new ArrayList<>();
        for (Figure figure : snapshot.figures()) {
            List<FigureKey> sources = sources(figure);
            boolean now = sources.stream().anyMatch(hiddenNow::contains);
            boolean before = sources.stream().anyMatch(hiddenBefore::contains);
            figures.add(cells(figure, now, before));
        }
        return new DisclosedSnapshot(snapshot.authority(), snapshot.period(), snapshot.priorPeriod(), publicOutput,
                figures);
    }

    private static DisclosedFigure cells(Figure figure, boolean hiddenNow, boolean hiddenBefore) {
        boolean rate = figure.unit() == Unit.PERCENT;
        Cell current;
        Cell prior;
        if (rate) {
            current = hiddenNow ? Cell.suppressed() : Cell.percent(figure.rate());
            prior = hiddenBefore ? Cell.suppressed() : Cell.percent(figure.priorRate());
        } else {
            current = hiddenNow ? Cell.suppressed() : number(figure.unit(), figure.count());
            prior = hiddenBefore ? Cell.suppressed() : number(figure.unit(), figure.priorCount());
        }
        boolean changeHidden = hiddenNow || hiddenBefore;
        Cell change = changeHidden ? Cell.suppressed() : Cell.change(figure.change(), figure.unit());
        Cell percentChange = rate ? Cell.notApplicable()
                : changeHidden ? Cell.suppressed() : Cell.percentChange(figure.change());
        return new DisclosedFigure(figure.id(), figure.dimension(), figure.unit(), current, prior, change,
                percentChange);
    }

    private static Cell number(Unit unit, long value) {
        return unit == Unit.PENCE ? Cell.money(value) : Cell.count(value);
    }

    /** The counts a figure shows or is derived from. */
    private static List<FigureKey> sources(Figure figure) {
        Formula formula = KpiDefinitions.require(figure.id()).formula();
        if (formula instanceof Ratio ratio) {
            return List.of(new FigureKey(ratio.numeratorId(), null), new FigureKey(ratio.denominatorId(), null));
        }
        if (formula instanceof BreakdownRatio ratio) {
            return List.of(new FigureKey(ratio.numeratorId(), figure.dimension()),
                    new FigureKey(ratio.denominatorId(), figure.dimension()));
        }
        return List.of(new FigureKey(figure.id(), figure.dimension()));
    }

    private static Set<FigureKey> hidden(KpiSnapshot snapshot, Function<Figure, Long> value) {
        Map<FigureKey, Long> counts = snapshot.figures().stream().filter(f -> f.unit() == Unit.COUNT)
                .collect(Collectors.toMap(f -> new FigureKey(f.id(), f.dimension()), value));
        List<SumGroup<FigureKey>> groups = new ArrayList<>();
        for (SumRule rule : KpiDefinitions.sumRules()) {
            FigureKey total = new FigureKey(rule.totalId(), null);
            if (counts.containsKey(total)) {
                List<FigureKey> parts = rule.parts().stream().flatMap(part -> keys(snapshot, part)).toList();
                groups.add(new SumGroup<>(total, parts));
            }
        }
        return suppressed(counts, groups);
    }

    private static Stream<FigureKey> keys(KpiSnapshot snapshot, SumRule.Part part) {
        if (!KpiDefinitions.require(part.id()).byDimension()) {
            return Stream.of(new FigureKey(part.id(), null));
        }
        return snapshot.all(part.id()).stream().filter(f -> part.filter().test(f.dimension()))
                .map(f -> new FigureKey(f.id(), f.dimension()));
    }
}
