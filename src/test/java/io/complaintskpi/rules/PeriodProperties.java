package io.complaintskpi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.constraints.DateRange;

class PeriodProperties {

    @Property
    void previousIsAdjacentAndLabelsRoundTrip(
            @ForAll @DateRange(min = "2000-01-01", max = "2090-12-31") LocalDate day,
            @ForAll @IntRange(min = 1, max = 400) int days) {
        FinancialYear year = FinancialYear.of(day);
        for (Period period : new Period[] {
                Period.financialYear(year),
                Period.quarter(year, FinancialYear.quarterOf(day)),
                Period.month(YearMonth.from(day)),
                Period.rolling(day, days)}) {
            assertThat(period.contains(day)).isTrue();
            Period previous = period.previous();
            assertThat(previous.to().plusDays(1)).isEqualTo(period.from());
            assertThat(previous.kind()).isEqualTo(period.kind());
            if (period.kind() != Period.Kind.ROLLING_DAYS) {
                assertThat(Period.parse(period.label(), day)).isEqualTo(period);
            } else {
                assertThat(previous.lengthInDays()).isEqualTo(days);
            }
        }
    }
}
