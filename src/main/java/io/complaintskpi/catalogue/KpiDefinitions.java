package io.complaintskpi.catalogue;

import io.complaintskpi.contributions.Metric;

import io.complaintskpi.events.ActionKind;
import io.complaintskpi.events.AdrKind;
import io.complaintskpi.events.Cause;
import io.complaintskpi.events.ComplainantType;
import io.complaintskpi.events.ContextFigure;
import io.complaintskpi.events.NotAcceptedReason;
import io.complaintskpi.events.CostCategory;
import io.complaintskpi.events.OmbudsmanOutcome;
import io.complaintskpi.events.OmbudsmanOutcome.LetterSplit;
import io.complaintskpi.events.RecommendationKind;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.events.Regime;
import io.complaintskpi.catalogue.Formula.Breakdown;
import io.complaintskpi.catalogue.Formula.BreakdownRatio;
import io.complaintskpi.catalogue.Formula.HeldAtEnd;
import io.complaintskpi.catalogue.Formula.OpenAtEnd;
import io.complaintskpi.catalogue.Formula.Ratio;
import io.complaintskpi.catalogue.Formula.Sum;
import io.complaintskpi.catalogue.Formula.YearFigure;
import io.complaintskpi.catalogue.KpiDefinition.Basis;
import io.complaintskpi.catalogue.KpiDefinition.Unit;
import io.complaintskpi.catalogue.KpiIds.AdrMeasure;
import io.complaintskpi.catalogue.KpiIds.StageFigure;
import io.complaintskpi.catalogue.SumRule.Part;
import io.complaintskpi.lifecycle.Closure;
import io.complaintskpi.lifecycle.CorporateClock.ExtensionCompliance;
import io.complaintskpi.rules.TimelinessBand;
import io.complaintskpi.rules.Timescales;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static io.complaintskpi.catalogue.KpiDefinition.Basis.AT_PERIOD_END;
import static io.complaintskpi.catalogue.KpiDefinition.Basis.DUE;
import static io.complaintskpi.catalogue.KpiDefinition.Basis.FINANCIAL_YEAR;
import static io.complaintskpi.catalogue.KpiDefinition.Basis.IN_PERIOD;
import static io.complaintskpi.catalogue.KpiDefinition.Basis.RECEIVED;
import static io.complaintskpi.catalogue.KpiDefinition.Basis.RESOLVED;

/**
 * The KPI catalogue: every figure the service reports, with its stable id and definition. Children's
 * KPIs carry no prefix (the seed report is about children's social care); adult social care KPIs start
 * with {@code adults.}, corporate ones (the Complaint Handling Code) with {@code corporate.}. docs/kpis.md's list is generated from here ({@link #markdown()}).
 */
public final class KpiDefinitions {

    public static final String ADULTS_PREFIX = "adults.";
    public static final String CORPORATE_PREFIX = "corporate.";

    private static final KpiDefinitions CATALOGUE = build();
    /** {@link #all()}, copied once: every evaluation walks it. */
    private static final List<KpiDefinition> ALL = List.copyOf(CATALOGUE.byId.values());

    private final Map<String, KpiDefinition> byId = new LinkedHashMap<>();
    private final List<SumRule> sumRules = new ArrayList<>();
    private final List<BalanceRule> balanceRules = new ArrayList<>();
    /** The procedure of the KPIs being added; null while adding the council's figures of every procedure. */
    private Regime adding;

    private KpiDefinitions() {
    }

    /** Every KPI in catalogue order: single counts and the rates built on them come after what they use. */
    public static List<KpiDefinition> all() {
        return ALL;
    }

    public static Optional<KpiDefinition> find(String id) {
        return Optional.ofNullable(CATALOGUE.byId.get(id));
    }

    /** A procedure's KPI by its measure (its id without the procedure's prefix, {@link KpiDefinition#measure()}). */
    public static Optional<KpiDefinition> find(Regime regime, String measure) {
        return find(prefix(regime) + measure).filter(kpi -> kpi.regime() == regime);
    }

    /** Whether some procedure has a KPI of this measure. */
    public static boolean isMeasure(String measure) {
        return Arrays.stream(Regime.values()).anyMatch(regime -> find(regime, measure).isPresent());
    }

    public static KpiDefinition require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown KPI '" + id + "'"));
    }

    /**
     * Every relation a reader can see or infer between published counts (within a table, across tables,
     * order relations), for disclosure control ({@link Disclosure}). A new KPI published beside others
     * declares its relations here.
     */
    public static List<SumRule> sumRules() {
        return List.copyOf(CATALOGUE.sumRules);
    }

    /** The balances published beside what moves them (open at the end of a period), for disclosure control. */
    public static List<BalanceRule> balanceRules() {
        return List.copyOf(CATALOGUE.balanceRules);
    }

    /** The regime prefix of KPI ids: none for children's social care, {@code adults.} and {@code corporate.}. */
    public static String prefix(Regime regime) {
        return switch (regime) {
            case CHILDREN -> "";
            case ADULTS -> ADULTS_PREFIX;
            case CORPORATE -> CORPORATE_PREFIX;
        };
    }

    /** The catalogue as a Markdown table: id, unit, what it counts, definition. */
    public static String markdown() {
        StringBuilder out = new StringBuilder("| KPI id | unit | counts what was | definition |\n|---|---|---|---|\n");
        for (KpiDefinition kpi : all()) {
            out.append("| `").append(kpi.id()).append("` | ").append(kpi.unit().name().toLowerCase(Locale.ROOT))
                    .append(kpi.byDimension() ? " per dimension" : "").append(" | ").append(kpi.basis().meaning())
                    .append(" | ").append(kpi.definition()).append(" |\n");
        }
        return out.toString();
    }

    private static KpiDefinitions build() {
        KpiDefinitions c = new KpiDefinitions();
        c.context();
        for (Regime regime : Regime.values()) {
            c.adding = regime;
            c.received(regime);
            c.outcomes(regime);
            c.timeliness(regime);
            c.causesAndActions(regime);
            c.adr(regime);
            c.open(regime);
        }
        c.adding = Regime.CORPORATE;
        c.notAccepted();
        c.adding = null;
        c.compliments();
        c.costs();
        c.ombudsman();
        for (Regime regime : Regime.values()) {
            c.adding = regime;
            c.ombudsmanReferrals(regime);
            c.procedureCosts(regime);
        }
        c.adding = null;
        c.awaiting();
        return c;
    }

    private void context() {
        for (ContextFigure figure : ContextFigure.values()) {
            add(KpiIds.context(figure), FINANCIAL_YEAR, Unit.COUNT, new YearFigure(figure.name()),
                    Labels.of(figure.name()) + ", as recorded for the financial year (table 1)");
        }
    }

    private void received(Regime regime) {
        String p = prefix(regime);
        int stages = Timescales.stages(regime);
        for (int stage = 1; stage <= stages; stage++) {
            add(KpiIds.stage(regime, stage, StageFigure.RECEIVED), RECEIVED, Unit.COUNT,
                    new Sum(Metric.received(regime, stage), DimensionFilter.all()),
                    stage == 1 ? "complaints received (stage 1), by date received"
                            : "stage " + stage + " requests received, by date of the request");
        }
        add(KpiIds.receivedByServiceArea(regime), RECEIVED, Unit.COUNT,
                new Breakdown(Metric.serviceArea(regime), List.of()), "stage 1 complaints received per service area");
        rule(KpiIds.stage(regime, 1, StageFigure.RECEIVED), Part.of(KpiIds.receivedByServiceArea(regime)));
        add(p + "complainant.by_type", RECEIVED, Unit.COUNT,
                new Breakdown(Metric.complainant(regime), names(ComplainantType.values())),
                "stage 1 complaints received per type of complainant");
        rule(KpiIds.stage(regime, 1, StageFigure.RECEIVED), Part.of(p + "complainant.by_type"));
        if (regime == Regime.ADULTS) {
            return;
        }
        rate(p + KpiIds.ESCALATION_RATE, RECEIVED, KpiIds.stage(regime, 2, StageFigure.RECEIVED), KpiIds.stage(regime, 1, StageFigure.RECEIVED),
                "stage 2 requests as a percentage of stage 1 complaints received");
        if (regime == Regime.CORPORATE) {
            add(p + "stage2.received.by_service_area", RECEIVED, Unit.COUNT,
                    new Breakdown(Metric.serviceArea(regime, 2), List.of()), "stage 2 requests received per service area");
            rule(KpiIds.stage(regime, 2, StageFigure.RECEIVED), Part.of(p + "stage2.received.by_service_area"));
            return;
        }
        rate(KpiIds.STAGE3_ESCALATION_RATE, RECEIVED, KpiIds.stage(regime, 3, StageFigure.RECEIVED), KpiIds.stage(regime, 2, StageFigure.RECEIVED),
                "stage 3 requests as a percentage of stage 2 requests received");
        rate(KpiIds.STAGE1_REFERRAL_RATE, RECEIVED, KpiIds.stage(regime, 1, StageFigure.RECEIVED), KpiIds.context(ContextFigure.REFERRALS),
                "stage 1 complaints received as a percentage of referrals to children's social care in the year");
        String child = ComplainantType.CHILD_OR_YOUNG_PERSON.name();
        add(KpiIds.COMPLAINANT_CHILDREN, RECEIVED, Unit.COUNT,
                new Sum(Metric.complainant(regime), DimensionFilter.only(child)),
                "stage 1 complaints made by children and young people themselves");
        add(KpiIds.COMPLAINANT_OTHERS, RECEIVED, Unit.COUNT,
                new Sum(Metric.complainant(regime), DimensionFilter.except(child)),
                "stage 1 complaints made by anyone else (parents, carers, adopters, others with sufficient interest)");
        rule(KpiIds.stage(regime, 1, StageFigure.RECEIVED), Part.of(KpiIds.COMPLAINANT_CHILDREN), Part.of(KpiIds.COMPLAINANT_OTHERS));
        rule(KpiIds.COMPLAINANT_CHILDREN, new Part("complainant.by_type", DimensionFilter.only(child)));
        rule(KpiIds.COMPLAINANT_OTHERS, new Part("complainant.by_type", DimensionFilter.except(child)));
        rate(KpiIds.rate(KpiIds.COMPLAINANT_CHILDREN), RECEIVED, KpiIds.COMPLAINANT_CHILDREN, KpiIds.stage(regime, 1, StageFigure.RECEIVED),
                "share of stage 1 complaints made by children and young people");
        rate(KpiIds.rate(KpiIds.COMPLAINANT_OTHERS), RECEIVED, KpiIds.COMPLAINANT_OTHERS, KpiIds.stage(regime, 1, StageFigure.RECEIVED),
                "share of stage 1 complaints made by everyone else");
    }

    private void outcomes(Regime regime) {
        String p = prefix(regime);
        String closed = Metric.closed(regime, 1);
        String resolved = p + KpiIds.STAGE1_RESOLVED;
        add(resolved, RESOLVED, Unit.COUNT,
                new Sum(closed, DimensionFilter.except(Closure.ESCALATED_UNRESPONDED.name())),
                "stage 1 complaints resolved: answered with an outcome or withdrawn (not those that moved on unanswered)");
        List<Part> outcomeParts = new ArrayList<>();
        for (String outcome : resolutionDimensions()) {
            String id = p + KpiIds.outcome(outcome);
            add(id, RESOLVED, Unit.COUNT, new Sum(closed, DimensionFilter.only(outcome)),
                    "stage 1 complaints resolved as " + readable(outcome));
            rate(id + ".rate", RESOLVED, id, resolved, "stage 1 complaints resolved as " + readable(outcome)
                    + ", as a percentage of those resolved");
            outcomeParts.add(Part.of(id));
        }
        rule(resolved, outcomeParts.toArray(Part[]::new));
        // Every response is timed: table 4's responses are table 7's resolved less those withdrawn.
        rule(p + KpiIds.STAGE1_TIMELINESS_TOTAL, outcomeParts.stream()
                .filter(part -> !part.id().endsWith(Closure.WITHDRAWN.name().toLowerCase(Locale.ROOT)))
                .toArray(Part[]::new));
        String upheld = KpiIds.upheld(regime);
        add(upheld, RESOLVED, Unit.COUNT,
                new Sum(closed, DimensionFilter.only(Outcome.TOTALLY_UPHELD, Outcome.PARTLY_UPHELD)),
                "stage 1 complaints resolved as totally or partly upheld"
                        + (regime == Regime.ADULTS ? " (well-founded)" : ""));
        rule(upheld, Part.of(p + KpiIds.outcome(Outcome.TOTALLY_UPHELD.name())),
                Part.of(p + KpiIds.outcome(Outcome.PARTLY_UPHELD.name())));
        rate(KpiIds.rate(upheld), RESOLVED, upheld, resolved,
                "stage 1 complaints totally or partly upheld, as a percentage of those resolved");
        if (regime == Regime.ADULTS) {
            return;
        }
        add(p + KpiIds.STAGE1_ESCALATED_UNRESPONDED, RESOLVED, Unit.COUNT,
                new Sum(closed, DimensionFilter.only(Closure.ESCALATED_UNRESPONDED.name())),
                "stage 1 complaints that moved to stage 2 before a stage 1 response");
        rule(p + KpiIds.STAGE2_TIMELINESS_TOTAL, Part.of(p + KpiIds.STAGE2_RESPONDED));
        for (int stage = 2; stage <= Timescales.stages(regime); stage++) {
            add(p + "stage" + stage + ".responded", RESOLVED, Unit.COUNT,
                    new Sum(Metric.closed(regime, stage), DimensionFilter.only(Outcome.values())),
                    stage == 2 ? "stage 2 " + (regime == Regime.CORPORATE ? "responses" : "investigations adjudicated")
                            + " (the authority responded)"
                            : "stage 3 reviews completed (the authority responded to the panel's report)");
            add(p + "stage" + stage + ".withdrawn", RESOLVED, Unit.COUNT,
                    new Sum(Metric.closed(regime, stage), DimensionFilter.only(Closure.WITHDRAWN.name())),
                    "stage " + stage + " complaints withdrawn");
        }
        if (regime == Regime.CORPORATE) {
            add(p + KpiIds.STAGE2_UPHELD, RESOLVED, Unit.COUNT, new Sum(Metric.closed(regime, 2),
                            DimensionFilter.only(Outcome.TOTALLY_UPHELD, Outcome.PARTLY_UPHELD)),
                    "stage 2 complaints answered as totally or partly upheld");
            subset(p + KpiIds.STAGE2_RESPONDED, Part.of(p + KpiIds.STAGE2_UPHELD));
            rate(p + KpiIds.rate(KpiIds.STAGE2_UPHELD), RESOLVED, p + KpiIds.STAGE2_UPHELD, p + KpiIds.STAGE2_RESPONDED,
                    "stage 2 complaints totally or partly upheld, as a percentage of those answered");
        }
    }

    private void timeliness(Regime regime) {
        String p = prefix(regime);
        if (regime == Regime.ADULTS) {
            onTime(p + "stage1.timeliness", Metric.timeliness(regime, 1), RESOLVED,
                    "responses", "by the agreed (or default) response date");
            onTime(p + "stage1.acknowledgement", Metric.acknowledgement(regime, 1), IN_PERIOD,
                    "acknowledgements", "within 3 working days of receipt");
            return;
        }
        if (regime == Regime.CORPORATE) {
            corporateTimeliness();
            return;
        }
        for (int stage = 1; stage <= 3; stage++) {
            int s = stage;
            String base = "stage" + stage + ".timeliness";
            String metric = Metric.timeliness(regime, stage);
            String total = base + ".total";
            Basis basis = stage == 3 ? IN_PERIOD : RESOLVED;
            add(total, basis, Unit.COUNT, new Sum(metric, DimensionFilter.all()), stage == 3
                    ? "stage 3 review panels held (the panel is timed against 30 working days from the request)"
                    : "stage " + stage + " responses timed (responded in the period)");
            List<TimelinessBand> bands = Arrays.stream(TimelinessBand.values()).filter(b -> b.stage() == s).toList();
            List<Part> partition = new ArrayList<>();
            for (int i = 0; i < bands.size(); i++) {
                TimelinessBand band = bands.get(i);
                String id = KpiIds.timeliness(band);
                // Within-bands are cumulative (within 20 includes within 10); the over-band stands alone.
                List<TimelinessBand> counted = band.withinStatutoryMaximum() ? bands.subList(0, i + 1) : List.of(band);
                add(id, basis, Unit.COUNT, new Sum(metric, DimensionFilter.only(
                                counted.stream().map(TimelinessBand::key).toArray(String[]::new))),
                        (stage == 3 ? "panels held " : "stage " + stage + " responses ")
                                + describeBand(band) + (counted.size() > 1 ? " (cumulative)" : ""));
                rate(KpiIds.rate(id), basis, id, total, "percentage of " + (stage == 3 ? "panels held " : "stage " + stage
                        + " responses ") + describeBand(band) + (counted.size() > 1 ? " (cumulative)" : ""));
                if (i == bands.size() - 2 || i == bands.size() - 1) {
                    partition.add(Part.of(id)); // the widest within-band and the over-band make the total
                }
                if (i > 0 && counted.size() > 1) {
                    subset(id, Part.of(KpiIds.timeliness(bands.get(i - 1)))); // within 10 <= within 20
                }
            }
            rule(total, partition.toArray(Part[]::new));
        }
        onTime("stage3.panel_report", Metric.panelReport(regime), IN_PERIOD, "stage 3 panel reports issued",
                "within " + Timescales.CHILDREN_PANEL_REPORT_DAYS + " working days of the panel (SI 2006/1738 reg 20)");
        onTime("stage3.response_to_report", Metric.responseToReport(regime), IN_PERIOD,
                "stage 3 responses of the authority to the panel's report", "within "
                        + Timescales.CHILDREN_STAGE3_RESPONSE_DAYS + " working days of the report (SI 2006/1738 reg 20)");
    }

    /**
     * Corporate stages against the Complaint Handling Code (6.2-6.4; stage 2 likewise) and, as {@code .council},
     * against the council's own published timescales; extensions of answered stages, within the limit allowed
     * without a reason or beyond it (with or without a recorded reason).
     */
    private void corporateTimeliness() {
        Regime regime = Regime.CORPORATE;
        String p = CORPORATE_PREFIX;
        for (int stage = 1; stage <= Timescales.stages(regime); stage++) {
            String s = p + "stage" + stage;
            String from = stage == 1 ? "receipt" : "the request";
            for (boolean council : new boolean[] {false, true}) {
                String against = council ? " (the council's own timescales)" : " (the Complaint Handling Code)";
                String suffix = council ? ".council" : "";
                onTime(s + ".acknowledgement" + suffix, named(Metric.acknowledgement(regime, stage), council), IN_PERIOD,
                        "stage " + stage + " acknowledgements", "in time after " + from + against);
                onTime(s + ".timeliness" + suffix, named(Metric.timeliness(regime, stage), council), RESOLVED,
                        "stage " + stage + " responses", "in time after the acknowledgement" + against);
                String extensions = s + ".extensions" + suffix;
                String metric = named(Metric.extension(regime, stage), council);
                add(extensions + ".total", RESOLVED, Unit.COUNT, new Sum(metric, DimensionFilter.all()),
                        "stage " + stage + " responses in the period that had an extension" + against);
                List<Part> parts = new ArrayList<>();
                for (ExtensionCompliance compliance : ExtensionCompliance.values()) {
                    String id = extensions + "." + compliance.key();
                    add(id, RESOLVED, Unit.COUNT, new Sum(metric, DimensionFilter.only(compliance.key())),
                            "stage " + stage + " extensions " + readable(compliance.name()) + " the limit allowed"
                                    + " without a reason" + against);
                    parts.add(Part.of(id));
                }
                rule(extensions + ".total", parts.toArray(Part[]::new));
                subset(s + ".timeliness" + suffix + ".total", Part.of(extensions + ".total"));
                rate(extensions + ".within.rate", RESOLVED, extensions + ".within", extensions + ".total",
                        "share of stage " + stage + " extensions within the limit allowed without a reason" + against);
            }
        }
    }

    private static String named(String metric, boolean council) {
        return council ? Metric.council(metric) : metric;
    }

    private void notAccepted() {
        add(CORPORATE_PREFIX + "not_accepted", IN_PERIOD, Unit.COUNT,
                new Sum(Metric.NOT_ACCEPTED, DimensionFilter.all()),
                "corporate complaints the council did not accept (Complaint Handling Code part 2), by date decided");
        add(CORPORATE_PREFIX + KpiIds.NOT_ACCEPTED_BY_REASON, IN_PERIOD, Unit.COUNT,
                new Breakdown(Metric.NOT_ACCEPTED, names(NotAcceptedReason.values())),
                "corporate complaints not accepted per reason (the Code's closed list, never timed)");
        rule(CORPORATE_PREFIX + "not_accepted", Part.of(CORPORATE_PREFIX + KpiIds.NOT_ACCEPTED_BY_REASON));
    }

    private void onTime(String base, String metric, Basis basis, String what, String target) {
        add(base + ".total", basis, Unit.COUNT, new Sum(metric, DimensionFilter.all()), what + " in the period");
        add(base + ".on_time", basis, Unit.COUNT, new Sum(metric, DimensionFilter.only(Metric.ON_TIME)),
                what + " " + target);
        add(base + ".late", basis, Unit.COUNT, new Sum(metric, DimensionFilter.only(Metric.LATE)), what + " later than that");
        rule(base + ".total", Part.of(base + ".on_time"), Part.of(base + ".late"));
        rate(base + ".on_time.rate", basis, base + ".on_time", base + ".total",
                "percentage of " + what + " " + target);
    }

    private void causesAndActions(Regime regime) {
        String p = prefix(regime);
        add(p + KpiIds.CAUSES_RESOLVED, RESOLVED, Unit.COUNT, new Breakdown(Metric.causes(regime), names(Cause.values())),
                "causes found in stage 1 responses, per cause (one complaint may have several; table 6)");
        add(p + KpiIds.CAUSES_UPHELD, RESOLVED, Unit.COUNT,
                new Breakdown(Metric.causesUpheld(regime), names(Cause.values())),
                "causes upheld in stage 1 responses, per cause");
        add(p + KpiIds.CAUSES_UPHOLD_RATE, RESOLVED, Unit.PERCENT,
                new BreakdownRatio(p + KpiIds.CAUSES_UPHELD, p + KpiIds.CAUSES_RESOLVED),
                "upheld causes as a percentage of resolved causes, per cause");
        subset(p + KpiIds.CAUSES_RESOLVED, Part.of(p + KpiIds.CAUSES_UPHELD)); // cause by cause
        for (Cause cause : Cause.values()) { // a complaint counts once per cause it was found to have
            subset(p + KpiIds.STAGE1_TIMELINESS_TOTAL, new Part(p + KpiIds.CAUSES_RESOLVED, DimensionFilter.only(cause)));
        }
        add(p + KpiIds.ACTIONS_TAKEN, IN_PERIOD, Unit.COUNT,
                new Breakdown(Metric.actions(regime), names(ActionKind.values())),
                "actions taken in response to upheld complaints, per kind of action (table 9)");
        add(p + KpiIds.ACTIONS_UPHELD_COMPLAINTS, RESOLVED, Unit.COUNT,
                new Sum(Metric.upheldFurtherAction(regime), DimensionFilter.all()),
                "stage 1 complaints resolved as upheld (totally or partly) whose actions are reviewed");
        add(p + KpiIds.ACTIONS_BEYOND_APOLOGY, RESOLVED, Unit.COUNT,
                new Sum(Metric.upheldFurtherAction(regime), DimensionFilter.only("true")),
                "upheld stage 1 complaints with an action beyond an apology");
        rule(p + KpiIds.ACTIONS_UPHELD_COMPLAINTS, Part.of(p + KpiIds.STAGE1_UPHELD));
        subset(p + KpiIds.ACTIONS_UPHELD_COMPLAINTS, Part.of(p + KpiIds.ACTIONS_BEYOND_APOLOGY));
        rate(p + KpiIds.rate(KpiIds.ACTIONS_BEYOND_APOLOGY), RESOLVED, p + KpiIds.ACTIONS_BEYOND_APOLOGY, p + KpiIds.ACTIONS_UPHELD_COMPLAINTS,
                "share of upheld stage 1 complaints with an action beyond an apology");
    }

    private void adr(Regime regime) {
        String p = prefix(regime);
        List<Part> prevented = new ArrayList<>();
        for (AdrKind kind : AdrKind.values()) {
            String held = p + KpiIds.adr(kind, AdrMeasure.HELD);
            String resolved = p + KpiIds.adr(kind, AdrMeasure.RESOLVED);
            String preventedEscalation = p + KpiIds.adr(kind, AdrMeasure.PREVENTED_ESCALATION);
            String name = kind == AdrKind.MEDIATION ? "external mediations" : "conciliation meetings";
            DimensionFilter only = DimensionFilter.only(kind);
            add(held, IN_PERIOD, Unit.COUNT, new Sum(Metric.adr(regime), only), name + " held");
            add(resolved, IN_PERIOD, Unit.COUNT, new Sum(Metric.adrResolved(regime), only),
                    name + " that resolved the complaint");
            rate(KpiIds.rate(resolved), IN_PERIOD, resolved, held,
                    "share of " + name + " that resolved the complaint");
            add(preventedEscalation, IN_PERIOD, Unit.COUNT,
                    new Sum(Metric.adrPreventedEscalation(regime), only), name + " that prevented an escalation");
            prevented.add(Part.of(preventedEscalation));
            subset(held, Part.of(resolved));
            subset(held, Part.of(preventedEscalation));
        }
        add(p + KpiIds.ADR_ESCALATIONS_PREVENTED, IN_PERIOD, Unit.COUNT,
                new Sum(Metric.adrPreventedEscalation(regime), DimensionFilter.all()),
                "escalations prevented by mediation or conciliation");
        rule(p + KpiIds.ADR_ESCALATIONS_PREVENTED, prevented.toArray(Part[]::new));
    }

    private void open(Regime regime) {
        String p = prefix(regime);
        for (int stage = 1; stage <= Timescales.stages(regime); stage++) {
            String s = p + "stage" + stage;
            add(KpiIds.stage(regime, stage, StageFigure.OPEN), AT_PERIOD_END, Unit.COUNT,
                    new OpenAtEnd(Metric.received(regime, stage), Metric.closed(regime, stage)),
                    "stage " + stage + " complaints open at the end of the period (received minus closed, all time)");
            List<Part> closed = stage == 1 ? (regime != Regime.ADULTS
                    ? List.of(Part.of(s + ".resolved"), Part.of(s + ".escalated_unresponded"))
                    : List.of(Part.of(s + ".resolved")))
                    : List.of(Part.of(s + ".responded"), Part.of(s + ".withdrawn"));
            balanceRules.add(new BalanceRule(s + ".open", s + ".received", closed));
        }
        if (regime == Regime.ADULTS) {
            add(p + KpiIds.STAGE1_OPEN_OVER_SIX_MONTHS, AT_PERIOD_END, Unit.COUNT,
                    new OpenAtEnd(Metric.ADULTS_OVER_SIX_MONTHS, Metric.ADULTS_OVER_SIX_MONTHS_CLOSED),
                    "complaints open at the end of the period more than six months after the day of receipt"
                            + " (SI 2009/309 reg 14(2))");
            subset(KpiIds.stage(regime, 1, StageFigure.OPEN), Part.of(p + KpiIds.STAGE1_OPEN_OVER_SIX_MONTHS));
        }
    }

    private void compliments() {
        add(KpiIds.COMPLIMENTS_RECEIVED, RECEIVED, Unit.COUNT, new Sum(Metric.COMPLIMENTS, DimensionFilter.all()),
                "compliments received");
        add(KpiIds.COMPLIMENTS_BY_SERVICE_AREA, RECEIVED, Unit.COUNT, new Breakdown(Metric.COMPLIMENTS, List.of()),
                "compliments received per service area");
        rule(KpiIds.COMPLIMENTS_RECEIVED, Part.of(KpiIds.COMPLIMENTS_BY_SERVICE_AREA));
    }

    private void costs() {
        for (CostCategory category : CostCategory.values()) {
            add(KpiIds.cost(category), IN_PERIOD, Unit.PENCE,
                    new Sum(Metric.COSTS_PENCE, DimensionFilter.only(category)),
                    "spend on " + Labels.of(category.name()) + ", in pence (table 8)");
        }
        add(KpiIds.COSTS_TOTAL, IN_PERIOD, Unit.PENCE, new Sum(Metric.COSTS_PENCE, DimensionFilter.all()),
                "total spend on the complaints procedure, in pence");
    }

    /** A regime's own spend ({@link #regimeDimensions}): per category and in total, in pence. */
    private void procedureCosts(Regime regime) {
        String p = prefix(regime);
        String whose = " on " + Timescales.describe(regime) + " complaints"
                + (regime == Regime.CHILDREN ? " (with spend recorded under no complaint)" : "") + ", in pence";
        List<String> all = new ArrayList<>();
        for (CostCategory category : CostCategory.values()) {
            List<String> dims = regimeDimensions(regime).stream()
                    .map(r -> Metric.costByRegime(r, category.name())).toList();
            all.addAll(dims);
            add(p + KpiIds.procedureCost(category), IN_PERIOD, Unit.PENCE, new Sum(Metric.COSTS_PENCE_BY_REGIME,
                    DimensionFilter.only(dims.toArray(String[]::new))), "spend on " + Labels.of(category.name()) + whose);
        }
        add(p + KpiIds.COSTS_PROCEDURE_TOTAL, IN_PERIOD, Unit.PENCE, new Sum(Metric.COSTS_PENCE_BY_REGIME,
                DimensionFilter.only(all.toArray(String[]::new))), "total spend" + whose);
    }

    private void ombudsman() {
        add(KpiIds.OMBUDSMAN_ENQUIRIES, RECEIVED, Unit.COUNT,
                new Sum(Metric.OMBUDSMAN_ENQUIRIES, DimensionFilter.all()), "new Ombudsman enquiries received");
        add("ombudsman.enquiries.by_service_area", RECEIVED, Unit.COUNT,
                new Breakdown(Metric.OMBUDSMAN_ENQUIRIES, List.of()), "new Ombudsman enquiries per service area");
        rule(KpiIds.OMBUDSMAN_ENQUIRIES, Part.of("ombudsman.enquiries.by_service_area"));
        add(KpiIds.OMBUDSMAN_DECISIONS, IN_PERIOD, Unit.COUNT,
                new Sum(Metric.OMBUDSMAN_DECISIONS, DimensionFilter.all()), "Ombudsman decisions made");
        add(KpiIds.OMBUDSMAN_DECISIONS_BY_OUTCOME, IN_PERIOD, Unit.COUNT,
                new Breakdown(Metric.OMBUDSMAN_DECISIONS, names(OmbudsmanOutcome.values())),
                "Ombudsman decisions per outcome");
        rule(KpiIds.OMBUDSMAN_DECISIONS, Part.of(KpiIds.OMBUDSMAN_DECISIONS_BY_OUTCOME));
        DimensionFilter fault = outcomes(OmbudsmanOutcome::faultFound);
        DimensionFilter detailed = outcomes(OmbudsmanOutcome::detailedInvestigation);
        add(KpiIds.OMBUDSMAN_FAULT_FOUND, IN_PERIOD, Unit.COUNT, new Sum(Metric.OMBUDSMAN_DECISIONS, fault),
                "Ombudsman decisions that found fault (upheld)");
        rule(KpiIds.OMBUDSMAN_FAULT_FOUND, new Part(KpiIds.OMBUDSMAN_DECISIONS_BY_OUTCOME, fault));
        add(KpiIds.OMBUDSMAN_DETAILED_INVESTIGATIONS, IN_PERIOD, Unit.COUNT,
                new Sum(Metric.OMBUDSMAN_DECISIONS, detailed), "Ombudsman decisions after a detailed investigation");
        rule(KpiIds.OMBUDSMAN_DETAILED_INVESTIGATIONS, new Part(KpiIds.OMBUDSMAN_DECISIONS_BY_OUTCOME, detailed));
        rate(KpiIds.rate(KpiIds.OMBUDSMAN_FAULT_FOUND), IN_PERIOD, KpiIds.OMBUDSMAN_FAULT_FOUND, KpiIds.OMBUDSMAN_DECISIONS,
                "Ombudsman decisions that found fault, as a percentage of all decisions");
        rate(KpiIds.OMBUDSMAN_UPHOLD_RATE, IN_PERIOD, KpiIds.OMBUDSMAN_FAULT_FOUND, KpiIds.OMBUDSMAN_DETAILED_INVESTIGATIONS,
                "Ombudsman uphold rate: upheld decisions as a percentage of detailed investigations");
        List<String> regimes = new ArrayList<>(names(Regime.values()));
        regimes.add(Metric.REGIME_UNSPECIFIED);
        String byRegime = " per regime of the complaint it arose from (UNSPECIFIED: the enquiry did not say)";
        add(KpiIds.OMBUDSMAN_ENQUIRIES_BY_REGIME, RECEIVED, Unit.COUNT,
                new Breakdown(Metric.OMBUDSMAN_ENQUIRIES_BY_REGIME, regimes), "new Ombudsman enquiries" + byRegime);
        rule(KpiIds.OMBUDSMAN_ENQUIRIES, Part.of(KpiIds.OMBUDSMAN_ENQUIRIES_BY_REGIME));
        add(KpiIds.OMBUDSMAN_DECISIONS_BY_REGIME, IN_PERIOD, Unit.COUNT,
                new Breakdown(Metric.OMBUDSMAN_DECISIONS_BY_REGIME, regimes), "Ombudsman decisions" + byRegime);
        rule(KpiIds.OMBUDSMAN_DECISIONS, Part.of(KpiIds.OMBUDSMAN_DECISIONS_BY_REGIME));
        add(KpiIds.OMBUDSMAN_FAULT_FOUND_BY_REGIME, IN_PERIOD, Unit.COUNT,
                new Breakdown(Metric.OMBUDSMAN_FAULT_BY_REGIME, regimes), "Ombudsman decisions that found fault" + byRegime);
        rule(KpiIds.OMBUDSMAN_FAULT_FOUND, Part.of(KpiIds.OMBUDSMAN_FAULT_FOUND_BY_REGIME));
        add(KpiIds.OMBUDSMAN_DETAILED_INVESTIGATIONS_BY_REGIME, IN_PERIOD, Unit.COUNT,
                new Breakdown(Metric.OMBUDSMAN_DETAILED_BY_REGIME, regimes),
                "Ombudsman decisions after a detailed investigation" + byRegime);
        rule(KpiIds.OMBUDSMAN_DETAILED_INVESTIGATIONS, Part.of(KpiIds.OMBUDSMAN_DETAILED_INVESTIGATIONS_BY_REGIME));
        add(KpiIds.OMBUDSMAN_UPHOLD_RATE_BY_REGIME, IN_PERIOD, Unit.PERCENT,
                new BreakdownRatio(KpiIds.OMBUDSMAN_FAULT_FOUND_BY_REGIME, KpiIds.OMBUDSMAN_DETAILED_INVESTIGATIONS_BY_REGIME),
                "Ombudsman uphold rate (upheld decisions as a percentage of detailed investigations)" + byRegime);
        add(KpiIds.OMBUDSMAN_REMEDIES, IN_PERIOD, Unit.PENCE,
                new Sum(Metric.OMBUDSMAN_REMEDY_PENCE, DimensionFilter.all()),
                "remedies paid on Ombudsman decisions, in pence");
        annualLetter();
        recommendations();
    }

    /**
     * Which of the council's figures that name a regime a regime counts as its own: Ombudsman cases by the regime
     * their enquiry named ({@code ombudsman.*.by_regime}) and spend by the regime of the complaint it was recorded
     * under. The one rule for every report, route and dashboard. A figure that names no regime (an enquiry of payload
     * revision 1, from before enquiries could say; a cost recorded under a reference that is no complaint) counts as
     * the children's, where the council's Ombudsman figures and costs have always been reported; the adults' and
     * corporate procedures count only what names them. So the three regimes' figures add up to the council's.
     */
    public static List<String> regimeDimensions(Regime regime) {
        return regime == Regime.CHILDREN ? List.of(regime.name(), Metric.REGIME_UNSPECIFIED) : List.of(regime.name());
    }

    /** A regime's own Ombudsman figures: the by-regime counts of the cases {@link #regimeDimensions} gives it. */
    private void ombudsmanReferrals(Regime regime) {
        String p = prefix(regime);
        DimensionFilter own = DimensionFilter.only(regimeDimensions(regime).toArray(String[]::new));
        String whose = " about " + Timescales.describe(regime) + " complaints"
                + (regime == Regime.CHILDREN ? " (with the enquiries that name no regime)" : "");
        String[][] counts = {
                {KpiIds.OMBUDSMAN_REFERRALS, Metric.OMBUDSMAN_ENQUIRIES_BY_REGIME, KpiIds.OMBUDSMAN_ENQUIRIES_BY_REGIME,
                        "new Ombudsman enquiries" + whose},
                {KpiIds.OMBUDSMAN_REFERRALS_DECISIONS, Metric.OMBUDSMAN_DECISIONS_BY_REGIME,
                        KpiIds.OMBUDSMAN_DECISIONS_BY_REGIME, "Ombudsman decisions on enquiries" + whose},
                {KpiIds.OMBUDSMAN_REFERRALS_FAULT_FOUND, Metric.OMBUDSMAN_FAULT_BY_REGIME,
                        KpiIds.OMBUDSMAN_FAULT_FOUND_BY_REGIME, "Ombudsman decisions that found fault, on enquiries" + whose},
                {KpiIds.OMBUDSMAN_REFERRALS_DETAILED, Metric.OMBUDSMAN_DETAILED_BY_REGIME,
                        KpiIds.OMBUDSMAN_DETAILED_INVESTIGATIONS_BY_REGIME,
                        "Ombudsman decisions after a detailed investigation, on enquiries" + whose}};
        for (String[] count : counts) {
            add(p + count[0], count[0].equals(KpiIds.OMBUDSMAN_REFERRALS) ? RECEIVED : IN_PERIOD, Unit.COUNT,
                    new Sum(count[1], own), count[3]);
            rule(p + count[0], new Part(count[2], own));
        }
        subset(p + KpiIds.OMBUDSMAN_REFERRALS_DECISIONS, Part.of(p + KpiIds.OMBUDSMAN_REFERRALS_FAULT_FOUND));
        subset(p + KpiIds.OMBUDSMAN_REFERRALS_DECISIONS, Part.of(p + KpiIds.OMBUDSMAN_REFERRALS_DETAILED));
        rate(p + KpiIds.rate(KpiIds.OMBUDSMAN_REFERRALS_FAULT_FOUND), IN_PERIOD, p + KpiIds.OMBUDSMAN_REFERRALS_FAULT_FOUND,
                p + KpiIds.OMBUDSMAN_REFERRALS_DECISIONS, "Ombudsman decisions that found fault, as a percentage of the"
                        + " decisions on enquiries" + whose);
        rate(p + KpiIds.OMBUDSMAN_REFERRALS_UPHOLD_RATE, IN_PERIOD, p + KpiIds.OMBUDSMAN_REFERRALS_FAULT_FOUND,
                p + KpiIds.OMBUDSMAN_REFERRALS_DETAILED, "Ombudsman uphold rate (upheld decisions as a percentage of"
                        + " detailed investigations) on enquiries" + whose);
    }

    /**
     * The figures of the Ombudsman's annual review letter that are not above: its split of the decisions (the
     * investigated ones are the detailed investigations) and the upheld cases where the council had already provided
     * a satisfactory remedy, as a share of upheld.
     */
    private void annualLetter() {
        String letter = " (the Ombudsman's annual review letter)";
        DimensionFilter assessed = outcomes(o -> o.letterSplit() == LetterSplit.ASSESSED_AND_CLOSED);
        DimensionFilter notForUs = outcomes(o -> o.letterSplit() == LetterSplit.NOT_FOR_THE_OMBUDSMAN);
        add(KpiIds.OMBUDSMAN_ASSESSED_AND_CLOSED, IN_PERIOD, Unit.COUNT, new Sum(Metric.OMBUDSMAN_DECISIONS, assessed),
                "Ombudsman decisions assessed and closed (closed after initial enquiries)" + letter);
        rule(KpiIds.OMBUDSMAN_ASSESSED_AND_CLOSED, new Part(KpiIds.OMBUDSMAN_DECISIONS_BY_OUTCOME, assessed));
        add(KpiIds.OMBUDSMAN_NOT_FOR_OMBUDSMAN, IN_PERIOD, Unit.COUNT, new Sum(Metric.OMBUDSMAN_DECISIONS, notForUs),
                "Ombudsman decisions not for the Ombudsman: advice given, incomplete or invalid, referred back for local"
                        + " resolution (premature)" + letter);
        rule(KpiIds.OMBUDSMAN_NOT_FOR_OMBUDSMAN, new Part(KpiIds.OMBUDSMAN_DECISIONS_BY_OUTCOME, notForUs));
        rule(KpiIds.OMBUDSMAN_DECISIONS, Part.of(KpiIds.OMBUDSMAN_NOT_FOR_OMBUDSMAN),
                Part.of(KpiIds.OMBUDSMAN_ASSESSED_AND_CLOSED), Part.of(KpiIds.OMBUDSMAN_DETAILED_INVESTIGATIONS));
        DimensionFilter remedied = outcomes(OmbudsmanOutcome::satisfactoryRemedyByCouncil);
        add(KpiIds.OMBUDSMAN_SATISFACTORY_REMEDY, IN_PERIOD, Unit.COUNT, new Sum(Metric.OMBUDSMAN_DECISIONS, remedied),
                "upheld Ombudsman decisions where the council had already provided a satisfactory remedy" + letter);
        rule(KpiIds.OMBUDSMAN_SATISFACTORY_REMEDY, new Part(KpiIds.OMBUDSMAN_DECISIONS_BY_OUTCOME, remedied));
        subset(KpiIds.OMBUDSMAN_FAULT_FOUND, Part.of(KpiIds.OMBUDSMAN_SATISFACTORY_REMEDY));
        rate(KpiIds.OMBUDSMAN_SATISFACTORY_REMEDY_RATE, IN_PERIOD, KpiIds.OMBUDSMAN_SATISFACTORY_REMEDY,
                KpiIds.OMBUDSMAN_FAULT_FOUND, "satisfactory remedy by the council: upheld decisions where the council had"
                        + " already put things right, as a percentage of upheld decisions" + letter);
    }

    /**
     * The Ombudsman's recommendations and the council's compliance with them: each recommendation counts once on its
     * due date, as complied with on time, late or still outstanding; compliance is the on-time share of those due.
     */
    private void recommendations() {
        add(KpiIds.OMBUDSMAN_RECOMMENDATIONS, IN_PERIOD, Unit.COUNT,
                new Sum(Metric.OMBUDSMAN_RECOMMENDATIONS, DimensionFilter.all()), "Ombudsman recommendations made");
        add("ombudsman.recommendations.by_kind", IN_PERIOD, Unit.COUNT,
                new Breakdown(Metric.OMBUDSMAN_RECOMMENDATIONS, names(RecommendationKind.values())),
                "Ombudsman recommendations made per kind of remedy");
        rule(KpiIds.OMBUDSMAN_RECOMMENDATIONS, Part.of("ombudsman.recommendations.by_kind"));
        add(KpiIds.OMBUDSMAN_RECOMMENDATIONS_DUE, DUE, Unit.COUNT,
                new Sum(Metric.OMBUDSMAN_RECOMMENDATIONS_DUE, DimensionFilter.all()),
                "Ombudsman recommendations whose due date falls in the period");
        String byStatus = "ombudsman.recommendations.due.by_status";
        add(byStatus, DUE, Unit.COUNT, new Breakdown(Metric.OMBUDSMAN_RECOMMENDATIONS_DUE,
                        List.of(Metric.ON_TIME, Metric.LATE, Metric.OUTSTANDING)),
                "Ombudsman recommendations due in the period: complied with (evidence sent) by the due date, after"
                        + " it, or not yet");
        rule(KpiIds.OMBUDSMAN_RECOMMENDATIONS_DUE, Part.of(byStatus));
        DimensionFilter onTime = DimensionFilter.only(Metric.ON_TIME);
        add(KpiIds.OMBUDSMAN_RECOMMENDATIONS_ON_TIME, DUE, Unit.COUNT,
                new Sum(Metric.OMBUDSMAN_RECOMMENDATIONS_DUE, onTime),
                "Ombudsman recommendations due in the period and complied with (evidence sent) by their due date");
        rule(KpiIds.OMBUDSMAN_RECOMMENDATIONS_ON_TIME, new Part(byStatus, onTime));
        rate(KpiIds.OMBUDSMAN_COMPLIANCE_RATE, DUE, KpiIds.OMBUDSMAN_RECOMMENDATIONS_ON_TIME,
                KpiIds.OMBUDSMAN_RECOMMENDATIONS_DUE, "compliance with Ombudsman recommendations: complied with by the"
                        + " due date, as a percentage of those due in the period (the Ombudsman's annual review letter)");
        add(KpiIds.OMBUDSMAN_RECOMMENDATIONS_PAID, IN_PERIOD, Unit.PENCE,
                new Sum(Metric.OMBUDSMAN_RECOMMENDATIONS_PAID_PENCE, DimensionFilter.all()),
                "payments the Ombudsman recommended, in pence, on the day the council complied with evidence");
    }

    private void awaiting() {
        add(KpiIds.EVENTS_AWAITING, AT_PERIOD_END, Unit.COUNT, new HeldAtEnd(Metric.AWAITING),
                "accepted events dated up to the end of the period still held aside, counted nowhere, until the event"
                        + " they follow arrives (e.g. a stage 2 response before its request); 0 when nothing is missing");
    }

    private static DimensionFilter outcomes(Predicate<OmbudsmanOutcome> which) {
        return DimensionFilter.only(Arrays.stream(OmbudsmanOutcome.values()).filter(which).map(Enum::name)
                .toArray(String[]::new));
    }

    /** The stage 1 closures that count as resolved, in the seed report's order. */
    public static List<String> resolutionDimensions() {
        List<String> dims = new ArrayList<>(names(Outcome.values()));
        dims.add(Closure.WITHDRAWN.name());
        return dims;
    }

    private static String describeBand(TimelinessBand band) {
        String days = band.key().replaceAll("\\D", "");
        return (band.withinStatutoryMaximum() ? "within " : "over ") + days + " working days";
    }

    private void add(String id, Basis basis, Unit unit, Formula formula, String definition) {
        if (adding != null && !id.startsWith(prefix(adding))) {
            throw new IllegalStateException("KPI " + id + " of " + adding + " lacks the prefix " + prefix(adding));
        }
        if (byId.putIfAbsent(id, new KpiDefinition(id, definition, basis, unit, formula, adding)) != null) {
            throw new IllegalStateException("duplicate KPI id " + id);
        }
    }

    private void rate(String id, Basis basis, String numeratorId, String denominatorId, String definition) {
        add(id, basis, Unit.PERCENT, new Ratio(numeratorId, denominatorId), definition);
    }

    private void rule(String totalId, Part... parts) {
        sumRules.add(new SumRule(totalId, List.of(parts)));
    }

    /** The parts count some of what the total counts: together they are at most the total. */
    private void subset(String totalId, Part... parts) {
        sumRules.add(new SumRule(totalId, List.of(parts), false));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static String readable(String dimension) {
        return Labels.of(dimension).toLowerCase(Locale.ROOT);
    }
}
