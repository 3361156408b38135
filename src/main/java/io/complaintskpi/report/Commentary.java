package io.complaintskpi.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the complaints manager writes about one authority's year, in Markdown: an introduction (the year's
 * context, learning from complaints, improvements made) and a commentary per table, keyed by table id
 * ({@code table7}). Shown in every format as written; it is not a figure, so the disclosure audit never reads it.
 */
public record Commentary(String introduction, Map<String, String> tables) {

    public static final Commentary NONE = new Commentary("", Map.of());

    public Commentary {
        introduction = introduction == null ? "" : introduction.strip();
        tables = new TreeMap<>(tables);
        tables.replaceAll((table, text) -> text.strip());
        tables.values().removeIf(String::isEmpty);
        tables = Map.copyOf(tables);
    }

    /** The commentary on one table, or empty. */
    public String on(String tableId) {
        return tables.getOrDefault(tableId, "");
    }
}
