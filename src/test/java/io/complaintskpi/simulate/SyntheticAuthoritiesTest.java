package io.complaintskpi.simulate;

import io.complaintskpi.authorities.Authority;
import io.complaintskpi.authorities.AuthorityCodec;
import io.complaintskpi.authorities.CouncilType;
import io.complaintskpi.rules.FinancialYear;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticAuthoritiesTest {

    private static final Simulation.Plan PLAN = new Simulation.Plan(150, FinancialYear.parse("2016/17"), 10, 100, 1);

    @Test
    void oneHundredAndFiftyAuthoritiesOfEveryTypeEachValidWithAnEstimateForEverySimulatedYear() {
        List<Authority> authorities = SyntheticAuthorities.of(PLAN);
        AuthorityCodec codec = new AuthorityCodec();

        assertThat(authorities).hasSize(150);
        assertThat(authorities).extracting(Authority::code).doesNotHaveDuplicates()
                .startsWith("SIM0001", "SIM0002").endsWith("SIM0150");
        assertThat(authorities).extracting(Authority::name).doesNotHaveDuplicates();
        assertThat(authorities.stream().collect(Collectors.groupingBy(Authority::councilType, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(CouncilType.UNITARY, 45L,
                        CouncilType.METROPOLITAN_BOROUGH, 30L, CouncilType.LONDON_BOROUGH, 30L,
                        CouncilType.COUNTY, 30L, CouncilType.DISTRICT, 15L));
        assertThat(authorities).allSatisfy(a -> {
            assertThat(codec.decode(a.code(), codec.encode(a))).isEqualTo(a); // passes the schema
            assertThat(a.populations()).hasSize(10);
            assertThat(a.populations().firstKey()).isEqualTo(PLAN.firstYear());
            assertThat(a.region().equals("London")).isEqualTo(a.councilType() == CouncilType.LONDON_BOROUGH);
        });
        Map<String, Authority> byCode = authorities.stream()
                .collect(Collectors.toMap(Authority::code, Function.identity()));
        // Sizes typical of the type: a county is bigger than any district.
        assertThat(authorities.stream().filter(a -> a.councilType() == CouncilType.COUNTY)
                .mapToLong(a -> a.populations().firstEntry().getValue().residents()).min().orElseThrow())
                .isGreaterThan(authorities.stream().filter(a -> a.councilType() == CouncilType.DISTRICT)
                        .mapToLong(a -> a.populations().firstEntry().getValue().residents()).max().orElseThrow());
        assertThat(SyntheticAuthorities.of(PLAN)).isEqualTo(authorities);
        assertThat(byCode.get("SIM0001").populations().lastEntry().getValue().residents())
                .isGreaterThan(byCode.get("SIM0001").populations().firstEntry().getValue().residents());
    }
}
