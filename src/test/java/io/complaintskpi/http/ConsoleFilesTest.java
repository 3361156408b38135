package io.complaintskpi.http;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleFilesTest {

    private static String webjarStylesheet() throws IOException {
        try (InputStream in = ConsoleFilesTest.class.getClassLoader().getResourceAsStream(
                "META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theGovukStylesheetIsServedWithoutTheFontFilesTheServiceDoesNotHaveAndWithEveryOtherRule() throws IOException {
        String original = webjarStylesheet();
        assertThat(original).contains("@font-face", "/assets/fonts/", "exclusive use on gov.uk", "sourceMappingURL");

        String served = ConsoleFiles.withoutFontFiles(original);

        assertThat(served).doesNotContain("@font-face", "/assets/fonts/", "exclusive use on gov.uk", "sourceMappingURL");
        // Only the two font faces, their note and the map comment go: the rules that name the font stay, so the
        // browser falls back to the next font in each list.
        assertThat(served).contains(".govuk-table{", "font-family:GDS Transport,arial,sans-serif", "@media print");
        assertThat(original.length() - served.length()).isBetween(400, 1000);
        assertThat(served.chars().filter(c -> c == '{').count())
                .isEqualTo(original.chars().filter(c -> c == '{').count() - 2);
    }
}
