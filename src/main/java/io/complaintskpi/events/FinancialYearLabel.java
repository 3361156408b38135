package io.complaintskpi.events;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a financial year is written, in the contract and everywhere else: its first calendar year, a slash
 * (or a dash, as in file names) and the next year's last two digits, "2015/16". The one home of that
 * spelling and of its rule that the two years follow each other; {@code rules.FinancialYear} reads
 * through it.
 */
public record FinancialYearLabel(int startYear, int endYearDigits) {

    private static final Pattern LABEL = Pattern.compile("(\\d{4})[/-](\\d{2})");

    /** The two parts of {@code text}, or empty when it is not of the form (the years may not follow). */
    public static Optional<FinancialYearLabel> read(String text) {
        Matcher matcher = LABEL.matcher(text == null ? "" : text.trim());
        return matcher.matches()
                ? Optional.of(new FinancialYearLabel(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))))
                : Optional.empty();
    }

    /** Whether the second year follows the first (2015/16 and 1999/00 do, 2015/17 does not). */
    public boolean consecutive() {
        return (startYear + 1) % 100 == endYearDigits;
    }
}
