package io.complaintskpi.report;

import io.complaintskpi.disclosure.Cell;
import io.complaintskpi.disclosure.Disclosure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The key to the symbols that stand for numbers (DfE conventions), shown beside the first table that uses each
 * symbol, so a reader meets the explanation where they first meet the symbol, not only in the notes.
 */
final class SymbolKey {

    /** Each symbol's cell kind and what it means, in the order a key lists them. */
    static final Map<Cell.Kind, String> MEANINGS = meanings();

    private SymbolKey() {
    }

    private static Map<Cell.Kind, String> meanings() {
        Map<Cell.Kind, String> meanings = new LinkedHashMap<>();
        meanings.put(Cell.Kind.SUPPRESSED, Cell.SUPPRESSED + " = a count from " + Disclosure.SMALLEST_SUPPRESSED
                + " to " + Disclosure.LARGEST_SUPPRESSED + " suppressed to protect the people concerned, or a figure"
                + " hidden so that one cannot be worked out from totals (rates and changes derived from a hidden count"
                + " are hidden too)");
        meanings.put(Cell.Kind.NOT_APPLICABLE, Cell.NOT_APPLICABLE + " = not applicable (nothing to divide by)");
        meanings.put(Cell.Kind.NOT_AVAILABLE, Cell.NOT_AVAILABLE
                + " = not available (not recorded for the year, which is not 0)");
        meanings.put(Cell.Kind.ROUNDS_TO_ZERO, Cell.ROUNDS_TO_ZERO
                + " = a percentage that rounds to 0.0% but is not zero");
        return meanings;
    }

    /** The tables, each with the key to the symbols no earlier table used. */
    static List<ReportTable> attach(List<ReportTable> tables) {
        Set<Cell.Kind> explained = new HashSet<>();
        List<ReportTable> keyed = new ArrayList<>();
        for (ReportTable table : tables) {
            Set<Cell.Kind> used = new HashSet<>();
            table.rows().forEach(row -> row.cells().forEach(cell -> used.add(cell.kind())));
            List<String> key = new ArrayList<>();
            MEANINGS.forEach((kind, meaning) -> {
                if (used.contains(kind) && explained.add(kind)) {
                    key.add(meaning);
                }
            });
            keyed.add(table.withKey(key));
        }
        return keyed;
    }
}
