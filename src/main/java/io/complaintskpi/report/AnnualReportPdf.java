package io.complaintskpi.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The annual report as a PDF, laid out from the same HTML as {@link AnnualReportHtml} (openhtmltopdf on PDFBox,
 * the charts through Batik) with print rules of its own: A4, the authority's name and the year at the top of
 * every page, "Page n of m" at the foot, table headings repeated on each page a table runs onto, and no row split
 * across a page break.
 */
public final class AnnualReportPdf {

    public static final String MEDIA_TYPE = "application/pdf";

    private AnnualReportPdf() {
    }

    public static byte[] render(AnnualReport report) {
        String html = AnnualReportHtml.render(report).replace("</style>", pageRules(report) + "</style>");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(html, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not lay out the annual report as PDF", e);
        }
        return pdf.toByteArray();
    }

    /** The running header (authority and year) and footer (page numbers), and unsplittable rows. */
    private static String pageRules(AnnualReport report) {
        String header = report.authorityName() + ": complaints annual report " + report.year();
        return """
                @page { size: A4; margin: 22mm 15mm 18mm 15mm;
                  @top-center { content: "%s"; font-family: Arial, Helvetica, sans-serif; font-size: 9pt; color: #505a5f; }
                  @bottom-right { content: "Page " counter(page) " of " counter(pages); \
                font-family: Arial, Helvetica, sans-serif; font-size: 9pt; color: #505a5f; } }
                body { margin: 0; max-width: none; font-size: 9.5pt; }
                table { -fs-table-paginate: paginate; } tr, figure.chart, p.key { page-break-inside: avoid; }
                section { page-break-inside: auto; } th { background: none; }
                dl.about { display: block; } dl.about dt { float: left; clear: left; width: 13em; } \
                dl.about dd { margin-left: 13em; }
                """.formatted(cssString(header));
    }

    /** Text as the inside of a CSS double-quoted string. */
    static String cssString(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&') { // the page is read as XML
                out.append(String.format("\\%x ", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
