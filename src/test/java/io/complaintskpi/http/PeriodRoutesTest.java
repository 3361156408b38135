package io.complaintskpi.http;

import io.complaintskpi.events.Regime;
import io.complaintskpi.series.InMemorySeriesReader;
import io.complaintskpi.series.KpiKey;
import io.complaintskpi.contributions.Metric;
import io.complaintskpi.rules.Period;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The period list Grafana offers: newest financial year first (the default), back to the first with data. */
class PeriodRoutesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void everyFinancialYearFromTheFirstWithDataToTheCurrentOneNewestFirstThenRollingWindows() {
        InMemorySeriesReader series = new InMemorySeriesReader(Map.of(
                new KpiKey("A", Metric.received(Regime.ADULTS, 1), Metric.ALL, LocalDate.of(2023, 3, 31)), 1L,
                new KpiKey("A", Metric.received(Regime.CHILDREN, 1), Metric.ALL, LocalDate.of(2024, 6, 1)), 2L,
                new KpiKey("B", Metric.received(Regime.CHILDREN, 1), Metric.ALL, LocalDate.of(2010, 6, 1)), 2L));
        List<Map<String, Object>> rows = PeriodRoutes.periods(series, "A", TODAY);
        assertThat(rows).extracting(r -> r.get("period")).containsExactly("2026/27", "2025/26", "2024/25", "2023/24",
                "2022/23", "last-30d", "last-90d", "last-365d");
        assertThat(rows.get(0)).containsEntry("kind", "FINANCIAL_YEAR").containsEntry("from", LocalDate.of(2026, 4, 1))
                .containsEntry("to", LocalDate.of(2027, 3, 31));
        rows.forEach(r -> assertThat(Period.parse((String) r.get("period"), TODAY).from()).isEqualTo(r.get("from")));
    }

    @Test
    void withNoDataTheCurrentYearIsStillOffered() {
        assertThat(PeriodRoutes.periods(new InMemorySeriesReader(Map.of()), "A", TODAY))
                .extracting(r -> r.get("period")).startsWith("2026/27").hasSize(4);
    }
}
