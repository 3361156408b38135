package io.complaintskpi.demo;

import io.complaintskpi.demo.EscalationPlan.Adjudicated;
import io.complaintskpi.demo.EscalationPlan.Completed;
import io.complaintskpi.demo.EscalationPlan.Open;
import io.complaintskpi.demo.EscalationPlan.SettledByMediation;
import io.complaintskpi.demo.EscalationPlan.Stage3Plan;
import io.complaintskpi.demo.EscalationPlan.Withdrawn;
import io.complaintskpi.demo.SeedYear.Bands;
import io.complaintskpi.demo.SeedYear.CauseQuota;
import io.complaintskpi.events.ActionKind;
import io.complaintskpi.events.AdrKind;
import io.complaintskpi.events.Cause;
import io.complaintskpi.events.ComplainantType;
import io.complaintskpi.events.ContextFigure;
import io.complaintskpi.events.CostCategory;
import io.complaintskpi.events.OmbudsmanOutcome;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.rules.FinancialYear;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.complaintskpi.events.Cause.ACCESSIBILITY_OF_SERVICES;
import static io.complaintskpi.events.Cause.CLARITY_ACCURACY_OF_INFORMATION;
import static io.complaintskpi.events.Cause.DELAYS_IN_PROVIDING_SERVICES;
import static io.complaintskpi.events.Cause.FAIRNESS;
import static io.complaintskpi.events.Cause.KEEPING_INFORMED;
import static io.complaintskpi.events.Cause.MULTIPLE_CAUSES;
import static io.complaintskpi.events.Cause.POLITENESS_OPENNESS_HONESTY;
import static io.complaintskpi.events.Cause.PROFESSIONAL_JUDGEMENT;
import static io.complaintskpi.events.Cause.QUALITY_OF_WORK;
import static io.complaintskpi.events.Cause.SENSITIVITY_EMPATHY;

/**
 * The seed report's figures (Leicestershire children's social care, annual report 2015-16) and the
 * plausible figures chosen where it gives none. {@code src/main/resources/fixtures/NOTES.md} explains
 * every choice; change the two together.
 */
final class SeedYears {

    static final String CP_CHARNWOOD_MELTON = "Child Protection (Charnwood & Melton)";
    static final String FOSTERING_ADOPTION = "Fostering & Adoption";
    static final String FIRST_RESPONSE = "First Response";
    static final String CP_OADBY_BLABY_HARBOROUGH = "Child Protection (Oadby & Wigston / Blaby / Harborough)";
    static final String CP_NW_LEICS_HINCKLEY = "Child Protection (NW Leics & Hinckley)";
    static final String CHILDREN_IN_CARE = "Children in Care and Post Permanence";
    static final String DISABLED_CHILDREN = "Disabled Childrens Services";
    static final String SUPPORTING_FAMILIES = "Supporting Leicestershire Families";
    static final String STRENGTHENING_FAMILIES = "Strengthening Families";

    /** One Ombudsman case: the enquiry and, when made within the history, the decision. */
    record OmbudsmanCase(String reference, LocalDate received, String serviceArea, LocalDate decided,
                         OmbudsmanOutcome outcome, long remedyPence) {
    }

    static final SeedYear Y2013 = new SeedYear(
            new FinancialYear(2013), 61,
            areas(12, 9, 3, 11, 9, 5, 10, 1, 1),
            complainants(5, 44, 6, 3, 3),
            outcomes(9, 12, 26, 6), 5,
            new Bands(22, 23, 8, 12, 4),
            causes(new int[][] {{13, 3}, {14, 3}, {6, 4}, {8, 6}, {4, 2}, {3, 1}, {3, 2}, {3, 2}, {1, 1}, {1, 1}}),
            List.of(ActionKind.REIMBURSEMENT, ActionKind.REIMBURSEMENT, ActionKind.AMENDED_RECORDS,
                    ActionKind.AMENDED_RECORDS, ActionKind.OTHER_REMEDY, ActionKind.OTHER_REMEDY,
                    ActionKind.SERVICE_CHANGE),
            areaCounts(3, 6, 5, 4, 3, 1, 3, 2),
            dates("2014-01-15"),
            dates("2013-11-20"),
            List.of(
                    EscalationPlan.afterFailed(AdrKind.CONCILIATION, "2013-06-18",
                            new Adjudicated(12, 55, Outcome.NOT_UPHELD)),
                    EscalationPlan.of("2013-07-16", new Withdrawn(9)),
                    EscalationPlan.of("2013-09-10", new Adjudicated(10, 62, Outcome.PARTLY_UPHELD)),
                    EscalationPlan.afterFailed(AdrKind.MEDIATION, "2013-10-15",
                            new Adjudicated(15, 48, Outcome.NOT_UPHELD)),
                    EscalationPlan.of("2013-11-19", new Withdrawn(12)),
                    EscalationPlan.of("2013-12-10", new Adjudicated(11, 56, Outcome.NOT_UPHELD,
                            new Stage3Plan(14, new Completed(22, 4, 12, Outcome.NOT_UPHELD)))),
                    EscalationPlan.of("2014-01-14", new Adjudicated(12, 55, Outcome.NO_FINDING)),
                    EscalationPlan.of("2014-02-11", new Adjudicated(14, 70, Outcome.PARTLY_UPHELD))),
            costs(4_040, 7_160, 0, 900, 0),
            Map.of(), null);

    static final SeedYear Y2014 = new SeedYear(
            new FinancialYear(2014), 57,
            areas(13, 7, 4, 10, 9, 4, 8, 1, 1),
            complainants(7, 38, 6, 3, 3),
            outcomes(8, 11, 24, 9), 5,
            new Bands(24, 24, 4, 16, 2),
            causes(new int[][] {{14, 3}, {13, 2}, {5, 3}, {6, 5}, {4, 2}, {2, 1}, {3, 3}, {2, 2}, {1, 1}, {1, 1}}),
            List.of(ActionKind.REIMBURSEMENT, ActionKind.REIMBURSEMENT, ActionKind.OTHER_REMEDY,
                    ActionKind.OTHER_REMEDY, ActionKind.OTHER_REMEDY, ActionKind.AMENDED_RECORDS),
            areaCounts(5, 6, 6, 4, 4, 2, 2, 2),
            dates("2014-06-18", "2014-10-22", "2015-02-11"),
            dates("2014-12-03"),
            List.of(
                    EscalationPlan.of("2014-05-13", new Adjudicated(10, 45, Outcome.NOT_UPHELD,
                            new Stage3Plan(12, new Completed(20, 4, 11, Outcome.NOT_UPHELD)))),
                    EscalationPlan.of("2014-06-10", new Withdrawn(8)),
                    EscalationPlan.of("2014-07-08", new Adjudicated(14, 70, Outcome.PARTLY_UPHELD)),
                    EscalationPlan.afterFailed(AdrKind.CONCILIATION, "2014-08-12",
                            new Adjudicated(12, 58, Outcome.NOT_UPHELD)),
                    EscalationPlan.of("2014-09-09", new Withdrawn(10)),
                    EscalationPlan.of("2014-10-14", new Adjudicated(12, 48, Outcome.NOT_UPHELD)),
                    EscalationPlan.of("2014-11-11", new Adjudicated(10, 76, Outcome.NOT_UPHELD,
                            new Stage3Plan(15, new SettledByMediation(14)))),
                    EscalationPlan.afterFailed(AdrKind.CONCILIATION, "2015-01-20",
                            new Adjudicated(15, 85, Outcome.NOT_UPHELD,
                                    new Stage3Plan(10, new Completed(21, 4, 12, Outcome.PARTLY_UPHELD)))),
                    EscalationPlan.of("2015-03-03", new Withdrawn(6))),
            costs(2_870, 7_430, 2_410, 420, 0),
            context(4_635, 3_671, 472, 398), LocalDate.parse("2015-04-16"));

    static final SeedYear Y2015 = new SeedYear(
            new FinancialYear(2015), 65,
            areas(14, 11, 11, 11, 8, 3, 4, 1, 2),
            complainants(6, 45, 5, 6, 3),
            outcomes(7, 8, 33, 10), 7,
            new Bands(38, 15, 5, 10, 5),
            // Table 6, in its row order.
            causes(new int[][] {{11, 2}, {11, 2}, {8, 3}, {8, 6}, {7, 3}, {4, 1}, {3, 1}, {2, 1}, {2, 1}, {1, 0}}),
            List.of(ActionKind.REIMBURSEMENT, ActionKind.REIMBURSEMENT, ActionKind.REIMBURSEMENT,
                    ActionKind.OTHER_REMEDY, ActionKind.OTHER_REMEDY, ActionKind.OTHER_REMEDY,
                    ActionKind.AMENDED_RECORDS),
            areaCounts(6, 5, 4, 3, 3, 2, 1, 1),
            dates("2015-05-20", "2015-07-15", "2015-09-16", "2015-11-18", "2016-01-20", "2016-02-17"),
            dates("2015-08-19"),
            List.of(
                    EscalationPlan.of("2015-05-12", new Adjudicated(10, 45, Outcome.NOT_UPHELD,
                            new Stage3Plan(12, new Completed(20, 4, 12, Outcome.NOT_UPHELD)))),
                    EscalationPlan.of("2015-06-09", new Withdrawn(8)),
                    EscalationPlan.of("2015-07-07", new Adjudicated(20, 80, Outcome.PARTLY_UPHELD)),
                    EscalationPlan.afterFailed(AdrKind.CONCILIATION, "2015-10-13", new Withdrawn(12)),
                    EscalationPlan.of("2015-12-08", new Open(15)),
                    EscalationPlan.of("2016-01-19", new Open(18)),
                    EscalationPlan.afterFailed(AdrKind.CONCILIATION, "2016-03-08", new Open(null))),
            costs(3_910, 8_200, 1_790, 930, 300),
            context(3_953, 2_139, 470, 347), LocalDate.parse("2016-03-31"));

    static final List<SeedYear> ALL = List.of(Y2013, Y2014, Y2015);

    /** Section 6 of the report lists the 2015-16 decisions as cases 1 to 9; they are in that order here. */
    static final List<OmbudsmanCase> OMBUDSMAN = List.of(
            ombudsman("LGO-2013-001", "2013-05-14", CP_CHARNWOOD_MELTON, "2013-07-09", OmbudsmanOutcome.CLOSED_AFTER_INITIAL_ENQUIRIES),
            ombudsman("LGO-2013-002", "2013-07-02", DISABLED_CHILDREN, "2013-09-17", OmbudsmanOutcome.NOT_UPHELD),
            ombudsman("LGO-2013-003", "2013-09-24", FOSTERING_ADOPTION, "2013-11-12", OmbudsmanOutcome.CLOSED_AFTER_INITIAL_ENQUIRIES),
            ombudsman("LGO-2013-004", "2013-11-05", CP_OADBY_BLABY_HARBOROUGH, "2014-01-21", OmbudsmanOutcome.PREMATURE),
            ombudsman("LGO-2013-005", "2014-01-14", CP_NW_LEICS_HINCKLEY, "2014-03-11", OmbudsmanOutcome.CLOSED_AFTER_INITIAL_ENQUIRIES),
            ombudsman("LGO-2013-006", "2014-03-04", CHILDREN_IN_CARE, "2014-05-20", OmbudsmanOutcome.CLOSED_AFTER_INITIAL_ENQUIRIES),
            ombudsman("LGO-2014-001", "2014-04-22", CP_CHARNWOOD_MELTON, "2014-06-17", OmbudsmanOutcome.NOT_UPHELD),
            ombudsman("LGO-2014-002", "2014-06-03", FOSTERING_ADOPTION, "2014-08-05", OmbudsmanOutcome.CLOSED_AFTER_INITIAL_ENQUIRIES),
            ombudsman("LGO-2014-003", "2014-07-29", DISABLED_CHILDREN, "2014-10-07", OmbudsmanOutcome.CLOSED_AFTER_INITIAL_ENQUIRIES),
            ombudsman("LGO-2014-004", "2014-09-16", CP_NW_LEICS_HINCKLEY, "2014-11-25", OmbudsmanOutcome.PREMATURE),
            ombudsman("LGO-2014-005", "2014-11-04", FIRST_RESPONSE, "2015-01-27", OmbudsmanOutcome.NOT_UPHELD),
            ombudsman("LGO-2014-006", "2015-01-13", CP_CHARNWOOD_MELTON, "2015-04-21", OmbudsmanOutcome.CLOSED_AFTER_INITIAL_ENQUIRIES),
            ombudsman("LGO-2014-007", "2015-02-10", DISABLED_CHILDREN, "2015-05-19", OmbudsmanOutcome.NOT_UPHELD),
            ombudsman("LGO-2014-008", "2015-03-10", FOSTERING_ADOPTION, "2015-06-23", OmbudsmanOutcome.UPHELD_MALADMINISTRATION_NO_INJUSTICE),
            ombudsman("LGO-2015-001", "2015-04-28", CP_OADBY_BLABY_HARBOROUGH, "2015-08-11", OmbudsmanOutcome.CLOSED_AFTER_INITIAL_ENQUIRIES),
            ombudsman("LGO-2015-002", "2015-06-02", FIRST_RESPONSE, "2015-09-15", OmbudsmanOutcome.CLOSED_AFTER_INITIAL_ENQUIRIES),
            new OmbudsmanCase("LGO-2015-003", LocalDate.parse("2015-06-30"), FOSTERING_ADOPTION,
                    LocalDate.parse("2015-10-20"), OmbudsmanOutcome.UPHELD_MALADMINISTRATION_INJUSTICE, 30_000),
            ombudsman("LGO-2015-004", "2015-08-04", CP_NW_LEICS_HINCKLEY, "2015-11-10", OmbudsmanOutcome.CLOSED_AFTER_INITIAL_ENQUIRIES),
            ombudsman("LGO-2015-005", "2015-09-08", FIRST_RESPONSE, "2015-12-08", OmbudsmanOutcome.CLOSED_AFTER_INITIAL_ENQUIRIES),
            ombudsman("LGO-2015-006", "2015-11-03", FIRST_RESPONSE, "2016-02-16", OmbudsmanOutcome.CLOSED_AFTER_INITIAL_ENQUIRIES),
            ombudsman("LGO-2015-007", "2015-12-01", DISABLED_CHILDREN, null, null),
            ombudsman("LGO-2015-008", "2016-01-12", CP_CHARNWOOD_MELTON, null, null),
            ombudsman("LGO-2015-009", "2016-02-09", FOSTERING_ADOPTION, null, null),
            ombudsman("LGO-2015-010", "2016-03-15", DISABLED_CHILDREN, null, null));

    /** The council's £300 payment agreed with the Ombudsman on LGO-2015-003 (table 8, financial redress). */
    static final String REDRESS_REFERENCE = "COST-2015-001";
    static final LocalDate REDRESS_PAID = LocalDate.parse("2015-11-04");

    private SeedYears() {
    }

    /** Counts in the order of table 3 (stage 1 complaints by service area). */
    private static Map<String, Integer> areas(int cpCharnwood, int fostering, int firstResponse, int cpOadby,
                                              int cpNwLeics, int inCare, int disabled, int supporting,
                                              int strengthening) {
        Map<String, Integer> areas = new LinkedHashMap<>();
        areas.put(CP_CHARNWOOD_MELTON, cpCharnwood);
        areas.put(FOSTERING_ADOPTION, fostering);
        areas.put(FIRST_RESPONSE, firstResponse);
        areas.put(CP_OADBY_BLABY_HARBOROUGH, cpOadby);
        areas.put(CP_NW_LEICS_HINCKLEY, cpNwLeics);
        areas.put(CHILDREN_IN_CARE, inCare);
        areas.put(DISABLED_CHILDREN, disabled);
        areas.put(SUPPORTING_FAMILIES, supporting);
        areas.put(STRENGTHENING_FAMILIES, strengthening);
        return areas;
    }

    /** Compliments per service area; Supporting Leicestershire Families had none in any year. */
    private static Map<String, Integer> areaCounts(int firstResponse, int inCare, int fostering, int cpNwLeics,
                                                   int cpCharnwood, int strengthening, int cpOadby, int disabled) {
        Map<String, Integer> areas = new LinkedHashMap<>();
        areas.put(FIRST_RESPONSE, firstResponse);
        areas.put(CHILDREN_IN_CARE, inCare);
        areas.put(FOSTERING_ADOPTION, fostering);
        areas.put(CP_NW_LEICS_HINCKLEY, cpNwLeics);
        areas.put(CP_CHARNWOOD_MELTON, cpCharnwood);
        areas.put(STRENGTHENING_FAMILIES, strengthening);
        areas.put(CP_OADBY_BLABY_HARBOROUGH, cpOadby);
        areas.put(DISABLED_CHILDREN, disabled);
        return areas;
    }

    private static Map<ComplainantType, Integer> complainants(int child, int parent, int fosterCarer, int adopter,
                                                              int other) {
        Map<ComplainantType, Integer> types = new EnumMap<>(ComplainantType.class);
        types.put(ComplainantType.CHILD_OR_YOUNG_PERSON, child);
        types.put(ComplainantType.PARENT, parent);
        types.put(ComplainantType.FOSTER_CARER, fosterCarer);
        types.put(ComplainantType.ADOPTER, adopter);
        types.put(ComplainantType.OTHER_SUFFICIENT_INTEREST, other);
        return types;
    }

    private static Map<Outcome, Integer> outcomes(int totally, int partly, int notUpheld, int noFinding) {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        outcomes.put(Outcome.TOTALLY_UPHELD, totally);
        outcomes.put(Outcome.PARTLY_UPHELD, partly);
        outcomes.put(Outcome.NOT_UPHELD, notUpheld);
        outcomes.put(Outcome.NO_FINDING, noFinding);
        return outcomes;
    }

    /** {resolved, upheld} pairs in the row order of table 6. */
    private static Map<Cause, CauseQuota> causes(int[][] rows) {
        List<Cause> order = List.of(SENSITIVITY_EMPATHY, PROFESSIONAL_JUDGEMENT, QUALITY_OF_WORK,
                DELAYS_IN_PROVIDING_SERVICES, MULTIPLE_CAUSES, FAIRNESS, KEEPING_INFORMED,
                POLITENESS_OPENNESS_HONESTY, ACCESSIBILITY_OF_SERVICES, CLARITY_ACCURACY_OF_INFORMATION);
        Map<Cause, CauseQuota> causes = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            causes.put(order.get(i), new CauseQuota(rows[i][0], rows[i][1]));
        }
        return causes;
    }

    /** Table 8 rows in whole pounds. */
    private static Map<CostCategory, Long> costs(long independentPersons, long investigatingOfficers, long stage3,
                                                 long mediation, long financialRedress) {
        Map<CostCategory, Long> costs = new EnumMap<>(CostCategory.class);
        costs.put(CostCategory.INDEPENDENT_PERSON, independentPersons * 100);
        costs.put(CostCategory.INVESTIGATING_OFFICER, investigatingOfficers * 100);
        costs.put(CostCategory.STAGE3_PANEL, stage3 * 100);
        costs.put(CostCategory.MEDIATION, mediation * 100);
        costs.put(CostCategory.FINANCIAL_REDRESS, financialRedress * 100);
        return costs;
    }

    private static Map<ContextFigure, Long> context(long referrals, long singleAssessments, long childrenInCare,
                                                    long protectionPlans) {
        Map<ContextFigure, Long> figures = new EnumMap<>(ContextFigure.class);
        figures.put(ContextFigure.REFERRALS, referrals);
        figures.put(ContextFigure.SINGLE_ASSESSMENTS, singleAssessments);
        figures.put(ContextFigure.CHILDREN_IN_CARE, childrenInCare);
        figures.put(ContextFigure.CHILD_PROTECTION_PLANS, protectionPlans);
        return figures;
    }

    private static List<LocalDate> dates(String... isoDates) {
        return java.util.Arrays.stream(isoDates).map(LocalDate::parse).toList();
    }

    private static OmbudsmanCase ombudsman(String reference, String received, String area, String decided,
                                           OmbudsmanOutcome outcome) {
        return new OmbudsmanCase(reference, LocalDate.parse(received), area,
                decided == null ? null : LocalDate.parse(decided), outcome, 0);
    }
}
