package io.complaintskpi.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.authorities.Authorities;
import io.complaintskpi.authorities.Authority;
import io.complaintskpi.authorities.CouncilType;
import io.complaintskpi.authorities.OmbudsmanAverage;
import io.complaintskpi.authorities.Population;
import io.complaintskpi.catalogue.KpiDefinitions;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.contributions.Metric;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.Regime;
import io.complaintskpi.http.ApiServer;
import io.complaintskpi.query.QueryService;
import io.complaintskpi.query.StubQueries;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.series.InMemorySeriesReader;
import io.complaintskpi.series.KpiKey;
import io.complaintskpi.testing.Tools;
import io.complaintskpi.testing.StubApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static io.complaintskpi.testing.TokenHashes.sha256;

/**
 * The web console in a real browser (Selenium driving Debian's chromium through chromium-driver): against the
 * service holding the seed history it loads with no console errors, shows the 2015/16 figures, lists the
 * complaints behind a figure (as many as it counts) and opens a complaint's story; axe-core finds no serious or
 * critical accessibility violation; with tokens configured it asks for one, keeps it for the tab only and a viewer
 * sees figures but no lists. Screenshots go to {@code target/console-screenshots/}. Where chromium or chromedriver
 * is missing the test is skipped (failed in CI) by {@link Tools}.
 */
@ExtendWith(SeedService.Resolver.class)
class ConsoleBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "console-screenshots");
    private static WebDriver browser;

    @BeforeAll
    static void openBrowser() throws IOException {
        Path chromium = Tools.chromium();
        Path driver = Tools.chromedriver();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,2000", "--user-data-dir=" + Files.createTempDirectory("console-browser-"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build(), options);
        browser.manage().timeouts().scriptTimeout(WAIT);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theSeedYearsFiguresTheComplaintsBehindOneAndAComplaintsStoryWithNoErrorsOrSeriousAccessibilityFaults(
            SeedService service) throws IOException {
        browser.manage().logs().get(LogType.BROWSER); // read, so what another test's page logged is dropped
        browser.get(service.baseUrl() + "/");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.withMessage(() -> "the page shows: " + texts("#view").toString().replace('\n', ' '));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("period")));
        new Select(browser.findElement(By.id("period"))).selectByValue("2015/16");
        browser.findElement(By.cssSelector("form.console-picker button")).click();
        WebElement received = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("a[aria-label^='List the 65 behind complaints received (stage 1)']")));
        assertThat(received.getText()).isEqualTo("65");
        // A figure's words are the catalogue's (/api/v1/kpis/definitions): the figures' rows carry ids only.
        assertThat(rowCells("Headline figures, 2015/16 beside 2014/15",
                KpiDefinitions.require("stage1.received").definition())).first().isEqualTo("65");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("figure.console-chart canvas")));
        assertThat(browser.findElement(By.cssSelector("#view h1")).getText()).isEqualTo("Complaints for Leicestershire County Council (E10000018), 2015/16");
        assertThat(texts("caption")).contains("Open complaints, most urgent first (" + openCount(service) + " open)");
        // Issue 22: the letter's figures of the year beside the year before, as the API gives them; no benchmarks
        // without the authority's reference record.
        JsonNode letter = service.json("/api/v1/ombudsman/letter?authority=" + SeedService.AUTHORITY
                + "&period=2015/16");
        String letterCaption = "The Ombudsman's annual review letter, 2015/16 beside 2014/15";
        assertThat(texts("caption")).contains(letterCaption);
        assertThat(texts("table.console-letter thead th")).containsExactly("Measure", "2014/15", "2015/16");
        assertThat(letter.get("rows")).hasSizeGreaterThan(5);
        for (JsonNode row : letter.get("rows")) {
            assertThat(rowCells(letterCaption, row.get("Measure").asText())).as(row.get("Measure").asText())
                    .containsExactly(row.get("2014/15").asText(), row.get("2015/16").asText());
        }
        // The seed report's 9 Ombudsman decisions of 2015/16.
        assertThat(rowCells(letterCaption, "Complaints and enquiries decided")).last().isEqualTo("9");
        assertThat(rowCells(letterCaption, "Uphold rate (% of investigated)")).allMatch(cell -> cell.endsWith("%"));
        assertThat(letter.get("symbols")).isNotEmpty();
        for (JsonNode meaning : letter.get("symbols")) {
            assertThat(browser.findElement(By.id("view")).getText()).contains(meaning.asText());
        }
        assertThat(browser.findElement(By.id("view")).getText()).contains("The authorities reference data does not"
                + " hold E10000018, so its council type and region are not known.");
        screenshot("console-2015-16.png");
        scrollTo("The Ombudsman's annual review letter");
        screenshot("console-ombudsman-letter.png");
        assertNoSeriousAccessibilityViolations("the figures");

        received.click();
        List<String> listed = new ArrayList<>();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view h1"), "The 65 counted in"));
        screenshot("drill-down-stage1-received.png");
        assertNoSeriousAccessibilityViolations("the drill-down");
        while (true) {
            listed.addAll(texts("tbody th a"));
            List<WebElement> next = browser.findElements(By.linkText("Next page"));
            if (next.isEmpty()) {
                break;
            }
            String first = listed.get(listed.size() - 1);
            next.get(0).click();
            wait.until(d -> !texts("tbody th a").contains(first));
        }
        assertThat(listed).as("one row per complaint counted").hasSize(65).doesNotHaveDuplicates()
                .allMatch(reference -> reference.startsWith("CS-"));

        browser.findElement(By.linkText(listed.get(listed.size() - 1))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view h1"),
                "Complaint " + listed.get(listed.size() - 1)));
        assertThat(texts("caption")).contains("Stages and their deadlines", "Events, in the order they happened",
                "Alerts its deadlines raised");
        assertThat(texts("tbody td")).contains("ComplaintReceived");
        screenshot("complaint-story.png");
        assertNoSeriousAccessibilityViolations("a complaint's story");
        assertNoConsoleErrors();
    }

    /** Issue 21, item 5: the procedure picker, the three side by side and one procedure's own figures and lists. */
    @Test
    void theThreeProceduresSideBySideThenOneProceduresFiguresAndCaseload(SeedService service) throws IOException {
        browser.manage().logs().get(LogType.BROWSER);
        browser.get(service.baseUrl() + "/#/?authority=" + RegimesFixture.AUTHORITY + "&period=2026/27&regime=all");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.withMessage(() -> "the page shows: " + texts("#view").toString().replace('\n', ' '));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view"),
                "The three procedures side by side, 2026/27"));
        assertThat(new Select(browser.findElement(By.id("regime"))).getFirstSelectedOption().getText())
                .isEqualTo("All three, side by side");
        assertThat(texts("table.console-figures thead th")).containsExactly("Figure", "Children's social care",
                "Adult social care", "Corporate (Complaint Handling Code)");
        // RegimesFixture: K1; A1-A4; C1-C4, of which C3 and C4 asked for stage 2.
        String sideBySide = "The three procedures side by side, 2026/27";
        assertThat(rowCells(sideBySide, "Complaints received (stage 1)")).containsExactly("1", "4", "4");
        assertThat(rowCells(sideBySide, "Stage 2 requests received")).containsExactly("0", "not measured", "2");
        assertThat(texts("caption")).contains("Open complaints, most urgent first (4 open)"); // C4, A2, A3, A4
        screenshot("console-side-by-side.png");
        assertNoSeriousAccessibilityViolations("the three procedures side by side");

        new Select(browser.findElement(By.id("regime"))).selectByValue("corporate");
        browser.findElement(By.cssSelector("form.console-picker button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view h1"),
                "Complaints for " + RegimesFixture.AUTHORITY + ", 2026/27, Corporate (Complaint Handling Code)"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("figure.console-chart canvas")));
        assertThat(browser.getCurrentUrl()).contains("regime=corporate");
        assertThat(texts("tbody th")).contains("corporate complaints the council did not accept (Complaint Handling"
                + " Code part 2), by date decided");
        assertThat(texts("caption")).contains("Open complaints, most urgent first (1 open)")
                .contains("Stage 1 responses within the Code's timescale by month (the chart above as a table)");
        assertThat(texts("tbody td")).contains("Corporate (Complaint Handling Code)");
        assertThat(browser.findElements(By.cssSelector("a[href*='regime=corporate'][href*='format=html']")))
                .hasSize(1);
        screenshot("console-corporate.png");
        assertNoSeriousAccessibilityViolations("one procedure's figures");
        assertNoConsoleErrors();
    }

    /**
     * Issue 22: the benchmarking panel against six counties and two districts (the groups of figures.BenchmarksTest):
     * each rate beside its council type's and region's quartiles and its quarter, and a group under the minimum
     * saying so instead of showing figures.
     */
    @Test
    void theBenchmarksPanelShowsTheRatesBesideTheGroupsQuartilesAndSaysWhenAGroupIsTooSmall() throws Exception {
        browser.manage().logs().get(LogType.BROWSER);
        FinancialYear year = FinancialYear.parse("2015/16");
        List<Authority> authorities = new ArrayList<>();
        Map<KpiKey, Long> received = new HashMap<>();
        // Counties C1..C6, 10, 20, ... 60 complaints per 100,000 children: 1.0 ... 6.0 per 10,000 children;
        // D1 and D2, districts: 9.0 and 8.0. North: C1..C3, D1, D2 (1, 2, 3, 9, 8); South: C4..C6.
        for (int i = 1; i <= 8; i++) {
            String code = i <= 6 ? "C" + i : "D" + (i - 6);
            authorities.add(new Authority(code, (i <= 6 ? "County " : "District ") + i, "E0700000" + i,
                    i <= 6 ? CouncilType.COUNTY : CouncilType.DISTRICT, i <= 3 || i > 6 ? "North" : "South",
                    Map.of(year, new Population(500_000, 100_000))));
            received.put(new KpiKey(code, Metric.received(Regime.CHILDREN, 1), Metric.ALL, LocalDate.of(2015, 6, 1)),
                    i <= 6 ? 10L * i : 160L - 10L * i);
        }
        // C2: 3 upheld of 4 investigated = 75.0%, beside the Ombudsman's county average of 54.5%: +20.5 points.
        received.put(new KpiKey("C2", Metric.OMBUDSMAN_DECISIONS, "UPHELD_MALADMINISTRATION_INJUSTICE",
                LocalDate.of(2015, 7, 1)), 3L);
        received.put(new KpiKey("C2", Metric.OMBUDSMAN_DECISIONS, "NOT_UPHELD", LocalDate.of(2015, 7, 1)), 1L);
        StubQueries stores = new StubQueries(true, List.of(), new InMemorySeriesReader(received));
        stores.authorities = Authorities.of(authorities, List.of(new OmbudsmanAverage(CouncilType.COUNTY, year,
                OmbudsmanAverage.Measure.UPHOLD_RATE, new java.math.BigDecimal("54.5"),
                new OmbudsmanAverage.Source("Annual review letter 2016", "https://www.lgo.org.uk/", 2016))));
        try (ApiServer server = StubApi.start(StubApi.config(Map.of("authority.default", "C2")), stores)) {
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            wait.withMessage(() -> "the page shows: " + texts("#view").toString().replace('\n', ' '));
            String county = "Beside the council type (County), 2015/16";
            String north = "Beside the region (North), 2015/16";
            String perChildren = "Stage 1 complaints per 10,000 children";
            browser.get("http://localhost:" + server.port() + "/#/?authority=C2&period=2015/16");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view"), north));
            // Counties 1..6: quartiles 2.25, 3.5, 4.75, mean 3.5; C2's 2.0 is at or below the lower quartile.
            assertThat(rowCells(county, perChildren)).containsExactly("2.0", "6", "2.25", "3.5", "4.75", "3.5",
                    "1st (lowest)");
            // North 1, 2, 3, 8, 9: quartiles 2, 3, 8, mean 4.6.
            assertThat(rowCells(north, perChildren)).containsExactly("2.0", "5", "2.0", "3.0", "8.0", "4.6",
                    "1st (lowest)");
            assertThat(rowCells(county, "Stage 1 responses within 10 working days")).containsExactly("none", "0",
                    "Not shown: fewer than 5 authorities with a value");
            // The Ombudsman's published average: only for the rate it publishes, with the difference and source.
            String published = "Beside the Ombudsman's published average (County councils), 2015/16";
            assertThat(rowCells(published, "Ombudsman uphold rate (of detailed investigations)"))
                    .containsExactly("75.0%", "54.5%", "+20.5", "Annual review letter 2016 (2016)");
            assertThat(browser.findElements(By.cssSelector("#view a[href='https://www.lgo.org.uk/']"))).hasSize(1);
            scrollTo("Beside similar authorities");
            screenshot("console-benchmarks-county.png");
            assertNoSeriousAccessibilityViolations("the benchmarks");

            new Select(browser.findElement(By.id("authority"))).selectByValue("D1");
            browser.findElement(By.cssSelector("form.console-picker button")).click();
            String district = "Beside the council type (District), 2015/16";
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view"), district));
            assertThat(rowCells(district, perChildren)).as("two districts: fewer than the five a group needs")
                    .containsExactly("9.0", "2", "Not shown: fewer than 5 authorities with a value");
            assertThat(rowCells(north, perChildren)).containsExactly("9.0", "5", "2.0", "3.0", "8.0", "4.6",
                    "4th (highest)");
            assertThat(texts("#view table")).noneMatch(t -> t.contains("County 1") || t.contains("District 2"));
            assertThat(texts("#view")).as("no average held for districts: no such table")
                    .noneMatch(t -> t.contains("the Ombudsman's published average"));
            scrollTo("Beside similar authorities");
            screenshot("console-benchmarks-district.png");
            assertNoSeriousAccessibilityViolations("a group too small to show");
            assertNoConsoleErrors();
            browser.get("about:blank");
        }
    }

    /** The cells after the row heading {@code figure} of the table whose caption is {@code caption}. */
    @SuppressWarnings("unchecked")
    private static List<String> rowCells(String caption, String figure) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("const table = Array.from(document"
                + ".querySelectorAll('table')).find(t => t.caption && t.caption.textContent.trim() === arguments[0]);"
                + " const row = table && Array.from(table.querySelectorAll('tbody tr')).find(r => r.querySelector('th')"
                + " && r.querySelector('th').textContent.trim() === arguments[1]); return row"
                + " ? Array.from(row.querySelectorAll('td')).map(c => c.textContent.trim()) : [];", caption, figure);
    }

    @Test
    void withTokensTheConsoleAsksForOneKeepsItForTheTabAndAViewerSeesFiguresButNoLists() throws Exception {
        String viewer = "viewer-token-for-the-browser";
        ServiceConfig config = StubApi.config(Map.of("http.tokens", "viewer:" + sha256(viewer), "authority.default", "E1"));
        QueryService stores = new StubQueries(true, List.of(), new InMemorySeriesReader(Map.of(
                new KpiKey("E1", Metric.received(Regime.CHILDREN, 1), Metric.ALL, LocalDate.of(2015, 6, 1)), 3L)));
        try (ApiServer server = StubApi.start(config, stores)) {
            browser.get("http://localhost:" + server.port() + "/#/?authority=E1&period=2015/16");
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
            assertThat(browser.findElement(By.id("token-heading")).getText()).isEqualTo("Sign in with your API token");
            input.sendKeys(viewer);
            browser.findElement(By.cssSelector("#token-form button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view h1"),
                    "Complaints for E1, 2015/16"));
            assertThat(browser.findElement(By.cssSelector("a[aria-label^='List the 3 behind']")).getText())
                    .isEqualTo("3");
            assertThat(browser.findElement(By.id("view")).getText())
                    .contains("Your token lets you see figures only. Lists of complaints need a caseworker token.")
                    .doesNotContain("Open complaints, most urgent first");
            JavascriptExecutor js = (JavascriptExecutor) browser;
            assertThat(js.executeScript("return sessionStorage.getItem('complaints-kpi.token')")).isEqualTo(viewer);
            assertThat(js.executeScript("return localStorage.length")).isEqualTo(0L);
            assertThat(js.executeScript("return document.cookie")).isEqualTo("");
            assertThat(browser.getCurrentUrl()).doesNotContain(viewer);
            screenshot("viewer.png");
            assertNoSeriousAccessibilityViolations("the sign-in and a viewer's figures");
            js.executeScript("sessionStorage.clear()");
            browser.get("about:blank"); // no page left polling the server closed below
        }
    }

    private static long openCount(SeedService service) {
        return service.json("/api/v1/complaints?status=open&authority=E10000018&limit=1").get("count").asLong();
    }

    /** The text of every element matching {@code css}, read at once in the page (no stale elements mid-read). */
    @SuppressWarnings("unchecked")
    private static List<String> texts(String css) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("return Array.from("
                + "document.querySelectorAll(arguments[0])).map(e => e.textContent.trim())", css);
    }

    @Test
    void aBalanceAndAnAmountListWhatTheyAddUp(SeedService service) throws IOException {
        browser.manage().logs().get(LogType.BROWSER);
        JsonNode open = service.json("/api/v1/kpis/stage1.open/complaints?period=2014/15&limit=1000");
        long figure = open.get("figure").asLong();
        assertThat(figure).as("complaints open at stage 1 on 31 March 2015").isPositive();
        browser.get(service.baseUrl() + "/#/kpi/stage1.open?authority=" + SeedService.AUTHORITY + "&period=2014%2F15");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view h1"),
                "The " + figure + " counted in"));
        assertThat(texts("tbody th a")).as("one row per complaint open at the year's end").hasSize((int) figure);
        assertThat(texts("thead th")).contains("In since", "Left");
        screenshot("drill-down-stage1-open.png");

        browser.get(service.baseUrl() + "/#/kpi/costs.total?authority=" + SeedService.AUTHORITY + "&period=2015%2F16");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view h1"), "The £15,130 of"));
        assertThat(texts("thead th")).contains("Amount");
        assertNoSeriousAccessibilityViolations("a balance's and an amount's drill-down");
        assertNoConsoleErrors();
    }

    @Test
    void swaggerUiRendersEveryRouteUnderTheConsolesContentSecurityPolicyWithNoConsoleErrors(SeedService service)
            throws IOException {
        browser.manage().logs().get(LogType.BROWSER); // drop what an earlier page logged
        SeedService.Response page = service.get("/api/docs");
        assertThat(page.status()).isEqualTo(200);
        browser.get(service.baseUrl() + "/api/docs");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary-path")));
        JsonNode document = service.json("/api/openapi.json");
        List<String> documented = new ArrayList<>();
        document.get("paths").fieldNames().forEachRemaining(documented::add);
        List<String> shown = texts(".opblock-summary-path").stream().map(path -> path.replace("\u200b", "")).toList();
        assertThat(shown).as("Swagger UI shows every path of the document").containsAll(documented);
        assertThat(texts(".info .title").toString()).contains("complaints-kpi"); // Swagger UI 5: an h1
        screenshot("api-docs.png");
        assertNoConsoleErrors();
    }

    /** Scrolls the page to the heading {@code text}, so a screenshot shows what follows it. */
    private static void scrollTo(String text) {
        ((JavascriptExecutor) browser).executeScript("Array.from(document.querySelectorAll('h2')).find(e => e"
                + ".textContent.trim() === arguments[0]).scrollIntoView()", text);
    }

    private static void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Every font the page declares loads, and no script error, failed load or CSP refusal was logged by the page. */
    private static void assertNoConsoleErrors() {
        // A font loads only when text first needs it, at a moment that depends on timing: every face the page
        // declares is loaded here, so a font file the service does not serve fails this every time.
        Object unloadable = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const faces = Array.from(document.fonts);"
                + "Promise.allSettled(faces.map(f => f.load())).then(results => done(results"
                + ".map((r, i) => r.status === 'rejected' ? faces[i].family + ' ' + faces[i].weight : null)"
                + ".filter(f => f !== null)));");
        assertThat((List<?>) unloadable).as("font faces that cannot be loaded").isEmpty();
        List<String> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
        assertThat(severe).as("console errors").isEmpty();
    }

    /** axe-core (vendored, src/test/resources/axe-core) run on the page as it stands. */
    private static void assertNoSeriousAccessibilityViolations(String where) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof axe !== 'undefined'"))) {
            try (InputStream axe = ConsoleBrowserTest.class.getResourceAsStream("/axe-core/axe.min.js")) {
                js.executeScript(new String(axe.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        String json = (String) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, { resultTypes: ['violations'] })"
                + ".then(r => done(JSON.stringify(r.violations)), e => done('error: ' + e));");
        assertThat(json).as("axe ran").doesNotStartWith("error:");
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : EventCodec.MAPPER.readTree(json)) {
            String impact = violation.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                serious.add(impact + " " + violation.get("id").asText() + ": " + violation.get("help").asText()
                        + " " + violation.get("nodes").toString());
            }
        }
        assertThat(serious).as("serious or critical accessibility violations on " + where).isEmpty();
    }

}
