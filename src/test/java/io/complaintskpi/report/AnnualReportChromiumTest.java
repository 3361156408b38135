package io.complaintskpi.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.testing.Tools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed year's annual report page as a browser renders it: Debian's headless Chromium loads the HTML
 * route of the running service, dumps the DOM and takes a screenshot, kept as
 * {@code target/report-screenshots/annual-report-2015-16.png}. Chromium is found on the PATH
 * ({@link Tools#chromium()}): skipped where it is not installed, failed in CI.
 */
@ExtendWith(SeedService.Resolver.class)
class AnnualReportChromiumTest {

    /** Generous: the machine is shared and slow; only a hung browser reaches it. */
    private static final long TIMEOUT_SECONDS = 180;
    private static final String ROUTE = "/api/v1/reports/annual?year=2015/16&format=html";
    private static final Path SCREENSHOT = Path.of(System.getProperty("basedir", "."), "target",
            "report-screenshots", "annual-report-2015-16.png");

    @TempDir
    Path work;

    private Path chromium;

    /** Per test, so each is reported skipped (or failed in CI) with the reason, before the service starts. */
    @BeforeEach
    void needsChromium() {
        chromium = Tools.chromium();
    }

    @Test
    void the_rendered_page_has_every_table_and_the_key_figures(SeedService service)
            throws IOException, InterruptedException {
        SeedService.Response page = service.get(ROUTE);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");

        Path dom = work.resolve("dom.html");
        run(List.of("--dump-dom", service.baseUrl() + ROUTE), dom);
        String rendered = Files.readString(dom, StandardCharsets.UTF_8);

        assertThat(rendered).contains("<title>Leicestershire County Council (E10000018): children's social care"
                + " statutory complaints, annual report 2015/16</title>");
        JsonNode report = service.json("/api/v1/reports/annual?year=2015/16");
        List<String> captions = new ArrayList<>();
        report.get("tables").forEach(table -> captions.add("<caption>" + text(table.get("title").asText())
                + "</caption>"));
        assertThat(captions).hasSize(15);
        assertThat(rendered).contains(captions);
        // A copy for staff: each count links to the complaints behind it, for its year.
        String drill = "<a href=\"/api/v1/kpis/%s/complaints?period=%s&amp;authority=E10000018%s\">%s</a>";
        assertThat(rendered).contains(
                "<th scope=\"row\">Stage 1 complaints</th><td class=\"num\">"
                        + drill.formatted("stage1.received", "2013%2F14", "", "61") + "</td><td class=\"num\">"
                        + drill.formatted("stage1.received", "2014%2F15", "", "57") + "</td><td class=\"num\">"
                        + drill.formatted("stage1.received", "2015%2F16", "", "65")
                        + "</td><td class=\"num\">+8</td><td class=\"num\">+14.0%</td>",
                "<th scope=\"row\">Upheld (totally or partly)</th><td class=\"num\">"
                        + drill.formatted("stage1.upheld", "2014%2F15", "", "19") + "</td>"
                        + "<td class=\"num\">33.3%</td><td class=\"num\">"
                        + drill.formatted("stage1.upheld", "2015%2F16", "", "15") + "</td><td class=\"num\">23.1%</td>",
                "<th scope=\"row\">Total</th><td class=\"num\">"
                        + drill.formatted("costs.total", "2013%2F14", "", "£12,100") + "</td>",
                "<th scope=\"row\">Delays in providing services</th><td class=\"num\">"
                        + drill.formatted("causes.resolved", "2014%2F15", "&amp;dimension=DELAYS_IN_PROVIDING_SERVICES",
                        "6") + "</td><td class=\"num\">83.3%</td>",
                "<th scope=\"row\">Fostering &amp; Adoption</th>");
        assertThat(service.get(ROUTE + "&public=true").text()).as("a public copy links to no list")
                .doesNotContain("<a href");
    }

    @Test
    void the_charts_are_drawn_beside_their_tables_without_script(SeedService service)
            throws IOException, InterruptedException {
        Path dom = work.resolve("dom.html");
        run(List.of("--dump-dom", service.baseUrl() + ROUTE), dom);
        String rendered = Files.readString(dom, StandardCharsets.UTF_8);
        assertThat(rendered).doesNotContain("<script");
        List<String> charts = new ArrayList<>();
        java.util.regex.Matcher svg = java.util.regex.Pattern.compile("<svg class=\"chart\".*?</svg>",
                java.util.regex.Pattern.DOTALL).matcher(rendered);
        while (svg.find()) {
            charts.add(svg.group());
        }
        assertThat(charts).hasSize(5);
        assertThat(charts.get(0)).contains("<title>Chart of Table 2: Statutory children's complaints received</title>")
                .contains(">65</text>").contains(">57</text>");
        assertThat(charts.get(4)).contains("<title>Chart of Table 11: Costs").contains(">£3,910</text>");

        Path shot = work.resolve("charts.png");
        run(List.of("--screenshot=" + shot, "--window-size=1280,6000", service.baseUrl() + ROUTE),
                work.resolve("charts.out"));
        BufferedImage image = ImageIO.read(shot.toFile());
        // The report year's bars are GOV.UK blue (#1d70b8), the prior year's light blue (#5694ca): both are painted.
        assertThat(pixels(image, 0x1d70b8)).as("report-year bar pixels").isGreaterThan(2_000);
        assertThat(pixels(image, 0x5694ca)).as("prior-year bar pixels").isGreaterThan(1_000);
        // The page's own stylesheet applies under the service's Content-Security-Policy (its hash is allowed):
        // the table headings' grey (#f3f2f1) is painted, which the browser's default style has nowhere.
        assertThat(pixels(image, 0xf3f2f1)).as("table heading background pixels").isGreaterThan(10_000);
        assertThat(service.get(ROUTE).text()).contains("<style>" + AnnualReportHtml.style() + "</style>");
    }

    @Test
    void a_screenshot_of_the_page_is_kept_as_a_build_artifact(SeedService service)
            throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOT.getParent());
        Files.deleteIfExists(SCREENSHOT);

        run(List.of("--screenshot=" + SCREENSHOT.toAbsolutePath(), "--window-size=1280,6000",
                service.baseUrl() + ROUTE), work.resolve("screenshot.out"));

        assertThat(SCREENSHOT).isNotEmptyFile();
        BufferedImage image = ImageIO.read(SCREENSHOT.toFile());
        assertThat(image).as("a PNG image").isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(6000);
        assertThat(colours(image)).as("distinct colours: text and table shading, not a blank page")
                .isGreaterThan(10);
    }

    /**
     * Runs headless Chromium on a fresh profile, stdout to {@code stdout}. Its helpers (zygote, crashpad)
     * outlive it, re-parented, so they are collected while it runs and killed with it at the end.
     */
    private void run(List<String> arguments, Path stdout) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile-");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(arguments);
        Path stderr = work.resolve(stdout.getFileName() + ".err");
        Process chromium = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).start();
        Set<ProcessHandle> family = new HashSet<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (!chromium.waitFor(100, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                chromium.descendants().forEach(family::add);
            }
            assertThat(chromium.isAlive()).as("chromium still running after %d s: %s", TIMEOUT_SECONDS, command)
                    .isFalse();
            assertThat(chromium.exitValue()).as("chromium exit code; stderr:%n%s", Files.readString(stderr))
                    .isZero();
        } finally {
            chromium.descendants().forEach(family::add);
            chromium.destroyForcibly();
            family.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Text as a DOM serialiser writes it inside an element: only &, < and > are escaped. */
    private static String text(String raw) {
        return raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static long pixels(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
