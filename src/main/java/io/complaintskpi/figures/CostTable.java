package io.complaintskpi.figures;

import io.complaintskpi.rules.FinancialYear;

import java.util.List;

/** Spend per category over consecutive financial years, oldest first, in exact integer pence (table 8). */
public record CostTable(List<FinancialYear> years, List<Line> lines, Line total) {

    public CostTable {
        years = List.copyOf(years);
        lines = List.copyOf(lines);
    }

    /** One category (or the total): pence per year, in the order of {@code years}. */
    public record Line(String category, List<Long> pence) {
        public Line {
            pence = List.copyOf(pence);
        }
    }
}
