package io.complaintskpi.figures;

import io.complaintskpi.authorities.Authorities;
import io.complaintskpi.authorities.Authority;
import io.complaintskpi.authorities.OmbudsmanAverage;
import io.complaintskpi.catalogue.KpiIds;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One authority's rates beside those of the authorities of its council type and of its region that this
 * deployment holds (reference data and figures): each group's count, quartiles, median and mean
 * ({@link Quartiles}) and the authority's quarter; and beside the average the Ombudsman published for its council
 * type, where the reference data holds one. A group statistic is given only for a group of at least the
 * minimum (the {@code benchmark.min-group-size} setting); no other authority is ever named.
 */
public final class Benchmarks {

    /** What is compared: a rate of the catalogue (percent) or a count per population. */
    public record Indicator(String id, String label, String unit) {
    }

    public static final List<Indicator> INDICATORS = List.of(
            new Indicator("stage1.timeliness.within10.rate", "stage 1 responses within 10 working days", "percent"),
            new Indicator("stage1.timeliness.within20.rate", "stage 1 responses within 20 working days", "percent"),
            new Indicator("stage2.timeliness.within25.rate", "stage 2 responses within 25 working days", "percent"),
            new Indicator("stage1.upheld.rate", "stage 1 complaints upheld (totally or partly)", "percent"),
            new Indicator(KpiIds.ESCALATION_RATE, "stage 1 complaints escalated to stage 2", "percent"),
            new Indicator(KpiIds.OMBUDSMAN_UPHOLD_RATE, "Ombudsman uphold rate (of detailed investigations)",
                    "percent"),
            new Indicator("stage1.received.per_10k_children", "stage 1 complaints per 10,000 children",
                    "per 10,000 children"),
            new Indicator("ombudsman.decisions.per_100k_residents", "Ombudsman decisions per 100,000 residents",
                    "per 100,000 residents"));

    /** One group's statistics: null when it holds fewer authorities with a value than the minimum. */
    public record Group(String name, int authorities, Quartiles statistics, Integer quartile) {
    }

    /**
     * The average the Ombudsman published for the authority's council type and the year (reference data), with
     * where it was published and the authority's value less it (null when the authority has no value).
     */
    public record PublishedAverage(BigDecimal percent, BigDecimal difference, String source, String url,
                                   int published) {
    }

    /**
     * One indicator: the authority's value (null: none for the year) beside its two groups and, where the
     * reference data holds one, the Ombudsman's published average (null: none).
     */
    public record Row(Indicator indicator, BigDecimal value, Group councilType, Group region,
                      PublishedAverage ombudsmanAverage) {
    }

    /** The comparison, or empty when the reference data does not hold the authority. */
    public record Comparison(String authority, String name, String councilType, String region, String year,
                             int minimumGroup, List<Row> rows) {
    }

    private Benchmarks() {
    }

    /**
     * {@code authority} for {@code year} beside the authorities of {@code withData} (those holding figures) that the
     * reference data places in its groups.
     */
    public static Optional<Comparison> compare(String authority, FinancialYear year, KpiEvaluator catalogue,
                                               Authorities reference, List<String> withData, int minimumGroup) {
        Optional<Authority> subject = reference.authority(authority);
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        List<Authority> peers = withData.stream().map(reference::authority).flatMap(Optional::stream).toList();
        for (Authority each : peers) {
            if (each.councilType() == subject.get().councilType() || each.region().equals(subject.get().region())) {
                values.put(each.code(), values(catalogue, each, year));
            }
        }
        values.computeIfAbsent(authority, code -> values(catalogue, subject.get(), year));
        List<Row> rows = new ArrayList<>();
        for (Indicator indicator : INDICATORS) {
            BigDecimal own = values.get(authority).get(indicator.id());
            rows.add(new Row(indicator, own,
                    group(subject.get().councilType().label(), peers, values, indicator, own, minimumGroup,
                            a -> a.councilType() == subject.get().councilType()),
                    group(subject.get().region(), peers, values, indicator, own, minimumGroup,
                            a -> a.region().equals(subject.get().region())),
                    publishedAverage(reference, subject.get(), year, indicator, own)));
        }
        return Optional.of(new Comparison(authority, subject.get().name(), subject.get().councilType().code(),
                subject.get().region(), year.label(), minimumGroup, rows));
    }

    private static Group group(String name, List<Authority> peers, Map<String, Map<String, BigDecimal>> values,
                               Indicator indicator, BigDecimal own, int minimum, Predicate<Authority> member) {
        List<BigDecimal> members = peers.stream().filter(member).map(a -> values.get(a.code()).get(indicator.id()))
                .filter(v -> v != null).toList();
        Optional<Quartiles> stats = Quartiles.of(members, minimum);
        return new Group(name, members.size(), stats.orElse(null),
                own == null ? null : stats.map(s -> s.quartileOf(own)).orElse(null));
    }

    private static PublishedAverage publishedAverage(Authorities reference, Authority subject, FinancialYear year,
                                                     Indicator indicator, BigDecimal own) {
        return OmbudsmanAverage.Measure.ofKpi(indicator.id())
                .flatMap(measure -> reference.average(subject.councilType(), year, measure))
                .map(average -> new PublishedAverage(average.percent(),
                        own == null ? null : own.subtract(average.percent()), average.source().title(),
                        average.source().url(), average.source().year()))
                .orElse(null);
    }

    /** Every indicator of one authority for the year: null where it has no value (no denominator, no population). */
    static Map<String, BigDecimal> values(KpiEvaluator catalogue, Authority authority, FinancialYear year) {
        KpiSnapshot snapshot = catalogue.snapshot(authority.code(), Period.financialYear(year));
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Function<String, Long> count = id -> snapshot.find(id, null).map(Figure::count).orElse(null);
        for (Indicator indicator : INDICATORS) {
            BigDecimal value = switch (indicator.id()) {
                case "stage1.received.per_10k_children" -> perPopulation(count.apply("stage1.received"),
                        p -> PopulationRate.perChildren(p, authority.population(year)));
                case "ombudsman.decisions.per_100k_residents" -> perPopulation(count.apply(KpiIds.OMBUDSMAN_DECISIONS),
                        p -> PopulationRate.perResidents(p, authority.population(year)));
                default -> snapshot.find(indicator.id(), null).map(Figure::rate).map(Rate::percent).orElse(null);
            };
            values.put(indicator.id(), value);
        }
        return values;
    }

    private static BigDecimal perPopulation(Long count, Function<Long, Optional<PopulationRate>> rate) {
        return count == null ? null : rate.apply(count).map(PopulationRate::value).orElse(null);
    }
}
