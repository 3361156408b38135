package io.complaintskpi.simulate;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.catalogue.KpiIds;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.figures.KpiSnapshot;
import io.complaintskpi.rules.Period;
import io.complaintskpi.testing.RecommendationFates;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.demo.FixtureReader;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.ComplaintEvent.CostIncurred;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Regime;
import io.complaintskpi.testing.ReportsOfEvents;
import io.complaintskpi.contributions.OfflineReplay;
import io.complaintskpi.rules.FinancialYear;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SimulationTest {

    private static final Simulation.Plan PLAN = new Simulation.Plan(3, FinancialYear.parse("2019/20"), 2, 120, 7);
    private static final DomainRules RULES = DomainWiring.rules(ServiceConfig.defaults());

    @Test
    void the_same_plan_gives_the_same_events_ids_included() {
        assertThat(events(PLAN)).isEqualTo(events(PLAN));
        assertThat(events(PLAN)).isNotEqualTo(events(new Simulation.Plan(3, PLAN.firstYear(), 2, 120, 8)));
    }

    @Test
    void every_event_is_accepted_by_the_lifecycle() {
        List<EventEnvelope> events = events(PLAN);
        OfflineReplay.Result result = new OfflineReplay(RULES.machine(), RULES.contributions()).replay(events);
        assertThat(result.rejected()).isEmpty();
        assertThat(result.duplicates()).isZero();
        assertThat(events.stream().map(EventEnvelope::eventId).distinct()).hasSize(events.size());
    }

    @Test
    void volumes_follow_the_plan_per_authority_and_year() {
        Map<String, Map<FinancialYear, Long>> received = events(PLAN).stream()
                .filter(e -> e.event() instanceof ComplaintReceived)
                .collect(Collectors.groupingBy(EventEnvelope::authority,
                        Collectors.groupingBy(e -> FinancialYear.of(e.businessDate()), Collectors.counting())));
        assertThat(received.keySet()).containsExactlyInAnyOrder("SIM0001", "SIM0002", "SIM0003");
        received.values().forEach(byYear -> {
            assertThat(byYear.keySet()).containsExactlyInAnyOrder(FinancialYear.parse("2019/20"),
                    FinancialYear.parse("2020/21"));
            byYear.values().forEach(count -> assertThat(count).isBetween(90L, 150L));
        });
    }

    @Test
    void the_mix_has_extensions_escalations_to_both_stages_and_costs() {
        List<EventEnvelope> events = events(new Simulation.Plan(10, PLAN.firstYear(), 2, 120, 7));
        Set<Integer> escalatedTo = events.stream().filter(e -> e.event() instanceof EscalationRequested)
                .map(e -> ((EscalationRequested) e.event()).toStage()).collect(Collectors.toSet());
        assertThat(escalatedTo).containsExactlyInAnyOrder(2, 3);
        assertThat(events).anyMatch(e -> e.event() instanceof ExtensionAgreed);
        assertThat(events).anyMatch(e -> e.event() instanceof CostIncurred);
        Set<String> types = events.stream().map(EventEnvelope::eventType).collect(Collectors.toSet());
        assertThat(types).contains("PanelHeld", "PanelReportIssued", "StatementAgreed", "ComplimentReceived");
    }

    /** Issue 21, item 6: the three procedures, so every table of the corporate and adults' reports has figures. */
    @Test
    void the_three_procedures_fill_every_table_of_the_corporate_and_adults_reports() {
        List<EventEnvelope> events = events(new Simulation.Plan(1, PLAN.firstYear(), 2, 250, 7));
        Map<Regime, Long> received = events.stream().filter(e -> e.event() instanceof ComplaintReceived)
                .collect(Collectors.groupingBy(e -> ((ComplaintReceived) e.event()).regime(), Collectors.counting()));
        assertThat(received).containsOnlyKeys(Regime.values());
        Map<Regime, List<String>> empty = new ReportsOfEvents(events)
                .emptyTables(Simulation.Plan.authority(0), FinancialYear.parse("2020/21"));
        assertThat(empty.get(Regime.CORPORATE)).as("empty corporate tables").isEmpty();
        assertThat(empty.get(Regime.ADULTS)).as("empty adults' tables").isEmpty();
    }

    /**
     * Issue 22: upheld Ombudsman decisions bring recommendations with due dates, most met on time, some late, some
     * not yet, so the compliance KPI and the remedies paid have figures.
     */
    @Test
    void upheld_ombudsman_decisions_bring_recommendations_mostly_met_on_time_some_late_some_open() {
        List<EventEnvelope> events = events(new Simulation.Plan(10, PLAN.firstYear(), 2, 250, 7));
        RecommendationFates fates = RecommendationFates.of(events);
        assertThat(fates.late()).isPositive();
        assertThat(fates.open()).isPositive();
        assertThat(fates.onTime()).as(fates.toString()).isGreaterThan(fates.late() + fates.open());
        assertThat(fates.payments()).isPositive();
        KpiEvaluator catalogue = new KpiEvaluator(new OfflineReplay(RULES.machine(), RULES.contributions())
                .replay(events).series());
        long due = 0;
        long onTime = 0;
        for (int i = 0; i < 10; i++) {
            KpiSnapshot year = catalogue.snapshot(Simulation.Plan.authority(i),
                    Period.financialYear(FinancialYear.parse("2020/21")));
            due += year.figure(KpiIds.OMBUDSMAN_RECOMMENDATIONS_DUE).count();
            onTime += year.figure(KpiIds.OMBUDSMAN_RECOMMENDATIONS_ON_TIME).count();
        }
        assertThat(due).isPositive();
        assertThat(onTime).isPositive().isLessThan(due);
    }

    @Test
    void the_file_reads_back_as_the_events_and_the_limit_cuts_the_stream(@TempDir Path dir) {
        Path file = dir.resolve("events.jsonl");
        ByteArrayOutputStream bar = new ByteArrayOutputStream();
        long sent;
        try (EventSink sink = EventSink.jsonLines(file, RULES.codec())) {
            sent = new Simulation(PLAN).writeTo(sink, new PrintStream(bar), 500);
        }
        assertThat(sent).isEqualTo(500);
        assertThat(new FixtureReader(RULES.codec()).file(file)).isEqualTo(events(PLAN).subList(0, 500));
        assertThat(bar.toString()).contains("simulate [", "100%", "500 events", "/s", "ETA");
    }

    private static List<EventEnvelope> events(Simulation.Plan plan) {
        List<EventEnvelope> events = new ArrayList<>();
        new Simulation(plan).days().forEachRemaining(events::addAll);
        return events;
    }
}
