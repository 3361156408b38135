package io.complaintskpi.report;

import io.complaintskpi.events.Regime;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.figures.FigureSettings;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Stage2ClockStart;
import io.complaintskpi.testing.SeedFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommentaryTest {

    private static final FinancialYear YEAR = FinancialYear.parse("2015/16");

    @TempDir
    Path folder;

    private static AnnualReport report(boolean publicOutput, Commentary commentary) {
        return AnnualReport.build(new KpiEvaluator(SeedFixture.reader()), SeedFixture.LEICS, code -> code, YEAR,
                publicOutput, new FigureSettings(Stage2ClockStart.STATEMENT_AGREED, List.of(), List.of()),
                Instant.parse("2026-12-06T13:28:00Z"), commentary);
    }

    @Test
    void theFolderHoldsAnIntroductionAndOneFilePerTablePerAuthorityAndYear() throws IOException {
        Path year = Files.createDirectories(folder.resolve("E10000018/2015-16"));
        Files.writeString(year.resolve("introduction.md"), "# The year\n\nReferrals fell.\n");
        Files.writeString(year.resolve("table7.md"), "Quicker answers.\n");
        Files.writeString(year.resolve("notes.txt"), "not read");
        Files.createDirectories(folder.resolve("E10000018/2014-15"));
        Files.writeString(folder.resolve("E10000018/2014-15/table7.md"), "another year");

        Commentary commentary = new CommentaryFolder(folder).read("E10000018", YEAR);
        assertThat(commentary.introduction()).isEqualTo("# The year\n\nReferrals fell.");
        assertThat(commentary.tables()).isEqualTo(Map.of("table7", "Quicker answers."));
        assertThat(new CommentaryFolder(folder).read("E10000019", YEAR)).isEqualTo(Commentary.NONE);
        assertThat(new CommentaryFolder(folder.resolve("absent")).read("E10000018", YEAR)).isEqualTo(Commentary.NONE);
        assertThat(new CommentaryFolder(year).read("..", YEAR)).isEqualTo(Commentary.NONE);
    }

    @Test
    void theCorporateAndAdultsReportsReadTheirOwnFolderInsideTheYears() throws IOException {
        Path year = Files.createDirectories(folder.resolve("E10000018/2015-16"));
        Files.writeString(year.resolve("introduction.md"), "Children's year.");
        Files.writeString(Files.createDirectories(year.resolve("corporate")).resolve("table14.md"), "Self-assessed.");

        CommentaryFolder commentary = new CommentaryFolder(folder);
        assertThat(commentary.read("E10000018", YEAR, Regime.CORPORATE))
                .isEqualTo(new Commentary("", Map.of("table14", "Self-assessed.")));
        assertThat(commentary.read("E10000018", YEAR, Regime.CHILDREN).introduction()).isEqualTo("Children's year.");
        assertThat(commentary.read("E10000018", YEAR, Regime.ADULTS)).isEqualTo(Commentary.NONE);
    }

    @Test
    void markdownIsShownBesideItsTableWithRawHtmlEscapedAndScriptLinksDropped() {
        Commentary commentary = new Commentary("**Learning** from complaints:\n\n- faster replies\n- clearer letters",
                Map.of("table7", "Answered *sooner*. <script>alert(1)</script> [see](javascript:alert(2))"));
        String html = AnnualReportHtml.render(report(false, commentary));
        assertThat(html).contains("<section class=\"commentary\" id=\"introduction\">\n<p><strong>Learning</strong>"
                + " from complaints:</p>\n<ul>\n<li>faster replies</li>");
        int table7 = html.indexOf("<section id=\"table7\">");
        int said = html.indexOf("<div class=\"commentary\">\n<p>Answered <em>sooner</em>.");
        assertThat(said).isGreaterThan(table7).isLessThan(html.indexOf("<section id=\"table8\">"));
        assertThat(html).doesNotContain("<script").doesNotContain("javascript:")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void everyFormatCarriesTheCommentary() throws IOException {
        Commentary commentary = new Commentary("Context, with a comma.", Map.of("table11", "Costs rose."));
        AnnualReport report = report(true, commentary);
        assertThat(AnnualReportCsv.render(report)).contains("Commentary,Introduction,,\"Context, with a comma.\"\r\n")
                .contains("Table 11: Costs incurred through the complaints procedure,Commentary,,Costs rose.\r\n");
        assertThat(EventCodec.MAPPER.writeValueAsString(report))
                .contains("\"commentary\":{\"introduction\":\"Context, with a comma.\",\"tables\":{\"table11\":"
                        + "\"Costs rose.\"}}");
    }

    @Test
    void commentaryIsNotAFigureSoTheDisclosedTablesAreTheSameWithOrWithoutIt() {
        Commentary small = new Commentary("3 complaints came from one family.", Map.of("table2", "2 of them"));
        assertThat(report(true, small).tables()).isEqualTo(report(true, Commentary.NONE).tables());
    }
}
