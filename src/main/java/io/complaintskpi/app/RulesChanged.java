package io.complaintskpi.app;

import java.util.List;

/** A start refused because the stored figures were computed under other rule settings ({@link StoredRules}). */
public final class RulesChanged extends IllegalStateException {
    private final List<String> lines;

    RulesChanged(List<String> lines) {
        super(String.join(System.lineSeparator(), lines));
        this.lines = List.copyOf(lines);
    }

    /** What changed and how to rebuild, one line each. */
    public List<String> lines() {
        return lines;
    }
}
