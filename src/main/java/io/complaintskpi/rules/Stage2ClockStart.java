package io.complaintskpi.rules;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which date the children's stage 2 clock runs from. The law leaves it open: some authorities count
 * from the agreed statement of complaint, the Ombudsman has counted from the request.
 */
public enum Stage2ClockStart {
    /** From the date the statement of complaint was agreed; from the request while none is agreed. */
    STATEMENT_AGREED,
    /** From the date stage 2 was requested. */
    REQUEST;

    public static final Stage2ClockStart DEFAULT = STATEMENT_AGREED;

    /** The clock start for a complaint; {@code statementAgreed} is null while no statement is agreed. */
    public LocalDate startDate(LocalDate requested, LocalDate statementAgreed) {
        Objects.requireNonNull(requested, "requested");
        return this == STATEMENT_AGREED && statementAgreed != null ? statementAgreed : requested;
    }

    /**
     * Reads the configured value: "STATEMENT_AGREED", "statement-agreed", "request" ... (case and
     * dash/underscore are ignored); null or blank gives {@link #DEFAULT}.
     */
    public static Stage2ClockStart parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(value -> value.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("stage 2 clock start '" + text + "' must be one of "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
