package io.complaintskpi.disclosure;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The intruder's check: what a reader can work out about each hidden count from everything published.
 * The reader knows every shown count, every relation between counts ({@link Relation}), and of each hidden
 * count that it is a whole number of at least 0. To be safe the audit also grants the reader that a hidden
 * count that is not 0 is at least 1 (zeros are shown unless no other count is left to hide), and that a
 * count hidden because it is small is at most {@value Disclosure#LARGEST_SUPPRESSED}, as if it could tell
 * those from counts hidden beside them: a stronger reader only narrows the ranges, so a hidden set that
 * passes this audit passes for any weaker reader too.
 *
 * <p>Each hidden count's feasible range is found by integer programming (maximise, then minimise it subject
 * to the relations), one connected group of hidden counts at a time. A count whose range is a single value
 * is disclosed.
 */
public final class DisclosureAudit<K> {

    static {
        System.setProperty("shut.up.ojAlgo", "true"); // ojAlgo's banner about hardware profiles, on stdout
    }

    /** Far above any count; stands in for "no upper bound" on a hidden count that is not small. */
    static final long UNBOUNDED = 100_000_000L;

    /** Sum of coefficient x count, compared with a constant: equal, or at most. */
    public record Relation<K>(Map<K, Long> terms, boolean equality, long constant) {
        public Relation {
            terms = Map.copyOf(terms);
        }

        public static <K> Relation<K> equal(Map<K, Long> terms, long constant) {
            return new Relation<>(terms, true, constant);
        }

        public static <K> Relation<K> atMost(Map<K, Long> terms, long constant) {
            return new Relation<>(terms, false, constant);
        }
    }

    /** What a reader can work out about one hidden count: it lies in {@code [min, max]}. */
    public record Range(long min, long max) {
        public boolean determined() {
            return min == max;
        }

        @Override
        public String toString() {
            return max >= UNBOUNDED ? "[" + min + ", ...]" : "[" + min + ", " + max + "]";
        }
    }

    private final Map<K, Long> values;
    private final Set<K> hidden;
    private final List<Relation<K>> relations;

    /**
     * @param values    every count, shown or hidden, with its true value (hidden values only set the reader's
     *                  bound: at most 5 for a small count)
     * @param hidden    the counts shown as {@code c}
     * @param relations what the reader knows links the counts
     */
    public DisclosureAudit(Map<K, Long> values, Set<K> hidden, List<Relation<K>> relations) {
        this.values = values;
        this.hidden = hidden;
        // A relation the figures do not satisfy (incomplete data) is nothing a reader can rely on.
        this.relations = relations.stream().filter(this::holds).toList();
    }

    private boolean holds(Relation<K> relation) {
        long sum = relation.terms().entrySet().stream().mapToLong(t -> t.getValue() * values.getOrDefault(t.getKey(), 0L))
                .sum();
        return relation.equality() ? sum == relation.constant() : sum <= relation.constant();
    }

    /** The hidden counts in groups that share a relation: each group is solved on its own. */
    List<Set<K>> groups() {
        Map<K, K> parent = new HashMap<>();
        hidden.forEach(k -> parent.put(k, k));
        for (Relation<K> relation : relations) {
            K first = null;
            for (K k : relation.terms().keySet()) {
                if (hidden.contains(k)) {
                    if (first == null) {
                        first = k;
                    } else {
                        parent.put(root(parent, k), root(parent, first));
                    }
                }
            }
        }
        Map<K, Set<K>> groups = new LinkedHashMap<>();
        for (K k : hidden) {
            groups.computeIfAbsent(root(parent, k), r -> new LinkedHashSet<>()).add(k);
        }
        return List.copyOf(groups.values());
    }

    private static <K> K root(Map<K, K> parent, K k) {
        K r = k;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        parent.put(k, r);
        return r;
    }

    /** Every hidden count's feasible range. */
    public Map<K, Range> ranges() {
        Map<K, Range> ranges = new LinkedHashMap<>();
        for (Set<K> group : groups()) {
            ranges.putAll(ranges(group));
        }
        return ranges;
    }

    /** The hidden counts a reader can work out exactly. */
    public Set<K> determined() {
        Set<K> determined = new LinkedHashSet<>();
        for (Set<K> group : groups()) {
            determined.addAll(determined(group));
        }
        return determined;
    }

    /**
     * The determined counts of one group (see {@link #groups()}). Every solution found is a witness for all
     * the group's counts: one that takes a value other than its true one there cannot be worked out, and
     * needs no solving of its own.
     */
    Set<K> determined(Set<K> group) {
        List<K> variables = List.copyOf(group);
        List<Relation<K>> constraints = constraints(group);
        Map<K, Set<Long>> seen = new HashMap<>();
        variables.forEach(k -> seen.computeIfAbsent(k, x -> new HashSet<>()).add(value(k)));
        Set<K> determined = new LinkedHashSet<>();
        for (K k : variables) {
            for (boolean maximise : new boolean[] {true, false}) {
                if (seen.get(k).size() == 1) {
                    long[] solution = solve(variables, constraints, k, maximise);
                    for (int i = 0; i < solution.length; i++) {
                        seen.get(variables.get(i)).add(solution[i]);
                    }
                }
            }
            if (seen.get(k).size() == 1) {
                determined.add(k);
            }
        }
        return determined;
    }

    private Map<K, Range> ranges(Set<K> group) {
        List<K> variables = List.copyOf(group);
        List<Relation<K>> constraints = constraints(group);
        Map<K, Range> ranges = new LinkedHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            K k = variables.get(i);
            ranges.put(k, new Range(solve(variables, constraints, k, false)[i], solve(variables, constraints, k, true)[i]));
        }
        return ranges;
    }

    /** The relations touching the group, with shown counts moved into the constant. */
    private List<Relation<K>> constraints(Set<K> group) {
        List<Relation<K>> constraints = new ArrayList<>();
        for (Relation<K> relation : relations) {
            Map<K, Long> terms = new LinkedHashMap<>();
            long constant = relation.constant();
            for (var term : relation.terms().entrySet()) {
                if (group.contains(term.getKey())) {
                    terms.merge(term.getKey(), term.getValue(), Long::sum);
                } else if (!hidden.contains(term.getKey())) {
                    constant -= term.getValue() * value(term.getKey());
                }
            }
            terms.values().removeIf(c -> c == 0);
            if (!terms.isEmpty()) {
                constraints.add(new Relation<>(terms, relation.equality(), constant));
            }
        }
        return constraints;
    }

    private long value(K k) {
        Long value = values.get(k);
        if (value == null) {
            throw new IllegalArgumentException("a relation uses '" + k + "', which has no value");
        }
        return value;
    }

    /** A solution (in the order of {@code group}) that makes {@code target} as large, or as small, as it can be. */
    private long[] solve(List<K> group, List<Relation<K>> constraints, K target, boolean maximise) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<K, Variable> variables = new HashMap<>();
        for (K k : group) {
            long upper = Disclosure.isSmall(value(k)) ? Disclosure.LARGEST_SUPPRESSED : UNBOUNDED;
            long lower = value(k) == 0 ? 0 : Disclosure.SMALLEST_SUPPRESSED; // a zero hidden as a last resort
            Variable v = model.addVariable(String.valueOf(variables.size())).integer(true).lower(lower).upper(upper);
            variables.put(k, v);
        }
        variables.get(target).weight(1);
        for (Relation<K> relation : constraints) {
            Expression e = model.addExpression();
            relation.terms().forEach((k, c) -> e.set(variables.get(k), c));
            if (relation.equality()) {
                e.level(relation.constant());
            } else {
                e.upper(relation.constant());
            }
        }
        Optimisation.Result result = maximise ? model.maximise() : model.minimise();
        if (!result.getState().isFeasible()) {
            // The true values satisfy every relation kept, so they are always a solution.
            throw new IllegalStateException("no solution although the true values are one: " + constraints);
        }
        long[] solution = new long[group.size()];
        for (int i = 0; i < solution.length; i++) {
            solution[i] = Math.round(result.get(i).doubleValue());
        }
        return solution;
    }
}
