package io.complaintskpi.catalogue;

import io.complaintskpi.contributions.Metric;
import io.complaintskpi.events.Regime;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule of which Ombudsman cases a regime's report counts ({@link KpiDefinitions#ombudsmanRegimes}). */
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
                if (KpiDefinitions.ombudsmanRegimes(regime).test(dimension)) {
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
                    KpiDefinitions.ombudsmanRegimes(regime)));
        }
    }
}
