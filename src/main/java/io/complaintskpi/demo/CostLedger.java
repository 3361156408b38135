package io.complaintskpi.demo;

import io.complaintskpi.events.ComplaintEvent.CostIncurred;
import io.complaintskpi.events.CostCategory;
import io.complaintskpi.rules.FinancialYear;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Where the history incurs costs (an investigation's start and end, a panel, a mediation, a payment), and
 * how each year's table 8 total is shared among them: in whole £10 (the report rounds to £10), weighted
 * by the kind of occasion, with a little jitter, adding up to the exact total of the year and category.
 */
final class CostLedger {

    private final List<Occasion> occasions = new ArrayList<>();

    void occasion(String key, LocalDate date, CostCategory category, double weight) {
        occasions.add(new Occasion(key, date, category, weight));
    }

    /** Plans one CostIncurred per occasion; fails when a year's occasions cannot carry its total. */
    void book(List<SeedYear> years, Timeline timeline, Random random) {
        for (Occasion occasion : occasions) {
            if (years.stream().noneMatch(year -> year.year().contains(occasion.date()))) {
                throw new IllegalStateException("cost outside the history: " + occasion);
            }
        }
        for (SeedYear year : years) {
            for (CostCategory category : CostCategory.values()) {
                List<Occasion> due = occasions.stream()
                        .filter(o -> o.category() == category && year.year().contains(o.date()))
                        .toList();
                long[] pence = split(year.costsPence().get(category), due, year.year(), category, random);
                for (int i = 0; i < due.size(); i++) {
                    timeline.add(due.get(i).key(), due.get(i).date(), new CostIncurred(category, pence[i]));
                }
            }
        }
    }

    private static long[] split(long totalPence, List<Occasion> due, FinancialYear year, CostCategory category,
                                Random random) {
        long pound10 = 1_000;
        if (totalPence % pound10 != 0 || (totalPence == 0) != due.isEmpty()) {
            throw new IllegalStateException(year + " " + category + ": " + totalPence + " pence over "
                    + due.size() + " occasions");
        }
        double[] weights = due.stream().mapToDouble(o -> o.weight() * (0.8 + 0.4 * random.nextDouble())).toArray();
        double sum = java.util.Arrays.stream(weights).sum();
        long units = totalPence / pound10;
        long[] shares = new long[due.size()];
        long given = 0;
        for (int i = 0; i < shares.length; i++) {
            shares[i] = Math.max(1, (long) Math.floor(units * weights[i] / sum));
            given += shares[i];
        }
        for (int i = 0; given < units; i = (i + 1) % shares.length, given++) {
            shares[i]++;
        }
        if (given != units) {
            throw new IllegalStateException(year + " " + category + ": too many occasions for " + totalPence);
        }
        for (int i = 0; i < shares.length; i++) {
            shares[i] *= pound10;
        }
        return shares;
    }

    private record Occasion(String key, LocalDate date, CostCategory category, double weight) {
    }
}
