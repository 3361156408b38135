package io.complaintskpi.report;

import io.complaintskpi.catalogue.KpiIds;
import io.complaintskpi.catalogue.KpiIds.StageFigure;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.catalogue.Labels;
import io.complaintskpi.disclosure.Cell;
import io.complaintskpi.disclosure.DisclosedFigure;
import io.complaintskpi.disclosure.DisclosedSnapshot;
import io.complaintskpi.events.NotAcceptedReason;
import io.complaintskpi.events.Regime;
import io.complaintskpi.figures.CostTable;
import io.complaintskpi.lifecycle.CorporateClock.ExtensionCompliance;
import io.complaintskpi.report.ReportTable.Row;
import io.complaintskpi.rules.CorporateTimescales;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables of the annual complaints performance and service improvement report for corporate complaints
 * (Complaint Handling Code, section 8.1): volumes, timeliness against the Code and against the council's own
 * timescales, extensions, outcomes, complaints not accepted and why, escalation, causes, service improvements,
 * the Ombudsman's figures, and the self-assessment, its measurable rows filled from the data.
 */
final class CorporateReportTables extends AnnualReportTables {

    private static final String P = KpiDefinitions.CORPORATE_PREFIX;

    private final CorporateTimescales council;

    CorporateReportTables(DisclosedSnapshot cells, DisclosedSnapshot earlier, CostTable costs,
                          CorporateTimescales council) {
        super(cells, earlier, costs);
        this.council = council;
    }

    @Override
    List<ReportTable> all() {
        return List.of(timescales(), volumes(), serviceAreas(1), serviceAreas(2), timeliness(false), timeliness(true),
                extensions(), outcomes("Stage 1 outcomes (complaints resolved in the year)", P),
                stage2Outcomes(), notAccepted(),
                causes("Causes of complaints resolved at stage 1, with uphold rates", P),
                actions("Actions taken and service improvements on upheld complaints", P),
                ombudsman(), selfAssessment());
    }

    private ReportTable timescales() {
        CorporateTimescales code = CorporateTimescales.CODE;
        List<Row> rows = new ArrayList<>();
        for (int stage = 1; stage <= 2; stage++) {
            String from = stage == 1 ? "receipt" : "the request";
            rows.add(row("Stage " + stage + ": acknowledge within (working days of " + from + ")",
                    days(code.acknowledgement(stage)), days(council.acknowledgement(stage))));
            rows.add(row("Stage " + stage + ": respond within (working days of the acknowledgement)",
                    days(code.response(stage)), days(council.response(stage))));
            rows.add(row("Stage " + stage + ": extension without a recorded reason, at most (working days)",
                    days(code.extension(stage)), days(council.extension(stage))));
        }
        return new ReportTable("Timescales applied", List.of("Timescale", "Complaint Handling Code",
                "The council's own"), rows, "Every timeliness figure is given against both. The Code: paragraphs"
                + " 6.2 to 6.4 (stage 1) and its stage 2 paragraphs. A response due date counts from the"
                + " acknowledgement, or from the day it was due when it was late or missing.");
    }

    /** A number of working days is a rule, not a count of people: shown as it is, never suppressed. */
    private static Cell days(int workingDays) {
        return Cell.label(Integer.toString(workingDays));
    }

    private ReportTable volumes() {
        return volumesTable("Corporate complaints received, escalated and not accepted", List.of(
                volumesRow("Stage 1 complaints received", KpiIds.stage(Regime.CORPORATE, 1, StageFigure.RECEIVED)),
                volumesRow("Stage 2 requests received", KpiIds.stage(Regime.CORPORATE, 2, StageFigure.RECEIVED)),
                volumesRow("Escalation rate (stage 2 requests as % of stage 1)", P + KpiIds.ESCALATION_RATE),
                volumesRow("Stage 1 complaints moved to stage 2 before a stage 1 response",
                        P + KpiIds.STAGE1_ESCALATED_UNRESPONDED),
                volumesRow("Complaints not accepted", P + "not_accepted"),
                volumesRow("Open at stage 1 at year end", KpiIds.stage(Regime.CORPORATE, 1, StageFigure.OPEN)),
                volumesRow("Open at stage 2 at year end", KpiIds.stage(Regime.CORPORATE, 2, StageFigure.OPEN))),
                List.of(0, 1));
    }

    private ReportTable serviceAreas(int stage) {
        return breakdownTable(stage == 1
                        ? "Stage 1 complaints received by service area" : "Stage 2 requests received by service area",
                "Service area", P + "stage" + stage + ".received.by_service_area", P + "stage" + stage + ".received");
    }

    private ReportTable timeliness(boolean councils) {
        String suffix = councils ? ".council" : "";
        List<Row> rows = new ArrayList<>();
        for (int stage = 1; stage <= 2; stage++) {
            String s = P + "stage" + stage;
            rows.add(shareRow("Stage " + stage + ": acknowledged in time", s + ".acknowledgement" + suffix + ".on_time",
                    s + ".acknowledgement" + suffix + ".on_time.rate"));
            rows.add(shareRow("Stage " + stage + ": acknowledged late", s + ".acknowledgement" + suffix + ".late", null));
            rows.add(shareRow("Stage " + stage + ": acknowledgements", s + ".acknowledgement" + suffix + ".total", null));
            rows.add(shareRow("Stage " + stage + ": responded in time", s + ".timeliness" + suffix + ".on_time",
                    s + ".timeliness" + suffix + ".on_time.rate"));
            rows.add(shareRow("Stage " + stage + ": responded late", s + ".timeliness" + suffix + ".late", null));
            rows.add(shareRow("Stage " + stage + ": responses", s + ".timeliness" + suffix + ".total", null));
        }
        return shareTable(councils
                        ? "Acknowledgement and response times against the council's own timescales"
                        : "Acknowledgement and response times against the Complaint Handling Code", "Measure", rows,
                "Acknowledgements count in the year they were made, responses in the year they were sent; an"
                        + " extension counts only up to the limit allowed without a reason unless one was recorded.");
    }

    private ReportTable extensions() {
        List<Row> rows = new ArrayList<>();
        for (int stage = 1; stage <= 2; stage++) {
            String base = P + "stage" + stage + ".extensions.";
            for (ExtensionCompliance compliance : ExtensionCompliance.values()) {
                rows.add(shareRow("Stage " + stage + ": " + switch (compliance) {
                    case WITHIN -> "within the Code's limit";
                    case BEYOND_WITH_REASON -> "beyond it, with a recorded reason";
                    case BEYOND_WITHOUT_REASON -> "beyond it without a reason (not compliant)";
                }, base + compliance.key(), compliance == ExtensionCompliance.WITHIN ? base + "within.rate" : null));
            }
            rows.add(shareRow("Stage " + stage + ": responses that had an extension", base + "total", null));
        }
        return shareTable("Extensions of stages answered in the year, against the Complaint Handling"
                + " Code", "Extension", rows, "The Code (6.4): an extension should be no more than 10 working days"
                + " without good reason; stage 2 as the Code's stage 2 paragraphs.");
    }

    private ReportTable stage2Outcomes() {
        return shareTable("Stage 2 responses and outcomes (answered in the year)", "Outcome",
                List.of(shareRow("Upheld (totally or partly)", P + KpiIds.STAGE2_UPHELD, P + KpiIds.rate(KpiIds.STAGE2_UPHELD)),
                        shareRow("Stage 2 responses", P + KpiIds.STAGE2_RESPONDED, null),
                        shareRow("Stage 2 complaints withdrawn", P + KpiIds.STAGE2_WITHDRAWN, null)),
                "Percentages are of the stage 2 responses in the year.");
    }

    private ReportTable notAccepted() {
        List<Row> rows = new ArrayList<>();
        for (DisclosedFigure reason : cells.all(P + KpiIds.NOT_ACCEPTED_BY_REASON)) {
            rows.add(sourced(row(Labels.of(reason.dimension()) + " (Code " + NotAcceptedReason.valueOf(
                    reason.dimension()).paragraph().replace("Code ", "") + ")", reason.prior(), reason.current(),
                    reason.change()), reason, 1, 2));
        }
        DisclosedFigure total = cells.figure(P + "not_accepted");
        rows.add(sourced(row("Total", total.prior(), total.current(), total.change()), total, 1, 2));
        return new ReportTable("Complaints not accepted, by reason (Code 8.1: the types of complaints"
                + " refused)", List.of("Reason", before, now, "Change"), rows,
                "A complaint the council does not accept is counted on the date it decided, never timed.");
    }

    private ReportTable ombudsman() {
        List<Row> rows = ombudsmanReferrals(Regime.CORPORATE);
        rows.add(plainRow("New enquiries received (all complaints of the council)", KpiIds.OMBUDSMAN_ENQUIRIES));
        rows.add(plainRow("Decisions made", KpiIds.OMBUDSMAN_DECISIONS));
        rows.add(plainRow("Fault found", KpiIds.OMBUDSMAN_FAULT_FOUND));
        rows.add(plainRow("Detailed investigations", KpiIds.OMBUDSMAN_DETAILED_INVESTIGATIONS));
        rows.add(plainRow("Uphold rate (% of detailed investigations)", KpiIds.OMBUDSMAN_UPHOLD_RATE));
        rows.add(plainRow("Remedies paid", KpiIds.OMBUDSMAN_REMEDIES));
        return new ReportTable("The Ombudsman's figures for the year", List.of("Measure", before, now),
                rows, "Corporate rows count the Ombudsman enquiries that name a corporate complaint. The Ombudsman's annual"
                + " letter to the council (Code 8.1) is published beside this report.");
    }

    /**
     * The self-assessment against the Code (8.1): the rows the data can answer filled in with this year's figure,
     * the others left for the council to complete.
     */
    private ReportTable selfAssessment() {
        List<Row> rows = new ArrayList<>();
        rows.add(measured("6.2", "Complaints acknowledged within five working days of receipt",
                P + KpiIds.STAGE1_ACKNOWLEDGEMENT_ON_TIME, P + KpiIds.STAGE1_ACKNOWLEDGEMENT_TOTAL));
        rows.add(measured("6.3", "Stage 1 responses within 10 working days of the acknowledgement",
                P + KpiIds.STAGE1_TIMELINESS_ON_TIME, P + KpiIds.STAGE1_TIMELINESS_TOTAL));
        rows.add(measured("6.4", "Stage 1 extensions no more than 10 working days without good reason",
                P + KpiIds.STAGE1_EXTENSIONS_WITHIN, P + KpiIds.STAGE1_EXTENSIONS_TOTAL));
        rows.add(measured("Stage 2", "Stage 2 requests acknowledged within five working days",
                P + KpiIds.STAGE2_ACKNOWLEDGEMENT_ON_TIME, P + KpiIds.STAGE2_ACKNOWLEDGEMENT_TOTAL));
        rows.add(measured("Stage 2", "Stage 2 responses within 20 working days of the acknowledgement",
                P + KpiIds.STAGE2_TIMELINESS_ON_TIME, P + KpiIds.STAGE2_TIMELINESS_TOTAL));
        DisclosedFigure refused = cells.figure(P + "not_accepted");
        rows.add(row("2.1-2.5", Cell.label("Complaints not accepted, each with its reason (table not_accepted)"),
                Cell.label("Complaints not accepted: " + refused.current().text()), Cell.label(""), Cell.label("")));
        for (String[] template : TEMPLATE) {
            rows.add(row(template[0], Cell.label(template[1]), Cell.label("to be completed by the council"),
                    Cell.label(""), Cell.label("")));
        }
        return new ReportTable("Self-assessment against the Complaint Handling Code",
                List.of("Code", "Requirement", "From the data (" + now + ")", "Comply (yes/no)", "Evidence and commentary"),
                rows, "Rows with a figure are filled from this year's complaints; the council completes the others"
                + " and the comply and evidence columns before the report goes through its governance (8.2).");
    }

    private Row measured(String paragraph, String requirement, String countId, String totalId) {
        DisclosedFigure count = cells.figure(countId);
        DisclosedFigure total = cells.figure(totalId);
        DisclosedFigure rate = cells.figure(countId + ".rate");
        String shown = rate.current().text() + " ("
                + count.current().text() + " of " + total.current().text() + ")";
        return row(paragraph, Cell.label(requirement), Cell.label(shown), Cell.label(""), Cell.label(""));
    }

    /** Requirements the data cannot answer (paragraphs checked against the published Code). */
    private static final String[][] TEMPLATE = {
            {"1.4-1.6", "The complaints policy defines a complaint as the Code does and tells it apart from a service request"},
            {"2.3", "The policy sets out the circumstances in which a matter will not be considered or escalated"},
            {"2.4", "A complainant refused is told why and of the right to take the decision to the Ombudsman"},
            {"2.5", "No blanket exclusions: each complaint is considered on its own merits"},
            {"6.1", "Complaints are triaged by complexity and by whether the complainant is vulnerable or at risk"},
            {"6.5", "A complainant told of an extension is given the Ombudsman's details"},
            {"6.6", "Responses are sent when the answer is known, with outstanding actions tracked"},
            {"6.7", "Responses address every point raised and give reasons, citing policy, law and good practice"},
            {"8.2", "This report goes through the council's governance and is published with its response"},
            {"8.3", "A self-assessment also follows a significant restructure, merger or change in procedures"}};
}
