package io.complaintskpi.importing;

import io.complaintskpi.events.EventEnvelope;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The spellings of dates, times, booleans and enum values a case system's export uses, read into the contract's
 * forms. A value none of them reads is passed on as written, so the contract's own validation names what is wrong
 * with it (there is no second set of rules here).
 */
final class CellValues {

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");
    private static final List<DateTimeFormatter> UK_DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("d/M/uuuu H:mm:ss"), DateTimeFormatter.ofPattern("d/M/uuuu H:mm"));

    private CellValues() {
    }

    /**
     * An {@code occurredAt}: an RFC 3339 date-time as it is; a date (2015-06-01 or 01/06/2015) as the start of that
     * day in Europe/London, so it sorts before anything timed on the same day; a local date-time
     * (2015-06-01T09:30, 01/06/2015 09:30) in Europe/London.
     */
    static Optional<String> occurredAt(String cell) {
        Optional<OffsetDateTime> time = first(cell,
                value -> OffsetDateTime.parse(value),
                value -> LocalDateTime.parse(value).atZone(EventEnvelope.LONDON).toOffsetDateTime(),
                value -> date(value).orElseThrow(() -> new DateTimeParseException("not a date", value, 0))
                        .atStartOfDay(EventEnvelope.LONDON).toOffsetDateTime(),
                value -> LocalDateTime.parse(value, UK_DATE_TIMES.get(0)).atZone(EventEnvelope.LONDON).toOffsetDateTime(),
                value -> LocalDateTime.parse(value, UK_DATE_TIMES.get(1)).atZone(EventEnvelope.LONDON).toOffsetDateTime());
        // The contract wants seconds: ISO_OFFSET_DATE_TIME leaves them out at :00.
        return time.map(t -> t.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ofPattern(
                "uuuu-MM-dd'T'HH:mm:ssXXX")));
    }

    /** An ISO date from 2015-06-01 or the UK's 01/06/2015 (or 1/6/2015). */
    static Optional<LocalDate> date(String cell) {
        return first(cell, LocalDate::parse, value -> LocalDate.parse(value, UK_DATE));
    }

    /** yes/no, y/n, true/false, 1/0 and, for a cause's finding, upheld/not upheld. */
    static Optional<Boolean> bool(String cell) {
        return switch (cell.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "upheld" -> Optional.of(true);
            case "no", "n", "false", "0", "not upheld", "not_upheld" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** The enum value {@code cell} names, ignoring case and written with spaces or hyphens ("Partly upheld"). */
    static Optional<String> enumValue(String cell, List<String> values) {
        String wanted = cell.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return values.stream().filter(wanted::equals).findFirst();
    }

    /** Header names compared without case, spaces, underscores or hyphens: Service Area = service_area = serviceArea. */
    static String normalName(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    @SafeVarargs
    private static <T> Optional<T> first(String cell, Function<String, T>... readers) {
        String value = cell.trim();
        for (Function<String, T> reader : readers) {
            try {
                return Optional.of(reader.apply(value));
            } catch (DateTimeParseException e) {
                // not this spelling; try the next
            }
        }
        return Optional.empty();
    }
}
