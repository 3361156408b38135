package io.complaintskpi.report;

import io.complaintskpi.catalogue.KpiIds;
import io.complaintskpi.catalogue.KpiIds.AdrMeasure;
import io.complaintskpi.events.Regime;
import io.complaintskpi.catalogue.KpiIds.StageFigure;
import io.complaintskpi.figures.CostTable;

import io.complaintskpi.catalogue.Formula;
import io.complaintskpi.catalogue.KpiDefinition;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.catalogue.Labels;
import io.complaintskpi.disclosure.Cell;
import io.complaintskpi.disclosure.DisclosedFigure;
import io.complaintskpi.disclosure.DisclosedSnapshot;

import io.complaintskpi.events.AdrKind;
import io.complaintskpi.events.ContextFigure;
import io.complaintskpi.events.CostCategory;
import io.complaintskpi.report.ReportTable.Row;
import io.complaintskpi.rules.Timescales;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out the annual report's tables, shaped like the seed report, from disclosed figures. The other regimes'
 * reports ({@link CorporateReportTables}, {@link AdultsReportTables}) lay theirs out with the same row builders.
 */
class AnnualReportTables {

    final DisclosedSnapshot cells;
    /** Last year's report's figures, as it published them: its prior column is the volumes' third year. */
    private final DisclosedSnapshot earlier;
    private final CostTable costs;
    final String now;
    final String before;
    private final String first;

    AnnualReportTables(DisclosedSnapshot cells, DisclosedSnapshot earlier, CostTable costs) {
        this.cells = cells;
        this.earlier = earlier;
        this.costs = costs;
        this.now = cells.period().label();
        this.before = cells.priorPeriod().label();
        this.first = earlier.priorPeriod().label();
    }

    /** The regime's own tables in document order, not yet numbered ({@link #document} numbers the report). */
    List<ReportTable> all() {
        return List.of(context(), received(), laterStages(), serviceAreas(), compliments(),
                whoComplains(), stage1Timeliness(), laterTimeliness(),
                causes("Complaint causes resolved at stage 1, with uphold rates", ""),
                outcomes("Stage 1 outcomes (complaints resolved in the year)", ""), costs(),
                actions("Actions taken in response to upheld complaints", ""), ombudsman(), adr());
    }

    /**
     * The tables numbered from 1 in document order, each symbol explained beside the first table using it: the number
     * is in the title and the id ({@code table7} is Table 7), the same in every format and on {@code /tables/{id}}.
     */
    static List<ReportTable> document(List<ReportTable> tables) {
        List<ReportTable> numbered = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            numbered.add(tables.get(i).numbered(i + 1));
        }
        return SymbolKey.attach(numbered);
    }

    private ReportTable context() {
        List<Row> rows = new ArrayList<>();
        for (ContextFigure figure : ContextFigure.values()) {
            DisclosedFigure f = cells.figure(KpiIds.context(figure));
            rows.add(row(Labels.of(figure.name()), f.prior(), f.current(), f.percentChange()));
        }
        return new ReportTable("Context - activity of children's social care",
                List.of("Measure", before, now, "% change"), rows, null);
    }

    private ReportTable received() {
        return volumesTable("Statutory children's complaints received", List.of(
                volumesRow("Stage 1 complaints", KpiIds.stage(Regime.CHILDREN, 1, StageFigure.RECEIVED)),
                volumesRow("Stage 1 complaints as % of referrals", KpiIds.STAGE1_REFERRAL_RATE),
                volumesRow("Stage 2 requests", KpiIds.stage(Regime.CHILDREN, 2, StageFigure.RECEIVED)),
                volumesRow("Escalation rate (stage 2 requests as % of stage 1)", KpiIds.ESCALATION_RATE),
                volumesRow("Stage 3 requests", KpiIds.stage(Regime.CHILDREN, 3, StageFigure.RECEIVED)),
                volumesRow("Stage 3 requests as % of stage 2", KpiIds.STAGE3_ESCALATION_RATE)), List.of(0, 2, 4));
    }

    private ReportTable laterStages() {
        return changeTable("Stages 2 and 3: resolved in the year, and complaints open at 31 March", List.of(
                figureRow("Stage 2 investigations adjudicated", KpiIds.STAGE2_RESPONDED),
                figureRow("Stage 2 complaints withdrawn", KpiIds.STAGE2_WITHDRAWN),
                figureRow("Stage 3 reviews completed", KpiIds.STAGE3_RESPONDED),
                figureRow("Stage 3 complaints withdrawn", KpiIds.STAGE3_WITHDRAWN),
                figureRow("Open at stage 1 at year end", KpiIds.stage(Regime.CHILDREN, 1, StageFigure.OPEN)),
                figureRow("Open at stage 2 at year end", KpiIds.stage(Regime.CHILDREN, 2, StageFigure.OPEN)),
                figureRow("Open at stage 3 at year end", KpiIds.stage(Regime.CHILDREN, 3, StageFigure.OPEN))), null);
    }

    private ReportTable serviceAreas() {
        return breakdownTable("Stage 1 complaints received by service area", "Service area",
                KpiIds.STAGE1_RECEIVED_BY_SERVICE_AREA, KpiIds.stage(Regime.CHILDREN, 1, StageFigure.RECEIVED));
    }

    private ReportTable compliments() {
        return breakdownTable("Compliments received by service area", "Service area",
                KpiIds.COMPLIMENTS_BY_SERVICE_AREA, KpiIds.COMPLIMENTS_RECEIVED);
    }

    private ReportTable whoComplains() {
        return shareTable("Who complains: stage 1 complaints received", "Complainant", List.of(
                shareRow("Children and young people", KpiIds.COMPLAINANT_CHILDREN, KpiIds.rate(KpiIds.COMPLAINANT_CHILDREN)),
                shareRow("Everyone else", KpiIds.COMPLAINANT_OTHERS, KpiIds.rate(KpiIds.COMPLAINANT_OTHERS)),
                shareRow("Total", KpiIds.stage(Regime.CHILDREN, 1, StageFigure.RECEIVED), null)), null);
    }

    private ReportTable stage1Timeliness() {
        return shareTable("Stage 1 response times (complaints resolved in the year)",
                "Response time (cumulative bands)", timelinessRows(1, "Within 10 working days", "Within 20 working days",
                        "Over 20 working days", "Stage 1 responses"),
                "Within 20 working days includes those within 10 (the statutory maximum); percentages are of "
                        + "the stage 1 responses in the year.")
                .withChart(new ReportTable.Chart(List.of(0, 1), List.of(2, 4), 100.0,
                        "Statutory target: every complaint answered within 20 working days", null, null));
    }

    private ReportTable laterTimeliness() {
        List<Row> rows = new ArrayList<>(timelinessRows(2, "Stage 2: within 25 working days",
                "Stage 2: within 65 working days", "Stage 2: over 65 working days", "Stage 2 adjudications"));
        rows.addAll(timelinessRows(3, "Stage 3: panel met within 30 working days",
                "Stage 3: panel met after 30 working days", "Stage 3 panels held"));
        return shareTable("Stages 2 and 3: response times", "Response time (stage 2 bands cumulative)", rows,
                "Within 65 working days includes those within 25. Stage 3 counts panels held in the year against "
                        + "the 30 working days from the request (reg 19(4)).");
    }

    private List<Row> timelinessRows(int stage, String... labels) {
        String base = "stage" + stage + ".timeliness.";
        List<DisclosedFigure> bands = cells.figures().stream()
                .filter(f -> f.id().startsWith(base) && !f.id().endsWith(".rate") && !f.id().endsWith(".total"))
                .toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            rows.add(shareRow(labels[i], bands.get(i).id(), bands.get(i).id() + ".rate"));
        }
        rows.add(shareRow(labels[labels.length - 1], base + "total", null));
        return rows;
    }

    /** Causes resolved at stage 1 and upheld, with uphold rates, of the regime whose KPI ids start with {@code p}. */
    ReportTable causes(String title, String p) {
        List<Row> rows = new ArrayList<>();
        for (DisclosedFigure resolved : cells.all(p + KpiIds.CAUSES_RESOLVED)) {
            String cause = resolved.dimension();
            // A cause never upheld in either year has no upheld figure: its count is 0, which is never hidden.
            Cell upheld = cells.find(p + KpiIds.CAUSES_UPHELD, cause).map(DisclosedFigure::current).orElse(Cell.count(0));
            DisclosedFigure rate = cells.find(p + KpiIds.CAUSES_UPHOLD_RATE, cause).orElseThrow();
            Row row = sourced(row(Labels.of(cause), resolved.prior(), rate.prior(), resolved.current(), upheld,
                    rate.current()), resolved, 1, 3);
            rows.add(cells.publicOutput() || cells.find(p + KpiIds.CAUSES_UPHELD, cause).isEmpty() ? row
                    : row.withSource(4, p + KpiIds.CAUSES_UPHELD, cause, now));
        }
        return new ReportTable(title,
                List.of("Cause", before + " resolved", before + " uphold rate", now + " resolved", now + " upheld",
                        now + " uphold rate"), rows,
                "One complaint may have several causes, so causes do not add up to complaints.")
                .withChart(new ReportTable.Chart(SvgChart.range(0, rows.size()), List.of(1, 3), null, null,
                        "upheld", 5));
    }

    /** Stage 1 outcomes of the regime whose KPI ids start with {@code p}. */
    ReportTable outcomes(String title, String p) {
        List<Row> rows = new ArrayList<>();
        for (String outcome : KpiDefinitions.resolutionDimensions()) {
            String id = p + KpiIds.outcome(outcome);
            rows.add(shareRow(Labels.of(outcome), id, KpiIds.rate(id)));
        }
        rows.add(shareRow("Upheld (totally or partly)", p + KpiIds.STAGE1_UPHELD, p + KpiIds.rate(KpiIds.STAGE1_UPHELD)));
        rows.add(shareRow("Stage 1 complaints resolved", p + KpiIds.STAGE1_RESOLVED, null));
        return shareTable(title, "Outcome", rows,
                "Percentages are of the stage 1 complaints resolved in the year.")
                .withChart(ReportTable.Chart.of(SvgChart.range(0, rows.size() - 2), List.of(1, 3)));
    }

    private ReportTable costs() {
        List<String> columns = new ArrayList<>(List.of("Spend"));
        costs.years().forEach(year -> columns.add("Total " + year.label()));
        List<Row> rows = new ArrayList<>();
        for (CostTable.Line line : costs.lines()) {
            rows.add(moneyRow(Labels.of(line.category()), line, KpiIds.cost(CostCategory.valueOf(line.category()))));
        }
        rows.add(moneyRow("Total", costs.total(), KpiIds.COSTS_TOTAL));
        return new ReportTable("Costs incurred through the complaints procedure", columns, rows,
                "Exact amounts, added up in pence.")
                .withChart(ReportTable.Chart.of(SvgChart.range(0, rows.size() - 1), SvgChart.range(1, columns.size())));
    }

    /** Actions taken on upheld complaints of the regime whose KPI ids start with {@code p}. */
    ReportTable actions(String title, String p) {
        List<Row> rows = new ArrayList<>();
        for (DisclosedFigure action : cells.all(p + KpiIds.ACTIONS_TAKEN)) {
            rows.add(sourced(row(Labels.of(action.dimension()), action.prior(), action.current()), action, 1, 2));
        }
        rows.add(plainRow("Upheld stage 1 complaints resolved", p + KpiIds.ACTIONS_UPHELD_COMPLAINTS));
        rows.add(plainRow("... with an action beyond an apology", p + KpiIds.ACTIONS_BEYOND_APOLOGY));
        rows.add(plainRow("Share with an action beyond an apology", p + KpiIds.rate(KpiIds.ACTIONS_BEYOND_APOLOGY)));
        return new ReportTable(title,
                List.of("Action", before, now), rows, "A complaint may lead to several actions.");
    }

    /**
     * The children's Ombudsman figures (the enquiries the catalogue gives the children's report, with those that
     * name no regime: {@code KpiDefinitions.regimeDimensions}), then the council's, whose decisions by outcome and
     * remedies the events give for the council only.
     */
    private ReportTable ombudsman() {
        List<Row> rows = ombudsmanReferrals(Regime.CHILDREN);
        rows.add(plainRow("New enquiries received (all complaints of the council)", KpiIds.OMBUDSMAN_ENQUIRIES));
        rows.add(plainRow("Decisions made", KpiIds.OMBUDSMAN_DECISIONS));
        for (DisclosedFigure outcome : cells.all(KpiIds.OMBUDSMAN_DECISIONS_BY_OUTCOME)) {
            rows.add(sourced(row("Decision: " + Labels.of(outcome.dimension()), outcome.prior(), outcome.current()),
                    outcome, 1, 2));
        }
        rows.add(plainRow("Fault found", KpiIds.OMBUDSMAN_FAULT_FOUND));
        rows.add(plainRow("Fault found, % of decisions", KpiIds.rate(KpiIds.OMBUDSMAN_FAULT_FOUND)));
        rows.add(plainRow("Detailed investigations", KpiIds.OMBUDSMAN_DETAILED_INVESTIGATIONS));
        rows.add(plainRow("Uphold rate (% of detailed investigations)", KpiIds.OMBUDSMAN_UPHOLD_RATE));
        rows.add(plainRow("Remedies paid", KpiIds.OMBUDSMAN_REMEDIES));
        return new ReportTable("Local Government and Social Care Ombudsman", List.of("Measure", before, now),
                rows, "The children's rows count the Ombudsman enquiries that name a children's complaint or no"
                + " procedure at all; the council's rows count every enquiry.");
    }

    /** The Ombudsman's figures on the enquiries a regime's report counts as its own (the catalogue's rule). */
    List<Row> ombudsmanReferrals(Regime regime) {
        String p = KpiDefinitions.prefix(regime);
        String whose = Timescales.describe(regime);
        List<Row> rows = new ArrayList<>();
        rows.add(plainRow("New enquiries about " + whose + " complaints", p + KpiIds.OMBUDSMAN_REFERRALS));
        rows.add(plainRow("Decisions on " + whose + " complaints", p + KpiIds.OMBUDSMAN_REFERRALS_DECISIONS));
        rows.add(plainRow("... that found fault", p + KpiIds.OMBUDSMAN_REFERRALS_FAULT_FOUND));
        rows.add(plainRow("... after a detailed investigation", p + KpiIds.OMBUDSMAN_REFERRALS_DETAILED));
        rows.add(plainRow("Uphold rate, " + whose + " complaints", p + KpiIds.OMBUDSMAN_REFERRALS_UPHOLD_RATE));
        return rows;
    }

    private ReportTable adr() {
        List<Row> rows = new ArrayList<>();
        for (AdrKind kind : AdrKind.values()) {
            String name = kind == AdrKind.MEDIATION ? "External mediations" : "Conciliation meetings";
            String resolved = KpiIds.adr(kind, AdrMeasure.RESOLVED);
            rows.add(plainRow(name + " held", KpiIds.adr(kind, AdrMeasure.HELD)));
            rows.add(plainRow(name + " that resolved the complaint", resolved));
            rows.add(plainRow(name + " that resolved the complaint, %", KpiIds.rate(resolved)));
            rows.add(plainRow(name + " that prevented an escalation", KpiIds.adr(kind, AdrMeasure.PREVENTED_ESCALATION)));
        }
        rows.add(plainRow("Escalations prevented", KpiIds.ADR_ESCALATIONS_PREVENTED));
        return new ReportTable("Alternative dispute resolution", List.of("Measure", before, now), rows, null);
    }

    /**
     * Volumes over three years, the oldest first, with the change over the last: the rows in {@code charted}
     * drawn as a chart of the three years beside the table.
     */
    ReportTable volumesTable(String title, List<Row> rows, List<Integer> charted) {
        return new ReportTable(title, List.of("Measure", first, before, now, "Change", "% change"), rows, null)
                .withChart(ReportTable.Chart.of(charted, List.of(1, 2, 3)));
    }

    /** A figure over three years: the first as last year's report published it beside its own year. */
    Row volumesRow(String label, String id) {
        DisclosedFigure f = cells.figure(id);
        DisclosedFigure last = earlier.figure(id);
        Row row = sourced(row(label, last.prior(), f.prior(), f.current(), f.change(), f.percentChange()), f, 2, 3);
        return row.sources().isEmpty() ? row : row.withSource(1, id, null, first);
    }

    ReportTable changeTable(String title, List<Row> rows, String note) {
        return new ReportTable(title, List.of("Measure", before, now, "Change", "% change"), rows, note);
    }

    ReportTable breakdownTable(String title, String heading, String breakdownId, String totalId) {
        List<Row> rows = new ArrayList<>();
        for (DisclosedFigure f : cells.all(breakdownId)) {
            rows.add(sourced(row(Labels.of(f.dimension()), f.prior(), f.current(), f.change()), f, 1, 2));
        }
        DisclosedFigure total = cells.figure(totalId);
        rows.add(sourced(row("Total", total.prior(), total.current(), total.change()), total, 1, 2));
        return new ReportTable(title, List.of(heading, before, now, "Change"), rows, null);
    }

    ReportTable shareTable(String title, String heading, List<Row> rows, String note) {
        return new ReportTable(title, List.of(heading, before, before + " %", now, now + " %"), rows, note);
    }

    Row figureRow(String label, String id) {
        DisclosedFigure f = cells.figure(id);
        return sourced(row(label, f.prior(), f.current(), f.change(), f.percentChange()), f, 1, 2);
    }

    Row plainRow(String label, String id) {
        DisclosedFigure f = cells.figure(id);
        return sourced(row(label, f.prior(), f.current()), f, 1, 2);
    }

    /**
     * The row with its prior and current cells of {@code f} saying what they add up, in a copy not for
     * publication, where the figure is a count or an amount that has complaints behind it (not a rate, not a
     * context figure the authority records).
     */
    Row sourced(Row row, DisclosedFigure f, int priorColumn, int currentColumn) {
        return sourced(cells, row, f, priorColumn, currentColumn);
    }

    /** {@link #sourced(Row, DisclosedFigure, int, int)} for a table of {@code cells}' two periods. */
    static Row sourced(DisclosedSnapshot cells, Row row, DisclosedFigure f, int priorColumn, int currentColumn) {
        KpiDefinition kpi = KpiDefinitions.require(f.id());
        if (cells.publicOutput() || kpi.unit() == KpiDefinition.Unit.PERCENT
                || kpi.formula() instanceof Formula.YearFigure) {
            return row;
        }
        return row.withSource(priorColumn, f.id(), f.dimension(), cells.priorPeriod().label())
                .withSource(currentColumn, f.id(), f.dimension(), cells.period().label());
    }

    /** A count with its rate; a total ({@code rateId} null) leaves the rate columns blank. */
    Row shareRow(String label, String countId, String rateId) {
        DisclosedFigure count = cells.figure(countId);
        Cell priorShare = rateId == null ? Cell.label("") : cells.figure(rateId).prior();
        Cell share = rateId == null ? Cell.label("") : cells.figure(rateId).current();
        return sourced(row(label, count.prior(), priorShare, count.current(), share), count, 1, 3);
    }

    /** A row of spend per year; in a copy not for publication each amount says which cost KPI adds it up. */
    private Row moneyRow(String label, CostTable.Line line, String kpi) {
        List<Cell> cells = new ArrayList<>(List.of(Cell.label(label)));
        line.pence().forEach(pence -> cells.add(Cell.money(pence)));
        Row row = new Row(cells);
        for (int i = 0; i < costs.years().size() && !this.cells.publicOutput(); i++) {
            row = row.withSource(i + 1, kpi, null, costs.years().get(i).label());
        }
        return row;
    }

    static Row row(String label, Cell... values) {
        List<Cell> row = new ArrayList<>(List.of(Cell.label(label)));
        row.addAll(List.of(values));
        return new Row(row);
    }
}
