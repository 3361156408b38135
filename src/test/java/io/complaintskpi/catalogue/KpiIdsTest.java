package io.complaintskpi.catalogue;

import io.complaintskpi.catalogue.KpiIds.StageFigure;
import io.complaintskpi.contributions.Metric;
import io.complaintskpi.events.CostCategory;
import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.TimelinessBand;
import io.complaintskpi.rules.Timescales;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every id code asks for by name is one the catalogue defines, under the spelling the API has always used. */
class KpiIdsTest {

    @Test
    void everyNamedIdIsInTheCatalogue() {
        List<String> named = new ArrayList<>(List.of(KpiIds.ESCALATION_RATE, KpiIds.STAGE1_REFERRAL_RATE,
                KpiIds.COMPLIMENTS_RECEIVED, KpiIds.COSTS_TOTAL, KpiIds.OMBUDSMAN_ENQUIRIES,
                KpiIds.OMBUDSMAN_DECISIONS, KpiIds.EVENTS_AWAITING));
        for (Regime regime : Regime.values()) {
            for (int stage = 1; stage <= Timescales.stages(regime); stage++) {
                for (StageFigure figure : StageFigure.values()) {
                    named.add(KpiIds.stage(regime, stage, figure));
                }
            }
            named.add(KpiIds.receivedByServiceArea(regime));
            named.add(KpiIds.rate(KpiIds.upheld(regime)));
        }
        for (TimelinessBand band : TimelinessBand.values()) {
            named.add(KpiIds.rate(KpiIds.timeliness(band)));
        }
        for (CostCategory category : CostCategory.values()) {
            named.add(KpiIds.cost(category));
        }
        assertThat(named).allSatisfy(id -> assertThat(KpiDefinitions.find(id)).as(id).isPresent());
    }

    /** A constant is an id of one regime without its prefix: some regime's catalogue must define it. */
    @Test
    void everyIdConstantIsDefinedForSomeRegime() throws IllegalAccessException {
        List<String> constants = new ArrayList<>();
        for (Field field : KpiIds.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        assertThat(constants).hasSizeGreaterThan(40);
        assertThat(constants).allSatisfy(id -> assertThat(Arrays.stream(Regime.values())
                .map(regime -> KpiDefinitions.prefix(regime) + id).anyMatch(prefixed -> KpiDefinitions.find(prefixed)
                        .isPresent())).as(id + " names no KPI of any regime").isTrue());
        assertThat(KpiDefinitions.find("stage1.resolved.typo")).isEmpty(); // the check can fail
    }

    @Test
    void theIdsKeepTheirPublishedSpelling() {
        assertThat(KpiIds.stage(Regime.CHILDREN, 2, StageFigure.RECEIVED)).isEqualTo("stage2.received");
        assertThat(KpiIds.stage(Regime.ADULTS, 1, StageFigure.OPEN)).isEqualTo("adults.stage1.open");
        assertThat(KpiIds.rate(KpiIds.timeliness(TimelinessBand.WITHIN_10))).isEqualTo("stage1.timeliness.within10.rate");
        assertThat(KpiIds.cost(CostCategory.values()[0])).startsWith("costs.");
    }

    @Test
    void onTimeKpisSumTheStoredOnTimeDimension() {
        Formula.Sum onTime = (Formula.Sum) KpiDefinitions.require("stage3.panel_report.on_time").formula();
        assertThat(onTime.filter().test(Metric.ON_TIME)).isTrue();
        assertThat(onTime.filter().test(Metric.LATE)).isFalse();
    }
}
