package io.complaintskpi.figures;

import io.complaintskpi.catalogue.DimensionFilter;
import io.complaintskpi.catalogue.Formula;
import io.complaintskpi.catalogue.KpiDefinition;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.catalogue.KpiIds;
import io.complaintskpi.catalogue.KpiIds.StageFigure;
import io.complaintskpi.series.SeriesReader;

import io.complaintskpi.events.CostCategory;
import io.complaintskpi.events.Regime;
import io.complaintskpi.catalogue.Formula.Breakdown;
import io.complaintskpi.catalogue.Formula.BreakdownRatio;
import io.complaintskpi.catalogue.Formula.OpenAtEnd;
import io.complaintskpi.catalogue.Formula.Ratio;
import io.complaintskpi.catalogue.Formula.Sum;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import io.complaintskpi.rules.Timescales;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The KPI catalogue ({@link KpiDefinitions}) worked out from the daily buckets: every figure of an
 * authority for a period beside the prior period, single rates, rolling windows, time series of counts
 * and rates for dashboards and the three-year cost table. Rates are computed here, at query time, from
 * their counts.
 */
public final class KpiEvaluator {

    /** The rolling windows dashboards show (timeliness rates, the period lists), in days. */
    public static final List<Integer> ROLLING_WINDOWS = List.of(30, 90, 365);

    private final SeriesReader reader;

    public KpiEvaluator(SeriesReader reader) {
        this.reader = reader;
    }

    /** Every KPI for the period, with {@link Period#previous()} beside it and the change between them. */
    public KpiSnapshot snapshot(String authority, Period period) {
        return batched(authority, List.of("snapshot", period), c -> c.evaluateSnapshot(authority, period));
    }

    private KpiSnapshot evaluateSnapshot(String authority, Period period) {
        Period priorPeriod = period.previous();
        Evaluation current = new Evaluation(reader, authority, period);
        Evaluation prior = new Evaluation(reader, authority, priorPeriod);
        List<Figure> figures = new ArrayList<>();
        for (KpiDefinition kpi : KpiDefinitions.all()) {
            String id = kpi.id();
            if (kpi.formula() instanceof Breakdown) {
                for (String d : dimensions(id, current, prior)) {
                    figures.add(Figure.ofCounts(id, d, kpi.unit(), current.breakdown(id).getOrDefault(d, 0L),
                            prior.breakdown(id).getOrDefault(d, 0L)));
                }
            } else if (kpi.formula() instanceof BreakdownRatio ratio) {
                for (String d : dimensions(ratio.denominatorId(), current, prior)) {
                    figures.add(Figure.ofRates(id, d, current.rate(id, d), prior.rate(id, d)));
                }
            } else if (kpi.formula() instanceof Ratio) {
                figures.add(Figure.ofRates(id, null, current.rate(id), prior.rate(id)));
            } else {
                figures.add(Figure.ofCounts(id, null, kpi.unit(), current.recorded(kpi), prior.recorded(kpi)));
            }
        }
        return new KpiSnapshot(authority, period, priorPeriod, figures);
    }

    /** The complaints of each stage of a regime open at the end of {@code day}: its stageN.open KPIs on that day. */
    public SortedMap<Integer, Long> openByStage(String authority, Regime regime, LocalDate day) {
        return batched(authority, List.of("openByStage", regime, day),
                c -> c.evaluateOpenByStage(authority, regime, day));
    }

    private SortedMap<Integer, Long> evaluateOpenByStage(String authority, Regime regime, LocalDate day) {
        SortedMap<Integer, Long> open = new TreeMap<>();
        for (int stage = 1; stage <= Timescales.stages(regime); stage++) {
            OpenAtEnd formula = (OpenAtEnd) stageKpi(regime, stage, StageFigure.OPEN).formula();
            open.put(stage, formula.at(reader, authority, day));
        }
        return open;
    }

    /**
     * The stageN.received KPIs of a regime per financial year: every year from the first with a receipt at any
     * stage to the one {@code to} falls in (that one alone when there is none), every stage, zeros included.
     */
    public List<ReceivedInYear> receivedByYear(String authority, Regime regime, LocalDate to) {
        FinancialYear last = FinancialYear.of(to);
        FinancialYear first = last;
        List<Map<FinancialYear, Long>> byStage = new ArrayList<>();
        for (int stage = 1; stage <= Timescales.stages(regime); stage++) {
            Sum received = (Sum) stageKpi(regime, stage, StageFigure.RECEIVED).formula();
            TreeMap<FinancialYear, Long> byYear = new TreeMap<>();
            TimeSeries.daily(reader, authority, received, OpenAtEnd.BEGINNING, to)
                    .forEach((day, n) -> byYear.merge(FinancialYear.of(day), n, Long::sum));
            byStage.add(byYear);
            if (!byYear.isEmpty() && byYear.firstKey().compareTo(first) < 0) {
                first = byYear.firstKey();
            }
        }
        List<ReceivedInYear> rows = new ArrayList<>();
        for (FinancialYear year = first; year.compareTo(last) <= 0; year = new FinancialYear(year.startYear() + 1)) {
            for (int stage = 1; stage <= byStage.size(); stage++) {
                rows.add(new ReceivedInYear(year.label(), stage, byStage.get(stage - 1).getOrDefault(year, 0L)));
            }
        }
        return rows;
    }

    /**
     * The dimensions of a broken-down KPI (or of a rate per dimension): its listed ones and every one the
     * authority's data holds up to {@code to}; empty for a KPI without dimensions.
     */
    public Optional<Set<String>> dimensions(String authority, String kpiId, LocalDate to) {
        Formula formula = KpiDefinitions.require(kpiId).formula();
        if (formula instanceof BreakdownRatio ratio) {
            formula = KpiDefinitions.require(ratio.numeratorId()).formula();
        }
        if (!(formula instanceof Breakdown breakdown)) {
            return Optional.empty();
        }
        Set<String> known = new TreeSet<>(breakdown.order());
        known.addAll(reader.sumByDimension(authority, breakdown.metric(), OpenAtEnd.BEGINNING, to).keySet());
        return Optional.of(known);
    }

    /** The service areas of the authority's complaints received up to {@code to}, both regimes. */
    public Set<String> serviceAreas(String authority, LocalDate to) {
        Set<String> areas = new TreeSet<>();
        for (Regime regime : Regime.values()) {
            dimensions(authority, KpiIds.receivedByServiceArea(regime), to)
                    .ifPresent(areas::addAll);
        }
        return areas;
    }

    /** The first financial year, up to {@code to}, with a complaint received under either regime (empty: none). */
    public Optional<FinancialYear> firstYearReceived(String authority, LocalDate to) {
        Optional<LocalDate> first = Optional.empty();
        for (Regime regime : Regime.values()) {
            Sum received = (Sum) stageKpi(regime, 1, StageFigure.RECEIVED).formula();
            TreeMap<LocalDate, Long> days = TimeSeries.daily(reader, authority, received, OpenAtEnd.BEGINNING, to);
            if (!days.isEmpty() && (first.isEmpty() || days.firstKey().isBefore(first.get()))) {
                first = Optional.of(days.firstKey());
            }
        }
        return first.map(FinancialYear::of);
    }

    /** Complaints (stage 1) or escalations (stages 2, 3) received in one financial year. */
    public record ReceivedInYear(String year, int stage, long received) {
    }

    private static KpiDefinition stageKpi(Regime regime, int stage, StageFigure figure) {
        return KpiDefinitions.require(KpiIds.stage(regime, stage, figure));
    }

    /** One single-figure rate KPI over a period. */
    public Rate rate(String authority, String rateId, Period period) {
        return batched(authority, List.of("rate", rateId, period), c -> c.evaluateRate(authority, rateId, period));
    }

    private Rate evaluateRate(String authority, String rateId, Period period) {
        return new Evaluation(reader, authority, period).rate(rateId);
    }

    /** Every timeliness and acknowledgement rate over the last 30, 90 and 365 days ending on {@code end}. */
    public List<WindowRate> rollingTimeliness(String authority, LocalDate end) {
        return batched(authority, List.of("rollingTimeliness", end),
                c -> c.evaluateRollingTimeliness(authority, end));
    }

    private List<WindowRate> evaluateRollingTimeliness(String authority, LocalDate end) {
        List<WindowRate> rates = new ArrayList<>();
        for (int days : ROLLING_WINDOWS) {
            Evaluation window = new Evaluation(reader, authority, Period.rolling(end, days));
            for (KpiDefinition kpi : KpiDefinitions.all()) {
                if (kpi.formula() instanceof Ratio && isTimeliness(kpi.id())) {
                    rates.add(new WindowRate(kpi.id(), days, end, window.rate(kpi.id())));
                }
            }
        }
        return rates;
    }

    /**
     * A count KPI per day, week or month of the period, zeros included. {@code dimension} picks one
     * dimension of a broken-down KPI (null: all of them). Open-at-end KPIs give the value at each
     * bucket's end.
     *
     * @throws IllegalArgumentException for rates (see {@link #rateSeries}), context figures and unknown ids
     */
    public List<Point> series(String authority, String kpiId, String dimension, Period period,
                              Granularity granularity) {
        Formula formula = KpiDefinitions.require(kpiId).formula();
        if (formula instanceof OpenAtEnd open) {
            return TimeSeries.balance(reader, authority, open, period, granularity);
        }
        if (formula instanceof Ratio || formula instanceof BreakdownRatio) {
            throw new IllegalArgumentException("KPI '" + kpiId + "' is a rate: use rateSeries");
        }
        Sum daily = dailyCount(kpiId, dimension).orElseThrow(() -> new IllegalArgumentException(
                "KPI '" + kpiId + "' has no time series: it is not a daily count"));
        return TimeSeries.sum(reader, authority, daily.metric(), daily.filter(), period, granularity);
    }

    /**
     * A rate KPI per day, week or month of the period: each bucket's numerator and denominator over the
     * bucket's own days and their percentage (null when the denominator is 0). {@code dimension} picks one
     * dimension of a rate per dimension (null: all of them added up).
     *
     * @throws IllegalArgumentException for counts, rates of a yearly context figure and unknown ids
     */
    public List<RatePoint> rateSeries(String authority, String rateId, String dimension, Period period,
                                      Granularity granularity) {
        return rateSeries(authority, rateId, dimension, period, granularity, TimeSeries.Bucket::from);
    }

    /**
     * As {@link #rateSeries}, but each bucket's rate is over the {@code days} days ending on the bucket's
     * last day (or the period's last day), looking back before the period where needed: a rolling rate
     * sampled once per bucket.
     *
     * @throws IllegalArgumentException also when {@code days} is not 1 to {@value Period#MAX_ROLLING_DAYS}
     */
    public List<RatePoint> rollingRateSeries(String authority, String rateId, String dimension, Period period,
                                             Granularity granularity, int days) {
        if (days < 1 || days > Period.MAX_ROLLING_DAYS) {
            throw new IllegalArgumentException("a rolling window must be 1 to " + Period.MAX_ROLLING_DAYS
                    + " days, got " + days);
        }
        return rateSeries(authority, rateId, dimension, period, granularity, b -> b.to().minusDays(days - 1L));
    }

    private List<RatePoint> rateSeries(String authority, String rateId, String dimension, Period period,
                                       Granularity granularity, Function<TimeSeries.Bucket, LocalDate> firstDay) {
        Formula formula = KpiDefinitions.require(rateId).formula();
        List<String> counts;
        if (formula instanceof Ratio ratio) {
            counts = List.of(ratio.numeratorId(), ratio.denominatorId());
        } else if (formula instanceof BreakdownRatio ratio) {
            counts = List.of(ratio.numeratorId(), ratio.denominatorId());
        } else {
            throw new IllegalArgumentException("KPI '" + rateId + "' is not a rate: use series");
        }
        List<Sum> daily = counts.stream().map(id -> dailyCount(id, dimension).orElseThrow(() ->
                new IllegalArgumentException("rate '" + rateId + "' has no time series: '" + id
                        + "' is not a daily count"))).toList();
        return TimeSeries.rate(reader, authority, daily.get(0), daily.get(1), period, granularity, firstDay);
    }

    /** The days' amounts a count KPI adds up, when it is a sum of days (not a balance or a yearly figure). */
    private static Optional<Sum> dailyCount(String countId, String dimension) {
        Formula formula = KpiDefinitions.require(countId).formula();
        if (formula instanceof Sum sum) {
            return Optional.of(sum);
        }
        if (formula instanceof Breakdown breakdown) {
            return Optional.of(new Sum(breakdown.metric(),
                    dimension == null ? DimensionFilter.all() : DimensionFilter.only(dimension)));
        }
        return Optional.empty();
    }

    /** A stored series as it is (one dimension, or all of them when {@code dimension} is null). */
    public List<Point> metricSeries(String authority, String metric, String dimension, Period period,
                                    Granularity granularity) {
        DimensionFilter filter = dimension == null ? DimensionFilter.all() : DimensionFilter.only(dimension);
        return TimeSeries.sum(reader, authority, metric, filter, period, granularity);
    }

    /** Spend per category for {@code years} financial years ending with {@code last} (table 8: three). */
    public CostTable costs(String authority, FinancialYear last, int years) {
        return batched(authority, List.of("costs", last, years), c -> c.evaluateCosts(authority, last, years));
    }

    private CostTable evaluateCosts(String authority, FinancialYear last, int years) {
        List<FinancialYear> span = new ArrayList<>();
        for (int back = years - 1; back >= 0; back--) {
            span.add(new FinancialYear(last.startYear() - back));
        }
        List<Evaluation> evaluations = span.stream()
                .map(year -> new Evaluation(reader, authority, Period.financialYear(year))).toList();
        List<CostTable.Line> lines = new ArrayList<>();
        for (CostCategory category : CostCategory.values()) {
            String id = KpiIds.cost(category);
            lines.add(new CostTable.Line(category.name(), evaluations.stream().map(e -> e.count(id)).toList()));
        }
        CostTable.Line total = new CostTable.Line("TOTAL",
                evaluations.stream().map(e -> e.count(KpiIds.COSTS_TOTAL)).toList());
        return new CostTable(span, lines, total);
    }

    /**
     * Runs a query with every sum it needs read in one batch (one call per instance, not one per metric).
     * {@code shape}: the query's name and arguments but the authority, under which what it asks is noted once.
     */
    private <T> T batched(String authority, List<Object> shape, Function<KpiEvaluator, T> query) {
        return PrefetchedSeries.batched(reader, authority, shape, r -> query.apply(new KpiEvaluator(r)));
    }

    private static boolean isTimeliness(String id) {
        return id.contains(".timeliness.") || id.contains(".acknowledgement.");
    }

    /** Every known dimension, 0 included (zeros are shown), and every one either period holds. */
    private static List<String> dimensions(String breakdownId, Evaluation current, Evaluation prior) {
        Breakdown breakdown = (Breakdown) KpiDefinitions.require(breakdownId).formula();
        List<String> dimensions = new ArrayList<>(breakdown.order());
        dimensions.addAll(current.breakdown(breakdownId).keySet());
        dimensions.addAll(prior.breakdown(breakdownId).keySet());
        return breakdown.sorted(dimensions);
    }
}
