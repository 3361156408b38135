package io.complaintskpi.testing;

import io.complaintskpi.contributions.Metric;
import io.complaintskpi.series.InMemorySeriesReader;

import io.complaintskpi.events.Regime;

import static io.complaintskpi.contributions.Metric.ALL;

/**
 * The seed report's figures (Leicestershire, children's social care, 2015/16 with 2014/15 and, for costs,
 * 2013/14) as daily buckets. Where the report does not give a split, the fixture picks one that matches
 * its percentages: stage 1 outcomes follow section 3.5 (23% upheld: 7 totally, 8 partly of 65 resolved),
 * actions follow section 5.1 (15 upheld complaints), causes follow table 6.
 */
public final class SeedFixture {

    public static final String LEICS = "E10000018";
    private static final Regime C = Regime.CHILDREN;
    public static final String Y15 = "2015-06-01";
    public static final String Y14 = "2014-06-02";

    private SeedFixture() {
    }

    public static InMemorySeriesReader reader() {
        Buckets b = new Buckets(LEICS);
        context(b, "2015-04-01", 3953, 2139, 470, 347);
        context(b, "2014-04-01", 4635, 3671, 472, 398);
        b.add(Metric.received(C, 1), ALL, Y15, 65).add(Metric.received(C, 1), ALL, Y14, 57)
                .add(Metric.received(C, 2), ALL, Y15, 7).add(Metric.received(C, 2), ALL, Y14, 9)
                .add(Metric.received(C, 3), ALL, Y15, 3).add(Metric.received(C, 3), ALL, Y14, 2);
        String areas = Metric.serviceArea(C);
        b.add(areas, "Child Protection (Charnwood & Melton)", Y15, 14).add(areas, "Fostering & Adoption", Y15, 11)
                .add(areas, "First Response", Y15, 11)
                .add(areas, "Child Protection (Oadby & Wigston / Blaby / Harborough)", Y15, 11)
                .add(areas, "Child Protection (NW Leics & Hinckley)", Y15, 8)
                .add(areas, "Disabled Children's Services", Y15, 6).add(areas, "Strengthening Families", Y15, 2)
                .add(areas, "Supporting Leicestershire Families", Y15, 2)
                .add(areas, "Fostering & Adoption", Y14, 30).add(areas, "Disabled Children's Services", Y14, 27);
        String who = Metric.complainant(C);
        b.add(who, "CHILD_OR_YOUNG_PERSON", Y15, 6).add(who, "PARENT", Y15, 40).add(who, "FOSTER_CARER", Y15, 10)
                .add(who, "OTHER_SUFFICIENT_INTEREST", Y15, 9)
                .add(who, "CHILD_OR_YOUNG_PERSON", Y14, 7).add(who, "PARENT", Y14, 50);
        b.add(Metric.COMPLIMENTS, "First Response", Y15, 25).add(Metric.COMPLIMENTS, "First Response", Y14, 31);
        String closed1 = Metric.closed(C, 1);
        b.add(closed1, "TOTALLY_UPHELD", Y15, 7).add(closed1, "PARTLY_UPHELD", Y15, 8)
                .add(closed1, "NOT_UPHELD", Y15, 40).add(closed1, "NO_FINDING", Y15, 6)
                .add(closed1, "WITHDRAWN", Y15, 4).add(closed1, "ESCALATED_UNRESPONDED", Y15, 1)
                .add(closed1, "TOTALLY_UPHELD", Y14, 9).add(closed1, "PARTLY_UPHELD", Y14, 9)
                .add(closed1, "NOT_UPHELD", Y14, 37);
        String closed2 = Metric.closed(C, 2);
        b.add(closed2, "NOT_UPHELD", Y15, 2).add(closed2, "PARTLY_UPHELD", Y15, 1).add(closed2, "WITHDRAWN", Y15, 2)
                .add(closed2, "NOT_UPHELD", Y14, 6).add(closed2, "WITHDRAWN", Y14, 2);
        b.add(Metric.closed(C, 3), "NOT_UPHELD", Y15, 2).add(Metric.closed(C, 3), "WITHDRAWN", Y15, 1)
                .add(Metric.closed(C, 3), "NOT_UPHELD", Y14, 2);
        String t1 = Metric.timeliness(C, 1);
        b.add(t1, "within10", Y15, 40).add(t1, "within20", Y15, 15).add(t1, "over20", Y15, 6)
                .add(t1, "within10", Y14, 20).add(t1, "within20", Y14, 30).add(t1, "over20", Y14, 5);
        String t2 = Metric.timeliness(C, 2);
        b.add(t2, "within65", Y15, 1).add(t2, "over65", Y15, 2).add(t2, "within25", Y14, 2).add(t2, "over65", Y14, 4);
        b.add(Metric.timeliness(C, 3), "within30", Y15, 2);
        causes(b);
        costs(b);
        b.add(Metric.actions(C), "APOLOGY", Y15, 15).add(Metric.actions(C), "REIMBURSEMENT", Y15, 3)
                .add(Metric.actions(C), "AMENDED_RECORDS", Y15, 1).add(Metric.actions(C), "OTHER_REMEDY", Y15, 3)
                .add(Metric.upheldFurtherAction(C), "true", Y15, 7).add(Metric.upheldFurtherAction(C), "false", Y15, 8);
        b.add(Metric.OMBUDSMAN_ENQUIRIES, "Child Protection", Y15, 6)
                .add(Metric.OMBUDSMAN_ENQUIRIES, "First Response", Y15, 4)
                .add(Metric.OMBUDSMAN_DECISIONS, "CLOSED_AFTER_INITIAL_ENQUIRIES", Y15, 6)
                .add(Metric.OMBUDSMAN_DECISIONS, "NOT_UPHELD", Y15, 1)
                .add(Metric.OMBUDSMAN_DECISIONS, "UPHELD_MALADMINISTRATION_NO_INJUSTICE", Y15, 1)
                .add(Metric.OMBUDSMAN_DECISIONS, "UPHELD_MALADMINISTRATION_INJUSTICE", Y15, 1)
                .add(Metric.OMBUDSMAN_REMEDY_PENCE, ALL, Y15, 30_000);
        // As the contributions count them: the seed's enquiries name no regime (payload revision 1).
        String unnamed = Metric.REGIME_UNSPECIFIED;
        b.add(Metric.OMBUDSMAN_ENQUIRIES_BY_REGIME, unnamed, Y15, 10).add(Metric.OMBUDSMAN_DECISIONS_BY_REGIME, unnamed, Y15, 9)
                .add(Metric.OMBUDSMAN_FAULT_BY_REGIME, unnamed, Y15, 2).add(Metric.OMBUDSMAN_DETAILED_BY_REGIME, unnamed, Y15, 3);
        b.add(Metric.adr(C), "CONCILIATION", Y15, 8).add(Metric.adrResolved(C), "CONCILIATION", Y15, 6)
                .add(Metric.adr(C), "MEDIATION", Y15, 1).add(Metric.adrPreventedEscalation(C), "MEDIATION", Y15, 1);
        return b.reader();
    }

    private static void context(Buckets b, String yearStart, long referrals, long assessments, long inCare,
                                long plans) {
        b.add(Metric.CONTEXT, "REFERRALS", yearStart, referrals).add(Metric.CONTEXT, "SINGLE_ASSESSMENTS", yearStart,
                assessments).add(Metric.CONTEXT, "CHILDREN_IN_CARE", yearStart, inCare)
                .add(Metric.CONTEXT, "CHILD_PROTECTION_PLANS", yearStart, plans);
    }

    /** Table 6: resolved and upheld per cause. */
    private static void causes(Buckets b) {
        Object[][] table6 = {
                {"SENSITIVITY_EMPATHY", 11, 2}, {"PROFESSIONAL_JUDGEMENT", 11, 2}, {"QUALITY_OF_WORK", 8, 3},
                {"DELAYS_IN_PROVIDING_SERVICES", 8, 6}, {"MULTIPLE_CAUSES", 7, 3}, {"FAIRNESS", 4, 1},
                {"KEEPING_INFORMED", 3, 1}, {"POLITENESS_OPENNESS_HONESTY", 2, 1}, {"ACCESSIBILITY_OF_SERVICES", 2, 1},
                {"CLARITY_ACCURACY_OF_INFORMATION", 1, 0}};
        for (Object[] row : table6) {
            b.add(Metric.causes(C), (String) row[0], Y15, (Integer) row[1]);
            b.add(Metric.causesUpheld(C), (String) row[0], Y15, (Integer) row[2]);
        }
        b.add(Metric.causes(C), "QUALITY_OF_WORK", Y14, 16);
    }

    /** Table 8, in pence. */
    private static void costs(Buckets b) {
        String[] years = {"2013-07-01", "2014-07-01", "2015-07-01"};
        long[][] pounds = {{4040, 2870, 3910}, {7160, 7430, 8200}, {0, 2410, 1790}, {900, 420, 930}, {0, 0, 300}};
        String[] categories = {"INDEPENDENT_PERSON", "INVESTIGATING_OFFICER", "STAGE3_PANEL", "MEDIATION",
                "FINANCIAL_REDRESS"};
        for (int c = 0; c < categories.length; c++) {
            for (int y = 0; y < years.length; y++) {
                b.add(Metric.COSTS_PENCE, categories[c], years[y], pounds[c][y] * 100);
                // As the contributions count them: the seed's costs are the children's complaints'.
                b.add(Metric.COSTS_PENCE_BY_REGIME, Metric.costByRegime(C.name(), categories[c]), years[y],
                        pounds[c][y] * 100);
            }
        }
    }
}
