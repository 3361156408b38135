package io.complaintskpi.authorities;

import io.complaintskpi.figures.PopulationRate;
import io.complaintskpi.rules.FinancialYear;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthoritiesTest {

    private static final FinancialYear Y2014 = FinancialYear.parse("2014/15");
    private static final FinancialYear Y2016 = FinancialYear.parse("2016/17");
    private static final Authority KENT = new Authority("KENT", "Kent County Council", "E10000016",
            CouncilType.COUNTY, "South East", Map.of(Y2014, new Population(1_500_000, 330_000),
            Y2016, new Population(1_550_000, 340_000)));
    private final Authorities authorities = Authorities.of(List.of(KENT));

    @Test
    void aYearWithoutItsOwnEstimateUsesTheLatestEarlierOne() {
        assertThat(authorities.population("KENT", FinancialYear.parse("2015/16")))
                .contains(new Population(1_500_000, 330_000));
        assertThat(authorities.population("KENT", FinancialYear.parse("2020/21")))
                .contains(new Population(1_550_000, 340_000));
        assertThat(authorities.population("KENT", FinancialYear.parse("2013/14"))).isEmpty();
        assertThat(authorities.population("SURREY", Y2014)).isEmpty();
    }

    @Test
    void ratesPerPopulationAreCountTimesPerOverPopulationToOneDecimal() {
        // 27 upheld of 1,500,000 residents: 27 x 100000 / 1500000 = 1.8; 45 of 330,000 children: 1.3636.. -> 1.4
        assertThat(PopulationRate.perResidents(27, authorities.population("KENT", Y2014)).orElseThrow().value())
                .isEqualTo(new BigDecimal("1.8"));
        assertThat(PopulationRate.perChildren(45, authorities.population("KENT", Y2014)).orElseThrow().value())
                .isEqualTo(new BigDecimal("1.4"));
        assertThat(PopulationRate.perResidents(27, authorities.population("SURREY", Y2014))).isEmpty();
    }

    @Test
    void councilTypesReadAsTheContractWritesThem() {
        assertThat(CouncilType.ofCode("london-borough")).contains(CouncilType.LONDON_BOROUGH);
        assertThat(CouncilType.LONDON_BOROUGH.label()).isEqualTo("London borough");
        assertThat(CouncilType.METROPOLITAN_BOROUGH.label()).isEqualTo("Metropolitan borough");
        assertThat(CouncilType.ofCode("parish")).isEmpty();
    }
}
