package io.complaintskpi.http;

import io.complaintskpi.catalogue.KpiDefinition;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.contributions.Metric;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each figure finds its own KPI's head, in catalogue order, repeated, skipped or out of order. */
class KpiRowHeadsTest {

    @Test
    void everyIdFindsItsKpiHoweverTheFiguresCome() {
        List<String> ids = new ArrayList<>();
        List<KpiDefinition> all = KpiDefinitions.all();
        for (int i = 0; i < all.size(); i++) {
            ids.add(all.get(i).id());
            if (i % 3 == 0) {
                ids.add(all.get(i).id()); // a KPI per dimension: its figures one after another
            }
            if (i % 7 == 0) {
                i++; // a KPI with no figure
            }
        }
        ids.add(all.get(0).id()); // back to the start
        ids.add(all.get(all.size() / 2).id());

        KpiRowHeads heads = new KpiRowHeads();
        for (String id : ids) {
            KpiRowHeads.Head head = heads.of(id);
            KpiDefinition kpi = KpiDefinitions.require(id);
            assertThat(head.kpi()).isSameAs(kpi);
            assertThat(head.measure()).isEqualTo(kpi.measure());
            assertThat(head.regime()).isEqualTo(kpi.regime() == null ? null : Metric.regime(kpi.regime()));
        }
    }

    @Test
    void anUnknownIdIsRefused() {
        assertThatThrownBy(() -> new KpiRowHeads().of("no.such.kpi")).hasMessageContaining("no.such.kpi");
    }
}
