package io.complaintskpi.figures;

import io.complaintskpi.authorities.Authorities;
import io.complaintskpi.authorities.Authority;
import io.complaintskpi.authorities.CouncilType;
import io.complaintskpi.authorities.OmbudsmanAverage;
import io.complaintskpi.authorities.Population;
import io.complaintskpi.catalogue.KpiIds;
import io.complaintskpi.contributions.Metric;
import io.complaintskpi.events.OmbudsmanOutcome;
import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.series.InMemorySeriesReader;
import io.complaintskpi.series.KpiKey;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Six counties and two districts: complaints per 10,000 children beside the counties' and the region's. */
class BenchmarksTest {

    private static final FinancialYear YEAR = FinancialYear.parse("2015/16");
    private final List<Authority> authorities = new ArrayList<>();
    private final Map<KpiKey, Long> buckets = new HashMap<>();

    BenchmarksTest() {
        // Counties C1..C6 with 100,000 children and 10, 20, ... 60 complaints: 1.0, 2.0, ... 6.0 per 10,000.
        for (int i = 1; i <= 6; i++) {
            add("C" + i, CouncilType.COUNTY, i <= 3 ? "North" : "South", 10L * i);
        }
        add("D1", CouncilType.DISTRICT, "North", 90);
        add("D2", CouncilType.DISTRICT, "North", 80);
    }

    private void add(String code, CouncilType type, String region, long received) {
        authorities.add(new Authority(code, code + " Council", "E10000001", type, region,
                Map.of(YEAR, new Population(500_000, 100_000))));
        buckets.put(new KpiKey(code, Metric.received(Regime.CHILDREN, 1), Metric.ALL, LocalDate.parse("2015-06-01")),
                received);
    }

    private Benchmarks.Row perChildren(String authority, int minimum) {
        return Benchmarks.compare(authority, YEAR, new KpiEvaluator(new InMemorySeriesReader(buckets)),
                        Authorities.of(authorities), authorities.stream().map(Authority::code).toList(), minimum)
                .orElseThrow().rows().stream()
                .filter(r -> r.indicator().id().equals("stage1.received.per_10k_children")).findFirst().orElseThrow();
    }

    @Test
    void anAuthorityIsComparedWithItsCouncilTypeAndItsRegion() {
        Benchmarks.Row row = perChildren("C2", 5);

        assertThat(row.value()).isEqualByComparingTo("2.0");
        // Counties 1..6: lower quartile 1 + 1.25 = 2.25, median 3.5, upper 4.75, mean 3.5; 2.0 is in the first quarter.
        assertThat(row.councilType().name()).isEqualTo("County");
        assertThat(row.councilType().statistics()).isEqualTo(new Quartiles(6, new BigDecimal("2.25"),
                new BigDecimal("3.50"), new BigDecimal("4.75"), new BigDecimal("3.50")));
        assertThat(row.councilType().quartile()).isEqualTo(1);
        // North: C1, C2, C3, D1, D2 = 1, 2, 3, 8, 9 (five: just enough); lower quartile x[1] = 2, median 3:
        // 2.0 is at the lower quartile, so in the first quarter; 3.0 (C3) in the second.
        assertThat(row.region().statistics().lowerQuartile()).isEqualByComparingTo("2");
        assertThat(row.region().statistics().median()).isEqualByComparingTo("3");
        assertThat(row.region().quartile()).isEqualTo(1);
        assertThat(perChildren("C3", 5).region().quartile()).isEqualTo(2);
    }

    @Test
    void aGroupUnderTheMinimumShowsNothing() {
        Benchmarks.Row row = perChildren("D1", 5);

        assertThat(row.value()).isEqualByComparingTo("9.0");
        assertThat(row.councilType().authorities()).isEqualTo(2);
        assertThat(row.councilType().statistics()).isNull();
        assertThat(row.councilType().quartile()).isNull();
        assertThat(perChildren("C1", 6).region().statistics()).as("North holds 5, fewer than 6").isNull();
    }

    @Test
    void anAuthorityTheReferenceDataDoesNotHoldHasNoComparison() {
        assertThat(Benchmarks.compare("NOPE", YEAR, new KpiEvaluator(new InMemorySeriesReader(buckets)),
                Authorities.of(authorities), List.of("NOPE"), 5)).isEmpty();
    }

    private static final OmbudsmanAverage.Source LETTERS = new OmbudsmanAverage.Source("Annual review letter 2016",
            "https://www.lgo.org.uk/your-councils-performance", 2016);

    private Benchmarks.Row upholdRate(String authority, List<OmbudsmanAverage> averages) {
        return Benchmarks.compare(authority, YEAR, new KpiEvaluator(new InMemorySeriesReader(buckets)),
                        Authorities.of(authorities, averages), authorities.stream().map(Authority::code).toList(), 5)
                .orElseThrow().rows().stream()
                .filter(r -> r.indicator().id().equals(KpiIds.OMBUDSMAN_UPHOLD_RATE)).findFirst().orElseThrow();
    }

    private void decided(String code, OmbudsmanOutcome outcome, long count) {
        buckets.put(new KpiKey(code, Metric.OMBUDSMAN_DECISIONS, outcome.name(), LocalDate.parse("2015-07-01")), count);
    }

    @Test
    void theOmbudsmansAverageForTheCouncilTypeSitsBesideTheRateWithTheDifference() {
        // C2: 3 upheld of 4 investigated = 75.0%; the Ombudsman's county average 54.5%: 20.5 points above it.
        decided("C2", OmbudsmanOutcome.UPHELD_MALADMINISTRATION_INJUSTICE, 3);
        decided("C2", OmbudsmanOutcome.NOT_UPHELD, 1);
        List<OmbudsmanAverage> averages = List.of(
                new OmbudsmanAverage(CouncilType.COUNTY, YEAR, OmbudsmanAverage.Measure.UPHOLD_RATE,
                        new BigDecimal("54.5"), LETTERS),
                new OmbudsmanAverage(CouncilType.DISTRICT, YEAR, OmbudsmanAverage.Measure.UPHOLD_RATE,
                        new BigDecimal("40"), LETTERS),
                new OmbudsmanAverage(CouncilType.COUNTY, FinancialYear.parse("2014/15"),
                        OmbudsmanAverage.Measure.UPHOLD_RATE, new BigDecimal("61"), LETTERS));

        Benchmarks.Row row = upholdRate("C2", averages);

        assertThat(row.value()).isEqualByComparingTo("75.0");
        assertThat(row.ombudsmanAverage()).isEqualTo(new Benchmarks.PublishedAverage(new BigDecimal("54.5"),
                new BigDecimal("20.5"), "Annual review letter 2016", "https://www.lgo.org.uk/your-councils-performance",
                2016));
        // Only the uphold rate has a published average: the other rates have none, never a zero.
        assertThat(perChildren("C2", 5).ombudsmanAverage()).isNull();
    }

    @Test
    void withoutAnAverageForTheTypeAndYearThereIsNone() {
        decided("C2", OmbudsmanOutcome.NOT_UPHELD, 2);
        List<OmbudsmanAverage> otherTypeAndYear = List.of(
                new OmbudsmanAverage(CouncilType.DISTRICT, YEAR, OmbudsmanAverage.Measure.UPHOLD_RATE,
                        new BigDecimal("40"), LETTERS),
                new OmbudsmanAverage(CouncilType.COUNTY, FinancialYear.parse("2014/15"),
                        OmbudsmanAverage.Measure.UPHOLD_RATE, new BigDecimal("61"), LETTERS));

        assertThat(upholdRate("C2", otherTypeAndYear).value()).isEqualByComparingTo("0.0");
        assertThat(upholdRate("C2", otherTypeAndYear).ombudsmanAverage()).isNull();
        // An authority with no value for the rate still sees the average, without a difference.
        Benchmarks.PublishedAverage noValue = upholdRate("C1", List.of(new OmbudsmanAverage(CouncilType.COUNTY, YEAR,
                OmbudsmanAverage.Measure.UPHOLD_RATE, new BigDecimal("54.5"), LETTERS))).ombudsmanAverage();
        assertThat(noValue.percent()).isEqualByComparingTo("54.5");
        assertThat(noValue.difference()).isNull();
    }
}
