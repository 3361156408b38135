package io.complaintskpi.importing;

/** A file that is not in a form the import reads at all (not one bad row): its message says what it needs. */
public class ImportFormatException extends RuntimeException {
    public ImportFormatException(String message) {
        super(message);
    }
}
