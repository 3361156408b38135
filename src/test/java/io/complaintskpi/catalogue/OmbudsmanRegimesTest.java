package io.complaintskpi.catalogue;

import io.complaintskpi.contributions.Metric;
import io.complaintskpi.events.Regime;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule of which Ombudsman cases and costs a regime counts ({@link KpiDefinitions#regimeDimensions}). */
class OmbudsmanRegimesTest {

    @Test
    void everyEnquiryCountsInExactlyOneRegimesReportAndThoseNamingNoneInTheChildrens() {
        List<String> dimensions = new ArrayList<>(List.of(Metric.REGIME_UNSPECIFIED));
        for (Regime regime : Regime.values()) {
            dimensions.add(regime.name());
        }
        for (String dimension : dimensions) {
            List<Regime> counting = new ArrayList<>();
            for (Regime regime : Regime.values()) {
                if (KpiDefinitions.regimeDimensions(regime).contains(dimension)) {
                    counting.add(regime);
                }
            }
            Regime expected = dimension.equals(Metric.REGIME_UNSPECIFIED) ? Regime.CHILDREN : Regime.valueOf(dimension);
            assertThat(counting).as(dimension).containsExactly(expected);
        }
    }

    @Test
    void eachRegimesReferralsAreItsOwnKpisSummingTheByRegimeCounts() {
        for (Regime regime : Regime.values()) {
            KpiDefinition referrals = KpiDefinitions.require(KpiDefinitions.prefix(regime) + KpiIds.OMBUDSMAN_REFERRALS);
            assertThat(referrals.regime()).isEqualTo(regime);
            assertThat(referrals.formula()).isEqualTo(new Formula.Sum(Metric.OMBUDSMAN_ENQUIRIES_BY_REGIME,
                    DimensionFilter.only(KpiDefinitions.regimeDimensions(regime).toArray(String[]::new))));
        }
    }

    @Test
    void eachRegimesSpendIsItsOwnComplaintsAndTheChildrensAlsoThatOfNoComplaint() {
        Formula.Sum children = (Formula.Sum) KpiDefinitions.require(KpiIds.COSTS_PROCEDURE_TOTAL).formula();
        assertThat(children.metric()).isEqualTo(Metric.COSTS_PENCE_BY_REGIME);
        assertThat(children.filter().test("UNSPECIFIED/MEDIATION")).isTrue();
        assertThat(children.filter().test("CHILDREN/MEDIATION")).isTrue();
        assertThat(children.filter().test("CORPORATE/MEDIATION")).isFalse();
        Formula.Sum corporate = (Formula.Sum) KpiDefinitions.require(KpiDefinitions.CORPORATE_PREFIX
                + KpiIds.COSTS_PROCEDURE_TOTAL).formula();
        assertThat(corporate.filter().test("CORPORATE/FINANCIAL_REDRESS")).isTrue();
        assertThat(corporate.filter().test("UNSPECIFIED/FINANCIAL_REDRESS")).isFalse();
    }
}
