package io.complaintskpi.report;

import io.complaintskpi.disclosure.Cell;
import io.complaintskpi.figures.FigureSettings;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Stage2ClockStart;
import io.complaintskpi.testing.SeedFixture;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF read back with PDFBox's text extraction, page by page. */
class AnnualReportPdfTest {

    private static final AnnualReport REPORT = AnnualReport.build(new KpiEvaluator(SeedFixture.reader()),
            SeedFixture.LEICS, code -> "Leicestershire County Council", FinancialYear.parse("2015/16"), false,
            new FigureSettings(Stage2ClockStart.STATEMENT_AGREED, List.of(), List.of()),
            Instant.parse("2026-12-06T13:28:00Z"), Commentary.NONE);

    private static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    @Test
    void everyPageNamesTheAuthorityAndYearAndItsNumberOfTheTotal() throws IOException {
        byte[] pdf = AnnualReportPdf.render(REPORT);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        List<String> pages = pages(pdf);
        assertThat(pages).hasSizeBetween(4, 20);
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i)).as("page %d", i + 1)
                    .contains("Leicestershire County Council: complaints annual report 2015/16")
                    .contains("Page " + (i + 1) + " of " + pages.size());
        }
        String all = String.join("\n", pages);
        assertThat(all).contains("Generated on").contains("6 December 2026 at 13:28")
                .contains("NOT FOR PUBLICATION").contains("Stage 1 complaints 0 57 65 +8 +14.0%")
                .contains("Total £12,100 £13,130 £15,130");
        for (ReportTable table : REPORT.tables()) {
            assertThat(all).contains(table.title());
        }
    }

    @Test
    void noRowIsSplitAcrossPages() throws IOException {
        List<String> pages = pages(AnnualReportPdf.render(REPORT));
        int checked = 0;
        for (ReportTable table : REPORT.tables()) {
            for (ReportTable.Row row : table.rows()) {
                if (row.label().length() > 30) {
                    continue; // a long label wraps inside its cell, so its text is not one line
                }
                String line = row.cells().stream().map(Cell::text).map(AnnualReportHtml::grouped)
                        .filter(text -> !text.isEmpty()).collect(Collectors.joining(" "));
                long pagesWithWholeRow = pages.stream().filter(page -> page.lines().anyMatch(l -> l.equals(line)))
                        .count();
                assertThat(pagesWithWholeRow).as("'%s' whole on one page, in %s", line, table.title())
                        .isGreaterThanOrEqualTo(1);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    void textFromTheReportCannotBreakOutOfThePageHeader() {
        assertThat(AnnualReportPdf.cssString("A \"B\" & <C> \\")).isEqualTo("A \\\"B\\\" \\26  \\3c C\\3e  \\\\");
    }
}
