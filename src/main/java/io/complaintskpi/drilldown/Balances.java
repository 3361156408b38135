package io.complaintskpi.drilldown;

import io.complaintskpi.catalogue.Formula;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.series.ContributorKey;
import io.complaintskpi.series.KpiKey;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The keys behind a balance at a period's end ({@link Formula.OpenAtEnd}, {@link Formula.HeldAtEnd}). The figure
 * at the end of day D adds up, over every key, what the key put in the {@code in} series up to D less what it put
 * in the {@code out} series up to D. Worked out from a key's contributions (the map the figures add up), that net
 * is a step function of D; a span is a run of days over which it stays the same and is not 0. The contributor
 * index files each span as {@code authority|at-end:<in>|<day it ends, or "open">|<first day>|reference}, so the
 * keys in the balance at the end of D are the spans that end after D and start by D: one range scan from D + 1,
 * and each key's amount there is its net, which is why a list adds up to its figure.
 */
public final class Balances {

    /** What a span's end reads while the key is still in the balance: sorts after every date. */
    public static final String OPEN = "open";
    private static final String PREFIX = "at-end:";

    /** A balance: what comes in, and what goes out (null when nothing does: held until it leaves the series). */
    public record Balance(String in, String out) {
        public Balance {
            Objects.requireNonNull(in, "in");
        }

        /** The metric its spans are filed under in the contributor index: never one of the figures' metrics. */
        public String spanMetric() {
            return PREFIX + in;
        }
    }

    /** Every balance of the catalogue, once each. */
    private static final List<Balance> ALL = KpiDefinitions.all().stream()
            .map(kpi -> of(kpi.formula())).flatMap(Optional::stream).distinct().toList();

    private Balances() {
    }

    /** The balance a formula is, if it is one. */
    public static Optional<Balance> of(Formula formula) {
        if (formula instanceof Formula.OpenAtEnd open) {
            return Optional.of(new Balance(open.receivedMetric(), open.closedMetric()));
        }
        if (formula instanceof Formula.HeldAtEnd held) {
            return Optional.of(new Balance(held.metric(), null));
        }
        return Optional.empty();
    }

    /** Whether a change to these buckets can move a span of any balance. */
    public static boolean moves(Collection<KpiKey> buckets) {
        return buckets.stream().anyMatch(b -> ALL.stream().anyMatch(
                balance -> b.metric().equals(balance.in()) || b.metric().equals(balance.out())));
    }

    /** The spans of one key, from everything it contributes, with the key's net over each span. */
    public static Map<ContributorKey, Long> spans(String reference, Map<KpiKey, Long> contributions) {
        Map<ContributorKey, Long> spans = new HashMap<>();
        for (Balance balance : ALL) {
            Map<String, TreeMap<LocalDate, Long>> changes = new HashMap<>();
            contributions.forEach((bucket, amount) -> {
                long sign = bucket.metric().equals(balance.in()) ? 1 : bucket.metric().equals(balance.out()) ? -1 : 0;
                if (sign != 0 && amount != 0) {
                    changes.computeIfAbsent(bucket.authority(), a -> new TreeMap<>())
                            .merge(bucket.date(), sign * amount, Long::sum);
                }
            });
            changes.forEach((authority, days) -> {
                long net = 0;
                LocalDate since = null;
                for (Map.Entry<LocalDate, Long> day : days.entrySet()) {
                    if (day.getValue() == 0) {
                        continue; // in and out on the same day: the net does not change
                    }
                    if (net != 0) {
                        spans.put(span(authority, balance, since, day.getKey().toString(), reference), net);
                    }
                    net += day.getValue();
                    since = day.getKey();
                }
                if (net != 0) {
                    spans.put(span(authority, balance, since, OPEN, reference), net);
                }
            });
        }
        return spans;
    }

    private static ContributorKey span(String authority, Balance balance, LocalDate from, String until,
                                       String reference) {
        return new ContributorKey(new KpiKey(authority, balance.spanMetric(), until, from), reference);
    }

    /** The lowest key of the spans that end after {@code day}: a balance's list at {@code day} is read from here. */
    public static String endingAfter(String authority, String spanMetric, LocalDate day) {
        return KpiKey.prefix(authority, spanMetric) + day.plusDays(1);
    }

    /** Above every span of a balance: closes the range {@link #endingAfter} opens. */
    public static String last(String authority, String spanMetric) {
        return KpiKey.pastPrefix(KpiKey.prefix(authority, spanMetric));
    }

    /** Whether a span counts in its balance at the end of {@code day}: it starts by then and ends after. */
    public static boolean holdsAt(ContributorKey span, LocalDate day) {
        String until = span.bucket().dimension();
        return !span.bucket().date().isAfter(day)
                && (until.equals(OPEN) || LocalDate.parse(until).isAfter(day));
    }
}
