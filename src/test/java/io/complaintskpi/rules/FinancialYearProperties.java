package io.complaintskpi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.time.api.constraints.DateRange;

class FinancialYearProperties {

    @Property
    void everyDateLiesInItsYearAndTheLabelRoundTrips(
            @ForAll @DateRange(min = "1990-01-01", max = "2099-12-31") LocalDate date) {
        FinancialYear year = FinancialYear.of(date);
        assertThat(date).isBetween(year.start(), year.end());
        assertThat(FinancialYear.parse(year.label())).isEqualTo(year);
    }
}
