package io.complaintskpi.rules;

import io.complaintskpi.events.FinancialYearLabel;

import java.time.LocalDate;
import java.time.Month;

/** A local-authority financial year, 1 April to 31 March, written "2015/16" (or "2015-16", as in file names). */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

    /** The accepted spellings, for messages. */
    public static final String FORMS = "a financial year like 2015/16 or 2015-16";

    public FinancialYear {
        if (startYear < 1000 || startYear > 9998) {
            throw new IllegalArgumentException("financial year must start in a four-digit year, got " + startYear);
        }
    }

    /** The financial year a date falls in. */
    public static FinancialYear of(LocalDate date) {
        return new FinancialYear(date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
    }

    /**
     * Parses "2015/16" or "2015-16".
     *
     * @throws IllegalArgumentException when the text is not of that form or the two years do not follow
     */
    public static FinancialYear parse(String text) {
        FinancialYearLabel label = FinancialYearLabel.read(text).orElseThrow(
                () -> new IllegalArgumentException("must be " + FORMS + ", got '" + text + "'"));
        FinancialYear year = new FinancialYear(label.startYear());
        if (!label.consecutive()) {
            throw new IllegalArgumentException("financial year '" + text + "' does not name consecutive years: "
                    + "did you mean " + year.label() + "?");
        }
        return year;
    }

    /** The quarter of the financial year a date falls in: 1 = April to June ... 4 = January to March. */
    public static int quarterOf(LocalDate date) {
        return (date.getMonthValue() + 8) % 12 / 3 + 1;
    }

    public String label() {
        return String.format("%d/%02d", startYear, (startYear + 1) % 100);
    }

    /** 1 April. */
    public LocalDate start() {
        return LocalDate.of(startYear, Month.APRIL, 1);
    }

    /** 31 March, inclusive. */
    public LocalDate end() {
        return LocalDate.of(startYear + 1, Month.MARCH, 31);
    }

    public FinancialYear previous() {
        return new FinancialYear(startYear - 1);
    }

    public boolean contains(LocalDate date) {
        return of(date).equals(this);
    }

    @Override
    public int compareTo(FinancialYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return label();
    }
}
