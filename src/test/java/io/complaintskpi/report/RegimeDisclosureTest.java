package io.complaintskpi.report;

import io.complaintskpi.disclosure.Cell;
import io.complaintskpi.disclosure.DisclosureAudit;
import io.complaintskpi.figures.FigureSettings;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.rules.CorporateTimescales;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Stage2ClockStart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.complaintskpi.report.RegimesFixture.AUTHORITY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intruder of {@link PublicReports} against the corporate and adults' reports: three copies of
 * {@link RegimesFixture}'s year make counts of 3 (hidden) beside 6, 9 and 12 (shown), so the relations the
 * catalogue declares for the new figures (acknowledged in time + late = all, extensions, not accepted by reason,
 * Ombudsman referrals per regime, open past six months within open) are attacked in earnest.
 */
class RegimeDisclosureTest {

    private static final FinancialYear YEAR = FinancialYear.parse("2026/27");
    private static final FigureSettings SETTINGS = new FigureSettings(Stage2ClockStart.STATEMENT_AGREED, List.of(),
            List.of());
    private static final Instant GENERATED = Instant.parse("2027-05-01T09:00:00Z");
    private static final Pattern OF = Pattern.compile("\\((\\w+) of (\\w+)\\)");

    private static KpiEvaluator catalogue;
    private static PublicReports reports;

    @BeforeAll
    static void publish() {
        catalogue = RegimesFixture.catalogue(3);
        reports = new PublicReports(catalogue, AUTHORITY, List.of(YEAR.label()));
    }

    @Test
    void theIntruderRecoversNoHiddenCount() {
        DisclosureAudit<PublicReports.Published> audit = reports.audit();
        assertThat(reports.hidden).as("small counts of the new figures are hidden")
                .anySatisfy(p -> assertThat(p.key().id()).startsWith("corporate."))
                .anySatisfy(p -> assertThat(p.key().id()).startsWith("adults."));
        assertThat(audit.determined()).as("hidden counts a reader can work out").isEmpty();
    }

    @Test
    void thePublicReportsShowNoSmallCount() {
        for (AnnualReport report : List.of(
                AnnualReport.corporate(catalogue, AUTHORITY, code -> code, YEAR, true, SETTINGS, CorporateTimescales.CODE,
                        GENERATED, Commentary.NONE),
                AnnualReport.adults(catalogue, AUTHORITY, code -> code, YEAR, true, SETTINGS, GENERATED,
                        Commentary.NONE))) {
            assertThat(report.warning()).isNull();
            for (ReportTable table : report.tables()) {
                for (ReportTable.Row row : table.rows()) {
                    for (Cell cell : row.cells()) {
                        if (cell.kind() == Cell.Kind.COUNT) {
                            assertThat(cell.value()).as("%s %s", table.id(), row.label())
                                    .matches(v -> v.compareTo(BigDecimal.ZERO) == 0 || v.compareTo(BigDecimal.valueOf(5)) > 0);
                        }
                        Matcher of = OF.matcher(cell.text());
                        while (of.find()) { // the self-assessment's "87.0% (87 of 100)" quotes disclosed counts
                            for (String n : List.of(of.group(1), of.group(2))) {
                                assertThat(n).as("%s %s", table.id(), cell.text())
                                        .matches(t -> !t.matches("[1-5]"));
                            }
                        }
                    }
                }
            }
        }
    }
}
