package io.complaintskpi.demo;

import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.contributions.Contributions;
import io.complaintskpi.series.KpiKey;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.DueDates;
import io.complaintskpi.lifecycle.LifecycleMachine;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Stage2ClockStart;
import io.complaintskpi.rules.Timescales;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The seed history through the service's own lifecycle machine and KPI contributions (no Kafka): every
 * key is accepted, and the per-year sums are the seed report's figures.
 */
class SeedHistoryKpiTest {

    private static final List<EventEnvelope> EVENTS = SeedHistory.events();
    private static final Map<String, Long> STATEMENT_CLOCK = kpis(Stage2ClockStart.STATEMENT_AGREED);

    @Test
    void the_lifecycle_machine_accepts_every_key() {
        LifecycleMachine machine = new LifecycleMachine(Timescales.statutory());
        histories().forEach((key, history) ->
                assertThatCode(() -> machine.replay(key, history)).as(key).doesNotThrowAnyException());
    }

    @Test
    void volumes_by_date_received() {
        assertThat(kpi("children.stage1.received", "all", 2013)).isEqualTo(61);
        assertThat(kpi("children.stage1.received", "all", 2014)).isEqualTo(57);
        assertThat(kpi("children.stage1.received", "all", 2015)).isEqualTo(65);
        assertThat(kpi("children.stage1.complainant", "CHILD_OR_YOUNG_PERSON", 2015)).isEqualTo(6);
        assertThat(kpi("children.stage1.complainant", "CHILD_OR_YOUNG_PERSON", 2014)).isEqualTo(7);
        assertThat(kpi("children.stage1.service_area", "Fostering & Adoption", 2015)).isEqualTo(11);
        assertThat(kpi("children.stage1.service_area", "Child Protection (NW Leics & Hinckley)", 2015)).isEqualTo(8);
        assertThat(kpi("children.stage2.received", "all", 2014)).isEqualTo(9);
        assertThat(kpi("children.stage2.received", "all", 2015)).isEqualTo(7);
        assertThat(kpi("children.stage3.received", "all", 2015)).isEqualTo(3);
        assertThat(kpi("compliments", null, 2014)).isEqualTo(31);
        assertThat(kpi("compliments", null, 2015)).isEqualTo(25);
        assertThat(kpi("ombudsman.enquiries", null, 2015)).isEqualTo(10);
    }

    @Test
    void stage_1_outcomes_causes_and_actions_by_date_resolved() {
        assertThat(kpi("children.stage1.closed", "TOTALLY_UPHELD", 2015)).isEqualTo(7);
        assertThat(kpi("children.stage1.closed", "PARTLY_UPHELD", 2015)).isEqualTo(8);
        assertThat(kpi("children.stage1.closed", null, 2015)).isEqualTo(65);
        assertThat(kpi("children.stage1.closed", "TOTALLY_UPHELD", 2014) + kpi("children.stage1.closed", "PARTLY_UPHELD", 2014))
                .isEqualTo(19);
        assertThat(kpi("children.stage1.closed", null, 2014)).isEqualTo(57);
        assertThat(kpi("children.stage1.causes", null, 2015)).isEqualTo(57);
        assertThat(kpi("children.stage1.causes_upheld", null, 2015)).isEqualTo(20);
        assertThat(kpi("children.stage1.causes", "DELAYS_IN_PROVIDING_SERVICES", 2015)).isEqualTo(8);
        assertThat(kpi("children.stage1.causes_upheld", "DELAYS_IN_PROVIDING_SERVICES", 2015)).isEqualTo(6);
        assertThat(kpi("children.actions", "APOLOGY", 2015)).isEqualTo(15);
        assertThat(kpi("children.actions", "REIMBURSEMENT", 2015)).isEqualTo(3);
        assertThat(kpi("children.actions", "OTHER_REMEDY", 2015)).isEqualTo(3);
        assertThat(kpi("children.actions", "AMENDED_RECORDS", 2015)).isEqualTo(1);
        assertThat(kpi("children.stage1.upheld_further_action", "true", 2015)).isEqualTo(7);
        assertThat(kpi("children.stage1.upheld_further_action", "false", 2015)).isEqualTo(8);
        assertThat(kpi("children.stage1.timeliness", "within10", 2015)).isEqualTo(38);
        assertThat(kpi("children.stage1.timeliness", "within20", 2015)).isEqualTo(15);
        assertThat(kpi("children.stage1.timeliness", "over20", 2015)).isEqualTo(5);
    }

    @Test
    void stages_2_and_3_by_date_resolved() {
        assertThat(kpi("children.stage2.closed", "WITHDRAWN", 2015)).isEqualTo(2);
        assertThat(kpi("children.stage2.closed", null, 2015)).isEqualTo(5);
        assertThat(kpi("children.stage2.timeliness", null, 2015)).isEqualTo(3);
        assertThat(kpi("children.stage2.timeliness", "over65", 2015)).isEqualTo(2);
        Map<String, Long> requestClock = kpis(Stage2ClockStart.REQUEST);
        assertThat(sum(requestClock, "children.stage2.timeliness", "over65", 2015)).isEqualTo(2);
        assertThat(kpi("children.stage3.closed", "WITHDRAWN", 2015)).isEqualTo(1);
        assertThat(kpi("children.stage3.closed", null, 2015)).isEqualTo(3);
    }

    @Test
    void adr_ombudsman_costs_and_context() {
        assertThat(kpi("children.adr", "CONCILIATION", 2015)).isEqualTo(8);
        assertThat(kpi("children.adr_resolved", "CONCILIATION", 2015)).isEqualTo(6);
        assertThat(kpi("children.adr", "MEDIATION", 2015)).isEqualTo(1);
        assertThat(kpi("children.adr_prevented_escalation", "MEDIATION", 2015)).isEqualTo(1);
        assertThat(kpi("ombudsman.decisions", null, 2015)).isEqualTo(9);
        assertThat(kpi("ombudsman.decisions", "CLOSED_AFTER_INITIAL_ENQUIRIES", 2015)).isEqualTo(6);
        assertThat(kpi("ombudsman.remedy_pence", null, 2015)).isEqualTo(30_000);
        assertThat(kpi("costs.pence", null, 2013)).isEqualTo(1_210_000);
        assertThat(kpi("costs.pence", null, 2014)).isEqualTo(1_313_000);
        assertThat(kpi("costs.pence", null, 2015)).isEqualTo(1_513_000);
        assertThat(kpi("costs.pence", "STAGE3_PANEL", 2014)).isEqualTo(241_000);
        assertThat(kpi("costs.pence", "FINANCIAL_REDRESS", 2015)).isEqualTo(30_000);
        assertThat(kpi("context", "REFERRALS", 2015)).isEqualTo(3953);
        assertThat(kpi("context", "REFERRALS", 2014)).isEqualTo(4635);
        assertThat(kpi("context", "CHILD_PROTECTION_PLANS", 2015)).isEqualTo(347);
    }

    /** One metric (and dimension, or all of them when null) summed over a financial year. */
    private static long kpi(String metric, String dimension, int yearStart) {
        return sum(STATEMENT_CLOCK, metric, dimension, yearStart);
    }

    private static long sum(Map<String, Long> kpis, String metric, String dimension, int yearStart) {
        String prefix = metric + "|" + (dimension == null ? "" : dimension + "|");
        String suffix = "|" + new FinancialYear(yearStart).label();
        return kpis.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getKey().endsWith(suffix))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** metric|dimension|financial year -> amount, over every key's contributions. */
    private static Map<String, Long> kpis(Stage2ClockStart clockStart) {
        LifecycleMachine machine = new LifecycleMachine(Timescales.statutory());
        Contributions contributions = new Contributions(
                new DueDates(WorkingDayCalendar.englandAndWales(), Timescales.statutory(), clockStart));
        Map<String, Long> kpis = new HashMap<>();
        histories().forEach((key, history) -> contributions.of(machine.replay(key, history)).forEach((k, amount) ->
                kpis.merge(bucket(k), amount, Long::sum)));
        return kpis;
    }

    private static String bucket(KpiKey key) {
        return key.metric() + "|" + key.dimension() + "|" + FinancialYear.of(key.date()).label();
    }

    private static Map<String, CaseHistory> histories() {
        Map<String, CaseHistory> histories = new LinkedHashMap<>();
        EVENTS.forEach(e -> histories.merge(e.complaintId(), CaseHistory.empty().with(e), (a, b) -> a.with(e)));
        return histories;
    }
}
