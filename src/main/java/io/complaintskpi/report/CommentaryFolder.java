package io.complaintskpi.report;

import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.FinancialYear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Commentary kept as files beside the data: {@code <folder>/<authority>/<yyyy-yy>/introduction.md} and
 * {@code <folder>/<authority>/<yyyy-yy>/table7.md} (one per table), plain text or Markdown, UTF-8; the corporate
 * and adults' reports read theirs from a {@code corporate} or {@code adults} folder inside the year's. A missing
 * folder or file is no commentary; other file names are not read.
 */
public final class CommentaryFolder {

    private static final Pattern TABLE_FILE = Pattern.compile("(table\\d+)\\.md");
    /** Authority codes become folder names: only these characters, so a code can't reach outside the folder. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]+");

    private final Path folder;

    public CommentaryFolder(Path folder) {
        this.folder = folder;
    }

    /** The children's report's commentary. */
    public Commentary read(String authority, FinancialYear year) {
        return read(authority, year, Regime.CHILDREN);
    }

    public Commentary read(String authority, FinancialYear year, Regime regime) {
        if (!SAFE.matcher(authority).matches()) {
            return Commentary.NONE;
        }
        Path dir = folder.resolve(authority).resolve(year.label().replace('/', '-'));
        if (regime != Regime.CHILDREN) {
            dir = dir.resolve(regime.name().toLowerCase(Locale.ROOT));
        }
        if (!Files.isDirectory(dir)) {
            return Commentary.NONE;
        }
        try (Stream<Path> files = Files.list(dir)) {
            String introduction = "";
            Map<String, String> tables = new HashMap<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                var table = TABLE_FILE.matcher(name);
                if (name.equals("introduction.md")) {
                    introduction = Files.readString(file, StandardCharsets.UTF_8);
                } else if (table.matches()) {
                    tables.put(table.group(1), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            return new Commentary(introduction, tables);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the commentary in " + dir, e);
        }
    }
}
