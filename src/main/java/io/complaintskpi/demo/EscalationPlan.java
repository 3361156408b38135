package io.complaintskpi.demo;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.complaintskpi.events.AdrKind;
import io.complaintskpi.events.Outcome;

import java.time.LocalDate;

/**
 * One scripted stage 2 request of the seed history and what became of it. Offsets are working days; the
 * stage 1 complaint it escalates is picked from the generated ones (a not-upheld response shortly before).
 *
 * @param requested  the date of the stage 2 request
 * @param adrBefore  an unsuccessful conciliation or mediation held just before the request, or null
 * @param fate       what happened at stage 2
 */
record EscalationPlan(LocalDate requested, AdrKind adrBefore, Stage2Fate fate) {

    /** In the data file, a fate is an object with one field naming it: {@code {"adjudicated": {...}}}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
    @JsonSubTypes({@JsonSubTypes.Type(value = Withdrawn.class, name = "withdrawn"),
            @JsonSubTypes.Type(value = Open.class, name = "open"),
            @JsonSubTypes.Type(value = Adjudicated.class, name = "adjudicated")})
    sealed interface Stage2Fate {
    }

    /** Withdrawn after discussing the process, before a statement was agreed. */
    record Withdrawn(int afterDays) implements Stage2Fate {
    }

    /** Still open at the end of the history; the statement may already be agreed (null: not yet). */
    record Open(Integer statementAfterDays) implements Stage2Fate {
    }

    /** Investigated and adjudicated; {@code responseDays} counts from the agreed statement. */
    record Adjudicated(int statementAfterDays, int responseDays, Outcome outcome, Stage3Plan stage3)
            implements Stage2Fate {
    }

    /** A stage 3 request made {@code requestAfterDays} after the stage 2 adjudication (none: null). */
    record Stage3Plan(int requestAfterDays, Stage3Fate fate) {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
    @JsonSubTypes({@JsonSubTypes.Type(value = SettledByMediation.class, name = "settledByMediation"),
            @JsonSubTypes.Type(value = Completed.class, name = "completed")})
    sealed interface Stage3Fate {
    }

    /** Closed by agreement after mediation, without a panel. */
    record SettledByMediation(int afterDays) implements Stage3Fate {
    }

    /** Panel held, report issued, authority's response: each offset counts from the step before. */
    record Completed(int panelAfterDays, int reportAfterDays, int responseAfterDays, Outcome outcome)
            implements Stage3Fate {
    }
}
