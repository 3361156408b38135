package io.complaintskpi.catalogue;

import io.complaintskpi.series.SeriesReader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** How a KPI is worked out from the daily buckets (or, for rates, from two other KPIs). */
public sealed interface Formula {

    /** One count: the sum of a series' chosen dimensions over the period. */
    record Sum(String metric, DimensionFilter filter) implements Formula {
    }

    /**
     * One count per dimension of a series over the period. {@code order} lists known dimensions in the
     * order they are shown; any other dimension (e.g. a configured service area) follows alphabetically.
     */
    record Breakdown(String metric, List<String> order) implements Formula {
        public Breakdown {
            order = List.copyOf(order);
        }

        public Comparator<String> dimensionOrder() {
            return Comparator.<String>comparingInt(d -> order.contains(d) ? order.indexOf(d) : order.size())
                    .thenComparing(Comparator.naturalOrder());
        }

        /**
         * {@code dimensions} in {@link #dimensionOrder()}, each once: the known ones in their order, then the
         * others alphabetically (without a comparator that looks each one up in {@code order} at every comparison).
         */
        public List<String> sorted(Collection<String> dimensions) {
            Set<String> left = new HashSet<>(dimensions);
            List<String> sorted = new ArrayList<>(left.size());
            for (String known : order) {
                if (left.remove(known)) {
                    sorted.add(known);
                }
            }
            left.stream().sorted().forEach(sorted::add);
            return sorted;
        }
    }

    /** Open at the period's last day: everything received up to then minus everything closed up to then. */
    record OpenAtEnd(String receivedMetric, String closedMetric) implements Formula {

        /**
         * Where "all time" starts; before any complaint the service can hold. The start of a financial year, so
         * an all-time sum to a year's end is whole years (one roll-up range, {@link RollupGrain}).
         */
        public static final LocalDate BEGINNING = LocalDate.of(1900, 4, 1);

        /** The one definition of "open at the end of {@code day}", for every route, report and series. */
        public long at(SeriesReader reader, String authority, LocalDate day) {
            return reader.sum(authority, receivedMetric, BEGINNING, day)
                    - reader.sum(authority, closedMetric, BEGINNING, day);
        }
    }

    /**
     * What a series holds now, dated up to the period's last day: a present state (events still held aside),
     * not a flow, so every earlier day counts and the period's first day does not bound it.
     */
    record HeldAtEnd(String metric) implements Formula {

        public long at(SeriesReader reader, String authority, LocalDate day) {
            return reader.sum(authority, metric, OpenAtEnd.BEGINNING, day);
        }
    }

    /** A context figure of the financial year the period starts in (stored at that year's 1 April). */
    record YearFigure(String dimension) implements Formula {
    }

    /** A rate from two single-count KPIs. */
    record Ratio(String numeratorId, String denominatorId) implements Formula {
    }

    /** A rate per dimension from two breakdown KPIs of the same dimensions. */
    record BreakdownRatio(String numeratorId, String denominatorId) implements Formula {
    }
}
