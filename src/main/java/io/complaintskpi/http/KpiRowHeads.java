package io.complaintskpi.http;

import io.complaintskpi.catalogue.KpiDefinition;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.contributions.Metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue's part of each {@code /kpis} row (the definition, the procedure in lower case, the measure),
 * worked out once per KPI and found for a run of figures by walking the catalogue beside them: a snapshot lists
 * its figures in catalogue order, so a figure's KPI is the one before it or the next, and is looked up by id
 * only when a KPI had no figure. The look-ups by id, the procedure's lower-casing and the measure's substring
 * per row were some 7 % of an answer's CPU.
 */
final class KpiRowHeads {

    /** One KPI's part of its rows; {@code regime} null for the council's figures of no one procedure. */
    record Head(KpiDefinition kpi, String regime, String measure, int index) {
    }

    private static final List<Head> ALL = heads();
    private static final Map<String, Head> BY_ID = byId();

    private int next;

    /** The head of the next figure's KPI. */
    Head of(String id) {
        if (next > 0 && ALL.get(next - 1).kpi().id().equals(id)) {
            return ALL.get(next - 1);
        }
        Head head = next < ALL.size() && ALL.get(next).kpi().id().equals(id) ? ALL.get(next) : BY_ID.get(id);
        if (head == null) {
            throw new IllegalArgumentException("unknown KPI '" + id + "'");
        }
        next = head.index() + 1;
        return head;
    }

    private static List<Head> heads() {
        List<Head> heads = new ArrayList<>();
        for (KpiDefinition kpi : KpiDefinitions.all()) {
            heads.add(new Head(kpi, kpi.regime() == null ? null : Metric.regime(kpi.regime()), kpi.measure(),
                    heads.size()));
        }
        return List.copyOf(heads);
    }

    private static Map<String, Head> byId() {
        Map<String, Head> byId = new HashMap<>();
        ALL.forEach(head -> byId.put(head.kpi().id(), head));
        return Map.copyOf(byId);
    }
}
