package io.complaintskpi.demo;

import io.complaintskpi.demo.SeedYear.CauseQuota;
import io.complaintskpi.events.Cause;
import io.complaintskpi.events.CauseFinding;
import io.complaintskpi.events.Outcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Shares a year's cause findings (table 6 counts findings, not complaints) among its stage 1 responses so
 * that every upheld complaint has at least one upheld finding, a totally upheld one has only upheld
 * findings, a not-upheld one only findings that were not upheld, and "no finding" responses have none.
 * Upheld findings beyond one per upheld complaint become second causes of totally upheld complaints;
 * findings not upheld beyond one per not-upheld complaint go to partly upheld ones.
 */
final class CauseAllocator {

    private CauseAllocator() {
    }

    /** The findings of each response, in the order of {@code outcomes}. */
    static List<List<CauseFinding>> allocate(List<Outcome> outcomes, Map<Cause, CauseQuota> quotas) {
        List<List<CauseFinding>> findings = new ArrayList<>();
        outcomes.forEach(outcome -> findings.add(new ArrayList<>()));
        List<Cause> upheld = pool(quotas, true);
        List<Cause> notUpheld = pool(quotas, false);

        List<Integer> upheldComplaints = indexesOf(outcomes, Outcome.TOTALLY_UPHELD, Outcome.PARTLY_UPHELD);
        for (int index : upheldComplaints) {
            findings.get(index).add(new CauseFinding(take(upheld, index, findings), true));
        }
        distribute(upheld, true, indexesOf(outcomes, Outcome.TOTALLY_UPHELD), findings);

        for (int index : indexesOf(outcomes, Outcome.NOT_UPHELD)) {
            if (!notUpheld.isEmpty()) {
                findings.get(index).add(new CauseFinding(take(notUpheld, index, findings), false));
            }
        }
        distribute(notUpheld, false, indexesOf(outcomes, Outcome.PARTLY_UPHELD), findings);
        return findings.stream().map(List::copyOf).toList();
    }

    /** Each cause repeated as often as its quota, most frequent first (stable in table order). */
    private static List<Cause> pool(Map<Cause, CauseQuota> quotas, boolean upheld) {
        List<Map.Entry<Cause, CauseQuota>> rows = new ArrayList<>(quotas.entrySet());
        rows.sort(Comparator.comparingInt(row -> -count(row.getValue(), upheld)));
        List<Cause> pool = new ArrayList<>();
        rows.forEach(row -> {
            for (int i = 0; i < count(row.getValue(), upheld); i++) {
                pool.add(row.getKey());
            }
        });
        return pool;
    }

    private static int count(CauseQuota quota, boolean upheld) {
        return upheld ? quota.upheld() : quota.resolved() - quota.upheld();
    }

    private static void distribute(List<Cause> remaining, boolean upheld, List<Integer> eligible,
                                   List<List<CauseFinding>> findings) {
        while (!remaining.isEmpty()) {
            Cause cause = remaining.get(0);
            int target = eligible.stream()
                    .filter(index -> findings.get(index).size() < 2 && !has(findings.get(index), cause))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no complaint can take another "
                            + (upheld ? "upheld " : "") + "finding of " + cause));
            findings.get(target).add(new CauseFinding(remaining.remove(0), upheld));
        }
    }

    private static Cause take(List<Cause> pool, int index, List<List<CauseFinding>> findings) {
        if (pool.isEmpty()) {
            throw new IllegalStateException("fewer cause findings than complaints needing one (response " + index
                    + ")");
        }
        return pool.stream().filter(cause -> !has(findings.get(index), cause)).findFirst()
                .map(cause -> pool.remove(pool.indexOf(cause)))
                .orElseThrow();
    }

    private static boolean has(List<CauseFinding> findings, Cause cause) {
        return findings.stream().anyMatch(finding -> finding.cause() == cause);
    }

    private static List<Integer> indexesOf(List<Outcome> outcomes, Outcome... wanted) {
        List<Integer> indexes = new ArrayList<>();
        for (Outcome outcome : wanted) {
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i) == outcome) {
                    indexes.add(i);
                }
            }
        }
        return indexes;
    }
}
