package io.complaintskpi.report;

import io.complaintskpi.catalogue.KpiIds;
import io.complaintskpi.catalogue.KpiIds.StageFigure;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.disclosure.Cell;
import io.complaintskpi.disclosure.DisclosedFigure;
import io.complaintskpi.disclosure.DisclosedSnapshot;
import io.complaintskpi.events.Regime;
import io.complaintskpi.figures.CostTable;
import io.complaintskpi.report.ReportTable.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables of the adults' annual report (SI 2009/309 reg 18, the year ending 31 March): complaints received
 * (18(a)), decided to be well-founded (18(b)), referred to the Ombudsman as far as the council has been told
 * (18(c)), the subject matter, matters of general importance and actions to improve services (18(d)), and the
 * timeliness figures councils add (acknowledged within 3 working days, responded within the agreed period, open
 * past six months).
 */
final class AdultsReportTables extends AnnualReportTables {

    private static final String P = KpiDefinitions.ADULTS_PREFIX;

    AdultsReportTables(DisclosedSnapshot cells, DisclosedSnapshot earlier, CostTable costs) {
        super(cells, earlier, costs);
    }

    @Override
    List<ReportTable> all() {
        return List.of(regulation18(),
                breakdownTable("Reg 18(d): subject matter - complaints received by service area",
                        "Service area", P + KpiIds.STAGE1_RECEIVED_BY_SERVICE_AREA, KpiIds.stage(Regime.ADULTS, 1, StageFigure.RECEIVED)),
                outcomes("Reg 18(b): outcomes of complaints resolved in the year", P),
                causes("Reg 18(d): subject matter - causes of complaints resolved, with uphold rates", P),
                timeliness(),
                actions("Reg 18(d): action taken or planned to improve services", P),
                generalImportance());
    }

    private ReportTable regulation18() {
        DisclosedFigure referred = cells.figure(P + KpiIds.OMBUDSMAN_REFERRALS);
        List<Row> rows = List.of(
                figureRow("18(a) Complaints received", KpiIds.stage(Regime.ADULTS, 1, StageFigure.RECEIVED)),
                figureRow("18(b) Complaints decided to be well-founded (upheld totally or partly)", P + KpiIds.STAGE1_UPHELD),
                figureRow("Well-founded, % of complaints resolved", P + KpiIds.rate(KpiIds.STAGE1_UPHELD)),
                sourced(row("18(c) Complaints the council has been told were referred to the Ombudsman", referred.prior(),
                        referred.current(), Cell.label(""), Cell.label("")), referred, 1, 2));
        return changeTable("Complaints under the 2009 Regulations (reg 18)", rows,
                "Received counts complaints received in the year; well-founded those decided in the year. Referrals"
                        + " count the Ombudsman enquiries that name an adult social care complaint.");
    }

    private ReportTable timeliness() {
        List<Row> rows = new ArrayList<>();
        rows.add(shareRow("Acknowledged within 3 working days", P + KpiIds.STAGE1_ACKNOWLEDGEMENT_ON_TIME,
                P + KpiIds.rate(KpiIds.STAGE1_ACKNOWLEDGEMENT_ON_TIME)));
        rows.add(shareRow("Acknowledgements", P + KpiIds.STAGE1_ACKNOWLEDGEMENT_TOTAL, null));
        rows.add(shareRow("Responded within the agreed period", P + KpiIds.STAGE1_TIMELINESS_ON_TIME,
                P + KpiIds.rate(KpiIds.STAGE1_TIMELINESS_ON_TIME)));
        rows.add(shareRow("Responses", P + KpiIds.STAGE1_TIMELINESS_TOTAL, null));
        rows.add(shareRow("Open at 31 March more than six months after receipt", P + KpiIds.STAGE1_OPEN_OVER_SIX_MONTHS,
                null));
        rows.add(shareRow("Open at 31 March", KpiIds.stage(Regime.ADULTS, 1, StageFigure.OPEN), null));
        return shareTable("Acknowledgement, response and complaints open past six months", "Measure",
                rows, "Acknowledgement within 3 working days: reg 13; the response period agreed with the"
                        + " complainant, or six months when none was agreed: reg 14.");
    }

    private ReportTable generalImportance() {
        return new ReportTable("Reg 18(d): matters of general importance",
                List.of("Matter", "Summary"), List.of(row("Matters of general importance arising from the complaints",
                Cell.label("to be completed by the council"))),
                "A summary in words; the figures above show where complaints came from and what was found.");
    }
}
