package io.complaintskpi.figures;

import io.complaintskpi.disclosure.Cell;

import io.complaintskpi.catalogue.KpiDefinition.Unit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateTest {

    @Test
    void roundsToOneDecimalPlaceHalfUp() {
        assertThat(Rate.of(1, 8).percent()).isEqualByComparingTo("12.5");
        assertThat(Rate.of(1, 400).percent()).isEqualByComparingTo("0.3"); // 0.25 -> 0.3
        assertThat(Rate.of(1, 3).percent()).isEqualByComparingTo("33.3");
        assertThat(Rate.of(2, 3).percent()).isEqualByComparingTo("66.7");
        assertThat(Rate.of(3, 3).percent().toPlainString()).isEqualTo("100.0");
    }

    @Test
    void noPercentageWithoutADenominator() {
        assertThat(Rate.of(0, 0).percent()).isNull();
        assertThat(Rate.of(0, 0).defined()).isFalse();
        assertThat(Cell.percent(Rate.of(4, 0)).text()).isEqualTo("z");
    }

    @Test
    void aRateThatRoundsToZeroButIsNotZeroIsMarkedK() {
        assertThat(Rate.of(1, 2001).roundsToZero()).isTrue();
        assertThat(Rate.of(0, 10).roundsToZero()).isFalse();
        assertThat(Cell.percent(Rate.of(1, 2001)).text()).isEqualTo("k");
        assertThat(Cell.percent(Rate.of(0, 10)).text()).isEqualTo("0.0%");
        assertThat(Cell.percent(Rate.of(1, 1999)).text()).isEqualTo("0.1%");
    }

    @Test
    void thePercentCannotDisagreeWithTheCounts() {
        assertThatThrownBy(() -> new Rate(1, 2, new BigDecimal("49.0"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Rate(1, 2, new BigDecimal("50.0"))).isEqualTo(Rate.of(1, 2));
    }

    @Test
    void changesOfCountsAndRates() {
        assertThat(Change.ofCounts(65, 57)).isEqualTo(new Change(BigDecimal.valueOf(8), new BigDecimal("14.0")));
        assertThat(Change.ofCounts(3953, 4635).percent()).isEqualByComparingTo("-14.7");
        assertThat(Change.ofCounts(5, 0).percent()).isNull();
        assertThat(Change.ofRates(Rate.of(1, 4), Rate.of(1, 2)).absolute()).isEqualByComparingTo("-25.0");
        assertThat(Change.ofRates(Rate.of(1, 4), Rate.of(0, 0)).absolute()).isNull();
    }

    @Test
    void cellsShowCountsMoneyAndChanges() {
        assertThat(Cell.count(4635).text()).isEqualTo("4635");
        assertThat(Cell.money(1_210_000).text()).isEqualTo("£12,100");
        assertThat(Cell.money(1_210_005).text()).isEqualTo("£12,100.05");
        assertThat(Cell.money(1_210_005).value()).isEqualByComparingTo("1210005");
        assertThat(Cell.money(-30_000).text()).isEqualTo("-£300");
        assertThat(Cell.change(Change.ofCounts(65, 57), Unit.COUNT).text()).isEqualTo("+8");
        assertThat(Cell.change(Change.ofCounts(7, 9), Unit.COUNT).text()).isEqualTo("-2");
        assertThat(Cell.change(Change.ofCounts(1_513_000, 1_313_000), Unit.PENCE).text()).isEqualTo("+£2,000");
        assertThat(Cell.change(Change.ofRates(Rate.of(1, 4), Rate.of(1, 2)), Unit.PERCENT).text()).isEqualTo("-25.0 pp");
        assertThat(Cell.percentChange(Change.ofCounts(65, 57)).text()).isEqualTo("+14.0%");
        assertThat(Cell.percentChange(Change.ofCounts(5, 0)).text()).isEqualTo("z");
        assertThat(Cell.label("x").numeric()).isFalse();
        assertThat(Cell.suppressed().numeric()).isTrue();
    }
}
