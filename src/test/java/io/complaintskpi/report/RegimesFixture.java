package io.complaintskpi.report;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.contributions.OfflineReplay;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.ActionKind;
import io.complaintskpi.events.Cause;
import io.complaintskpi.events.CauseFinding;
import io.complaintskpi.events.ComplainantType;
import io.complaintskpi.events.ComplaintEvent;
import io.complaintskpi.events.ComplaintEvent.ActionTaken;
import io.complaintskpi.events.ComplaintEvent.ComplaintAcknowledged;
import io.complaintskpi.events.ComplaintEvent.ComplaintNotAccepted;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanDecision;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanEnquiryReceived;
import io.complaintskpi.events.ComplaintEvent.StageResponded;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.NotAcceptedReason;
import io.complaintskpi.events.OmbudsmanOutcome;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.events.Regime;
import io.complaintskpi.figures.KpiEvaluator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hand-made year (2026/27) of one council's three procedures, small enough to work every figure out by hand
 * (the expected figures are in {@link RegimeReportsTest}, each with its reasoning). {@code copies} repeats it
 * under other references, for the disclosure audit.
 */
final class RegimesFixture {

    static final String AUTHORITY = "E10000099";
    private static final DomainRules RULES = DomainWiring.rules(ServiceConfig.load(Map.of(), new Properties(), Map.of()));

    private final List<EventEnvelope> events = new ArrayList<>();
    private String suffix = "";

    private RegimesFixture() {
    }

    static KpiEvaluator catalogue(int copies) {
        OfflineReplay.Result result = new OfflineReplay(RULES.machine(), RULES.contributions()).replay(events(copies));
        assertThat(result.rejected()).as("the fixture is a valid history").isEmpty();
        return new KpiEvaluator(result.series());
    }

    /**
     * The year's events up to 1 December 2026, as a running service holds them: its broker refuses records dated
     * more than an hour ahead of its clock, and the year runs to March 2027 (only A3's answer is left out).
     */
    static List<EventEnvelope> publishable() {
        Instant end = Instant.parse("2026-12-02T00:00:00Z");
        return events(1).stream().filter(e -> e.occurredAt().toInstant().isBefore(end)).toList();
    }

    /** The year's events, {@code copies} times under other references, in the order they were made. */
    static List<EventEnvelope> events(int copies) {
        RegimesFixture fixture = new RegimesFixture();
        for (int copy = 0; copy < copies; copy++) {
            fixture.suffix = copy == 0 ? "" : "-" + copy;
            fixture.year();
        }
        return List.copyOf(fixture.events);
    }

    private void on(String key, String date, ComplaintEvent event) {
        events.add(new EventEnvelope(UUID.nameUUIDFromBytes((key + suffix + date + event).getBytes()),
                OffsetDateTime.parse(date + "T10:00:00+01:00"), key + suffix, AUTHORITY, 1, event));
    }

    private static ComplaintReceived corporate(String area) {
        return new ComplaintReceived(Regime.CORPORATE, area, ComplainantType.OTHER_SUFFICIENT_INTEREST, null);
    }

    private static ComplaintReceived adults(String area, String agreed) {
        return new ComplaintReceived(Regime.ADULTS, area, ComplainantType.ADULT_SERVICE_USER,
                agreed == null ? null : java.time.LocalDate.parse(agreed));
    }

    private static StageResponded answer(int stage, Outcome outcome, CauseFinding... causes) {
        return new StageResponded(stage, outcome, List.of(causes));
    }

    private void year() {
        // Corporate. Easter 2026: Good Friday 3 April, Easter Monday 6 April; spring bank holiday 25 May.
        on("C1", "2026-04-01", corporate("Highways"));
        on("C1", "2026-04-02", new ComplaintAcknowledged(1));                 // in time (due Fri 10 April)
        on("C1", "2026-04-20", answer(1, Outcome.NOT_UPHELD,                 // due Mon 20 April: in time
                new CauseFinding(Cause.DELAYS_IN_PROVIDING_SERVICES, false)));
        on("C2", "2026-05-11", corporate("Highways"));
        on("C2", "2026-05-19", new ComplaintAcknowledged(1));                 // late: due Mon 18 May
        on("C2", "2026-05-29", answer(1, Outcome.PARTLY_UPHELD,              // due Tue 2 June (from 18 May)
                new CauseFinding(Cause.DELAYS_IN_PROVIDING_SERVICES, true)));
        on("C2", "2026-05-29", new ActionTaken(ActionKind.APOLOGY));
        on("C2", "2026-06-15", new ActionTaken(ActionKind.SERVICE_CHANGE));
        on("C3", "2026-06-01", corporate("Waste"));
        on("C3", "2026-06-02", new ComplaintAcknowledged(1));
        on("C3", "2026-06-05", new ExtensionAgreed(1, 25, null));           // 15 more, no reason: beyond the Code
        on("C3", "2026-07-03", answer(1, Outcome.TOTALLY_UPHELD,             // 23rd working day: late for the Code
                new CauseFinding(Cause.QUALITY_OF_WORK, true)));
        on("C3", "2026-07-13", new EscalationRequested(2));
        on("C3", "2026-07-14", new ComplaintAcknowledged(2));                 // in time
        on("C3", "2026-08-10", answer(2, Outcome.NOT_UPHELD));                // due Tue 11 August: in time
        on("C4", "2026-07-06", corporate("Waste"));                           // never acknowledged at stage 1
        on("C4", "2026-08-03", new EscalationRequested(2));                   // stage 1 unanswered; stage 2 open
        on("R1", "2026-06-10", new ComplaintNotAccepted("Highways", NotAcceptedReason.OUT_OF_TIME));
        on("R2", "2026-09-15", new ComplaintNotAccepted("Waste", NotAcceptedReason.SERVICE_REQUEST));
        on("R3", "2026-10-01", new ComplaintNotAccepted("Waste", NotAcceptedReason.OUT_OF_TIME));
        // Adults.
        on("A1", "2026-04-01", adults("Home Care", "2026-05-29"));
        on("A1", "2026-04-07", new ComplaintAcknowledged(1));                 // in time (due Wed 8 April)
        on("A1", "2026-05-28", answer(1, Outcome.PARTLY_UPHELD, new CauseFinding(Cause.KEEPING_INFORMED, true)));
        on("A1", "2026-05-28", new ActionTaken(ActionKind.APOLOGY));
        on("A2", "2026-06-01", adults("Home Care", null));
        on("A2", "2026-06-05", new ComplaintAcknowledged(1));                 // late (due Thu 4 June)
        on("A3", "2026-10-01", adults("Residential Care", null));
        on("A3", "2026-10-02", new ComplaintAcknowledged(1));
        on("A3", "2027-02-01", answer(1, Outcome.NOT_UPHELD));               // within six months (to 31 March)
        on("A4", "2026-11-02", adults("Residential Care", null));             // open, not yet six months
        // Children's: one complaint, so its report is there too.
        on("K1", "2026-05-01", new ComplaintReceived(Regime.CHILDREN, "First Response", ComplainantType.PARENT, null));
        on("K1", "2026-05-08", answer(1, Outcome.NOT_UPHELD));
        // The Ombudsman: one enquiry from a corporate complaint (decided, fault found), one from an adults'
        // complaint, one that does not say.
        on("O1", "2026-09-01", new OmbudsmanEnquiryReceived("Waste", "C3" + suffix, Regime.CORPORATE));
        on("O1", "2026-12-01", new OmbudsmanDecision(OmbudsmanOutcome.UPHELD, 20_000));
        on("O2", "2026-10-05", new OmbudsmanEnquiryReceived("Home Care", "A2" + suffix, Regime.ADULTS));
        on("O3", "2026-10-06", new OmbudsmanEnquiryReceived("First Response"));
    }
}
