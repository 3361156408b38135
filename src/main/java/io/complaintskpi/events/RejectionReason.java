package io.complaintskpi.events;

import java.util.regex.Pattern;

/**
 * Why a record was rejected, as the log and {@code /api/v1/dlq} show it: no record content (quoted values
 * blanked, control characters replaced, the length capped). One home for the stream's handler and the DLQ watcher.
 */
public final class RejectionReason {

    private static final int MAX_REASON = 200;
    /** Quoted parts of a reason are values taken from the record (a token, a key, an unknown type). */
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");

    private RejectionReason() {
    }

    /** The exception's type and first line, with quoted values blanked and the length capped. */
    public static String of(Throwable exception) {
        return of(exception.getClass().getName(), exception.getMessage());
    }

    /**
     * The same from a dead-lettered record's headers (the exception's class name and message), for every
     * place that shows a reason: the log, {@code /api/v1/dlq}.
     */
    public static String of(String exceptionClass, String message) {
        String type = exceptionClass == null ? "unknown" : exceptionClass.substring(exceptionClass.lastIndexOf('.') + 1);
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        String reason = type + ": " + QUOTED.matcher(first).replaceAll("'...'");
        reason = reason.replaceAll("\\p{Cntrl}", "?");
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "...";
    }
}
