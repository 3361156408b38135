package io.complaintskpi.disclosure;

import io.complaintskpi.catalogue.KpiDefinition;
import io.complaintskpi.figures.Change;
import io.complaintskpi.figures.PerResidents;
import io.complaintskpi.figures.Rate;

import java.math.BigDecimal;
import java.util.OptionalLong;

/**
 * One cell of a published table: a label, a number with its display text, or a symbol standing in for
 * one (DfE conventions): {@code c} suppressed small count, {@code z} not applicable (no denominator),
 * {@code k} a rate that rounds to 0.0% but is not zero, {@code x} not available (not recorded for the
 * period, which is not the same as 0). {@code value} is the exact number behind the
 * text (counts, pence for money, percent or percentage points); null for labels and symbols.
 */
public record Cell(Kind kind, String text, BigDecimal value) {

    public enum Kind { LABEL, COUNT, MONEY, PERCENT, PER_RESIDENTS, CHANGE, SUPPRESSED, NOT_APPLICABLE, ROUNDS_TO_ZERO,
        NOT_AVAILABLE }

    public static final String SUPPRESSED = "c";
    public static final String NOT_APPLICABLE = "z";
    public static final String ROUNDS_TO_ZERO = "k";
    public static final String NOT_AVAILABLE = "x";

    public static Cell label(String text) {
        return new Cell(Kind.LABEL, text, null);
    }

    public static Cell count(long count) {
        return new Cell(Kind.COUNT, Long.toString(count), BigDecimal.valueOf(count));
    }

    /** Money from exact pence: "£12,100", or "£12,100.05" when there are pence. */
    public static Cell money(long pence) {
        return new Cell(Kind.MONEY, pounds(pence), BigDecimal.valueOf(pence));
    }

    /** A rate: its percentage to one decimal place, {@code z} without a denominator, {@code k} if it rounds to 0. */
    public static Cell percent(Rate rate) {
        if (!rate.defined()) {
            return notApplicable();
        }
        if (rate.roundsToZero()) {
            return new Cell(Kind.ROUNDS_TO_ZERO, ROUNDS_TO_ZERO, null);
        }
        return new Cell(Kind.PERCENT, rate.percent().toPlainString() + "%", rate.percent());
    }

    /** A percentage published elsewhere (the Ombudsman's average), exactly as given: "77%", "76.5%". */
    public static Cell percent(BigDecimal percent) {
        return new Cell(Kind.PERCENT, percent.toPlainString() + "%", percent);
    }

    /**
     * A count per 100,000 residents ("12.5"): hidden with the count it is worked out from (a reader who knows the
     * population would recover it), {@code x} while the population is not known.
     */
    public static Cell perResidents(Cell count, OptionalLong residents) {
        if (count.kind() == Kind.SUPPRESSED) {
            return suppressed();
        }
        if (residents.isEmpty() || count.value() == null) {
            return notAvailable();
        }
        BigDecimal per100k = PerResidents.of(count.value().longValueExact(), residents.getAsLong()).per100k();
        return new Cell(Kind.PER_RESIDENTS, per100k.toPlainString(), per100k);
    }

    /** The change of a figure: "+8" (counts), "+£1,000" (money) or "-2.5 pp" (rates, percentage points). */
    public static Cell change(Change change, KpiDefinition.Unit unit) {
        BigDecimal absolute = change.absolute();
        if (absolute == null) {
            return notApplicable();
        }
        String sign = absolute.signum() > 0 ? "+" : "";
        String text = switch (unit) {
            case COUNT -> sign + absolute.toPlainString();
            case PENCE -> sign + pounds(absolute.longValueExact());
            case PERCENT -> sign + absolute.toPlainString() + " pp";
        };
        return new Cell(Kind.CHANGE, text, absolute);
    }

    /** The change as a percentage of the prior value: "+14.0%", {@code z} when the prior value is 0. */
    public static Cell percentChange(Change change) {
        BigDecimal percent = change.percent();
        if (percent == null) {
            return notApplicable();
        }
        return new Cell(Kind.CHANGE, (percent.signum() > 0 ? "+" : "") + percent.toPlainString() + "%", percent);
    }

    public static Cell suppressed() {
        return new Cell(Kind.SUPPRESSED, SUPPRESSED, null);
    }

    public static Cell notApplicable() {
        return new Cell(Kind.NOT_APPLICABLE, NOT_APPLICABLE, null);
    }

    public static Cell notAvailable() {
        return new Cell(Kind.NOT_AVAILABLE, NOT_AVAILABLE, null);
    }

    /** Everything but labels is a number or stands for one, so it is right-aligned. */
    public boolean numeric() {
        return kind != Kind.LABEL;
    }

    /** "£12,100.05": grouped by hand, as String.format builds a NumberFormat at every call (a /kpis hot spot). */
    private static String pounds(long pence) {
        long abs = Math.abs(pence);
        String digits = Long.toString(abs / 100);
        StringBuilder text = new StringBuilder(digits.length() + 8);
        if (pence < 0) {
            text.append('-');
        }
        text.append('£');
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                text.append(',');
            }
            text.append(digits.charAt(i));
        }
        if (abs % 100 != 0) {
            text.append('.').append(abs % 100 < 10 ? "0" : "").append(abs % 100);
        }
        return text.toString();
    }
}
