package io.complaintskpi.importing;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

/**
 * The rows of a CSV file as every import reads them: the header row first, then each row that is not blank with its
 * spreadsheet number (the header is row 1); comma-separated, or semicolons or tabs when the header has no comma (a
 * spreadsheet saved in another locale); quoted cells may hold separators and line breaks.
 */
final class CsvRows {

    private CsvRows() {
    }

    /**
     * Hands the header to {@code header} and each non-blank row to {@code rows}; returns the last row's number.
     * {@code what} names the file in the error for an empty one ("a CSV export").
     */
    static int read(BufferedReader reader, String what, Consumer<List<String>> header,
                    ObjIntConsumer<List<String>> rows) throws IOException {
        reader.mark(1 << 16);
        String first = reader.readLine();
        if (first == null) {
            throw new ImportFormatException("the file is empty: " + what + " starts with its header row");
        }
        reader.reset();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator(first));
        try (MappingIterator<String[]> iterator = new CsvMapper().readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).with(schema).readValues(reader)) {
            header.accept(Arrays.asList(iterator.next()));
            int number = 1;
            while (iterator.hasNext()) {
                number++;
                List<String> cells = Arrays.asList(iterator.next());
                if (!cells.stream().allMatch(String::isBlank)) {
                    rows.accept(cells, number);
                }
            }
            return number;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) { // Jackson's iterator wraps a malformed row so
                throw new ImportFormatException("the CSV cannot be read: " + io.getMessage().lines().findFirst()
                        .orElse(""));
            }
            throw e;
        }
    }

    /** Comma, unless the header has none and semicolons or tabs (a spreadsheet saved in another locale). */
    private static char separator(String header) {
        if (header.indexOf(',') >= 0) {
            return ',';
        }
        return header.indexOf(';') >= 0 ? ';' : header.indexOf('\t') >= 0 ? '\t' : ',';
    }
}
