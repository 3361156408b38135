package io.complaintskpi.report;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Commentary as HTML, safely: Markdown (CommonMark) with any raw HTML in it escaped, so it shows as text, and
 * link targets other than http, https and mailto dropped, so commentary can format the page but never script it.
 */
final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .build();

    private Markdown() {
    }

    static String toHtml(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }
}
