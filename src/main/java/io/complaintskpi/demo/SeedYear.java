package io.complaintskpi.demo;

import io.complaintskpi.events.ActionKind;
import io.complaintskpi.events.Cause;
import io.complaintskpi.events.ComplainantType;
import io.complaintskpi.events.ContextFigure;
import io.complaintskpi.events.CostCategory;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.rules.FinancialYear;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The figures one financial year of the seed history must reproduce, as {@code seed-years.json} gives
 * them. Maps keep the file's order, so the generated history never depends on hash order.
 *
 * @param received          stage 1 complaints received in the year
 * @param serviceAreas      received complaints per service area (sums to {@code received})
 * @param complainants      received complaints per complainant type (sums to {@code received})
 * @param outcomes          stage 1 responses dated in the year, by outcome
 * @param withdrawn         stage 1 complaints withdrawn in the year
 * @param bands             how quickly the year's stage 1 responses came
 * @param causes            cause findings of the year's stage 1 responses
 * @param furtherActions    one action beyond the apology each, for that many upheld complaints
 * @param compliments       compliments received per service area
 * @param conciliations     dates of conciliation meetings that resolved the complaint (and so prevented
 *                          an escalation); unsuccessful ones come with their escalation plans
 * @param mediations        dates of successful external mediations
 * @param escalations       the stage 2 requests made in the year
 * @param costsPence        spend per category of table 8, in pence
 * @param context           table 1 figures for the year (empty when the report gives none)
 * @param contextRecordedOn when those figures were recorded
 */
record SeedYear(FinancialYear year, int received, Map<String, Integer> serviceAreas,
                Map<ComplainantType, Integer> complainants, Map<Outcome, Integer> outcomes, int withdrawn,
                Bands bands, Map<Cause, CauseQuota> causes, List<ActionKind> furtherActions,
                Map<String, Integer> compliments, List<LocalDate> conciliations, List<LocalDate> mediations,
                List<EscalationPlan> escalations, Map<CostCategory, Long> costsPence,
                Map<ContextFigure, Long> context, LocalDate contextRecordedOn) {

    /** Complaints received in the last days of March whose stage 1 closes only in the next year. */
    static final int CARRIED_OVER = 3;

    /** Stage 1 responses by working days taken, and how many of them had an extension to 20 agreed. */
    record Bands(int within10, int within20, int over20, int extendedWithin20, int extendedOver20) {
        int responded() {
            return within10 + within20 + over20;
        }
    }

    /** Cause findings of one cause: how many were made and how many of those were upheld. */
    record CauseQuota(int resolved, int upheld) {
    }
}
