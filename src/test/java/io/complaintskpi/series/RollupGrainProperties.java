package io.complaintskpi.series;

import io.complaintskpi.series.RollupGrain.Part;
import io.complaintskpi.rules.FinancialYear;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.constraints.DateRange;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RollupGrainProperties {

    @Property
    void the_parts_cover_each_day_once_in_at_most_five_runs_of_whole_buckets_as_coarse_as_fit(
            @ForAll @DateRange(min = "1990-01-01", max = "2060-12-31") LocalDate from,
            @ForAll @IntRange(min = 0, max = 3000) int length) {
        LocalDate to = from.plusDays(length);
        List<Part> parts = RollupGrain.split(from, to);

        LocalDate next = from;
        for (Part part : parts) {
            assertThat(part.from()).isEqualTo(next);
            assertThat(part.to()).isAfterOrEqualTo(part.from());
            // Whole buckets: the part starts a bucket and its next day starts another.
            assertThat(part.grain().start(part.from())).isEqualTo(part.from());
            assertThat(part.grain().start(part.to().plusDays(1))).isEqualTo(part.to().plusDays(1));
            next = part.to().plusDays(1);
        }
        assertThat(next).isEqualTo(to.plusDays(1));

        assertThat(parts).hasSizeLessThanOrEqualTo(5);
        assertThat(parts.stream().filter(p -> p.grain() == RollupGrain.FINANCIAL_YEAR)).hasSizeLessThanOrEqualTo(1);
        for (Part part : parts) {
            if (part.grain() == RollupGrain.DAY) {
                // Leftover days never hold a whole month: at most 30 at each end.
                assertThat(part.from().datesUntil(part.to().plusDays(1))
                        .anyMatch(d -> d.getDayOfMonth() == 1 && !d.plusMonths(1).minusDays(1).isAfter(part.to())))
                        .isFalse();
            }
            if (part.grain() == RollupGrain.MONTH) {
                LocalDate fyStart = FinancialYear.of(part.from()).start();
                boolean wholeYearInside = parts.stream().noneMatch(p -> p.grain() == RollupGrain.FINANCIAL_YEAR)
                        && !fyStart.isBefore(from) && !fyStart.plusYears(1).minusDays(1).isAfter(to);
                assertThat(wholeYearInside).isFalse();
            }
        }
    }

    @Example
    void a_financial_year_is_one_bucket_and_all_time_to_a_day_is_years_months_and_days() {
        assertThat(RollupGrain.split(LocalDate.of(2019, 4, 1), LocalDate.of(2020, 3, 31))).containsExactly(
                new Part(RollupGrain.FINANCIAL_YEAR, LocalDate.of(2019, 4, 1), LocalDate.of(2020, 3, 31)));
        assertThat(RollupGrain.split(LocalDate.of(1900, 1, 1), LocalDate.of(2020, 6, 15))).containsExactly(
                new Part(RollupGrain.MONTH, LocalDate.of(1900, 1, 1), LocalDate.of(1900, 3, 31)),
                new Part(RollupGrain.FINANCIAL_YEAR, LocalDate.of(1900, 4, 1), LocalDate.of(2020, 3, 31)),
                new Part(RollupGrain.MONTH, LocalDate.of(2020, 4, 1), LocalDate.of(2020, 5, 31)),
                new Part(RollupGrain.DAY, LocalDate.of(2020, 6, 1), LocalDate.of(2020, 6, 15)));
        assertThat(RollupGrain.split(LocalDate.of(2020, 1, 10), LocalDate.of(2020, 1, 20))).containsExactly(
                new Part(RollupGrain.DAY, LocalDate.of(2020, 1, 10), LocalDate.of(2020, 1, 20)));
    }
}
