package io.complaintskpi.disclosure;

import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;

import java.time.LocalDate;

/**
 * The one home of what may be published: every public figure of an authority for a financial year is a cell
 * of that year's one suppressed snapshot ({@link Disclosure#disclose}, primary and secondary suppression over
 * every declared relation), whichever route shows it, and only a closed year is published. So no cell hidden
 * in one output stands in another, and a year's figures do not move under a reader sampling them day by day
 * (a late event for a closed year still revises them, as a revised publication would: docs/security.md).
 */
public final class PublicSnapshot {

    private PublicSnapshot() {
    }

    /** A year ends on 31 March; it is closed, and may be published, from 1 April. */
    public static boolean closed(FinancialYear year, LocalDate today) {
        return year.end().isBefore(today);
    }

    /** The newest closed year: the one public outputs show when none is asked for. */
    public static FinancialYear latestClosed(LocalDate today) {
        return FinancialYear.of(today).previous();
    }

    /** Why a year cannot be published, or null when it can. */
    public static String refusal(FinancialYear year, LocalDate today) {
        return closed(year, today) ? null : "public figures are given for closed financial years only: " + year.label()
                + " ends on " + year.end() + ", and counts of an unfinished year sampled day by day would date single"
                + " complaints; the newest closed year is " + latestClosed(today).label();
    }

    /** The year's public cells, each beside the prior year's (itself that year's own public snapshot). */
    public static DisclosedSnapshot of(KpiEvaluator catalogue, String authority, FinancialYear year, LocalDate today) {
        String refusal = refusal(year, today);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        return Disclosure.disclose(catalogue.snapshot(authority, Period.financialYear(year)), true);
    }

    /** A published cell as JSON shows it: the count, or its symbol ({@code c}, {@code x}, ...). */
    public static Object value(Cell cell) {
        return cell.kind() == Cell.Kind.COUNT ? (Object) cell.value().longValueExact() : cell.text();
    }
}
