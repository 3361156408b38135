package io.complaintskpi.lifecycle;

import io.complaintskpi.events.CauseFinding;
import io.complaintskpi.events.Outcome;

import java.time.LocalDate;
import java.util.List;

/**
 * One stage of a complaint as far as its events tell. {@code openedOn} is the receipt date (stage 1) or
 * the escalation request date (stages 2 and 3); everything else is null until it happens.
 * {@code extensionReasoned}: the council recorded a reason for its extension (corporate complaints).
 */
public record Stage(int number, LocalDate openedOn, LocalDate acknowledgedOn, LocalDate statementAgreedOn,
                    Integer extendedToWorkingDays, LocalDate extendedToDate, boolean extensionReasoned,
                    LocalDate panelHeldOn, LocalDate panelReportOn, LocalDate closedOn, Closure closure,
                    Outcome outcome, List<CauseFinding> causes) {

    public Stage {
        causes = causes == null ? List.of() : List.copyOf(causes);
    }

    static Stage opened(int number, LocalDate on) {
        return new Stage(number, on, null, null, null, null, false, null, null, null, null, null, List.of());
    }

    public boolean isOpen() {
        return closure == null;
    }

    public boolean responded() {
        return closure == Closure.RESPONDED;
    }

    Stage acknowledged(LocalDate on) {
        return new Stage(number, openedOn, on, statementAgreedOn, extendedToWorkingDays, extendedToDate,
                extensionReasoned, panelHeldOn, panelReportOn, closedOn, closure, outcome, causes);
    }

    Stage statementAgreed(LocalDate on) {
        return new Stage(number, openedOn, acknowledgedOn, on, extendedToWorkingDays, extendedToDate,
                extensionReasoned, panelHeldOn, panelReportOn, closedOn, closure, outcome, causes);
    }

    Stage extended(Integer workingDays, LocalDate date, boolean reasoned) {
        return new Stage(number, openedOn, acknowledgedOn, statementAgreedOn, workingDays, date, reasoned,
                panelHeldOn, panelReportOn, closedOn, closure, outcome, causes);
    }

    Stage panelHeld(LocalDate on) {
        return new Stage(number, openedOn, acknowledgedOn, statementAgreedOn, extendedToWorkingDays,
                extendedToDate, extensionReasoned, on, panelReportOn, closedOn, closure, outcome, causes);
    }

    Stage panelReport(LocalDate on) {
        return new Stage(number, openedOn, acknowledgedOn, statementAgreedOn, extendedToWorkingDays,
                extendedToDate, extensionReasoned, panelHeldOn, on, closedOn, closure, outcome, causes);
    }

    Stage closed(LocalDate on, Closure how, Outcome result, List<CauseFinding> findings) {
        return new Stage(number, openedOn, acknowledgedOn, statementAgreedOn, extendedToWorkingDays,
                extendedToDate, extensionReasoned, panelHeldOn, panelReportOn, on, how, result, findings);
    }
}
