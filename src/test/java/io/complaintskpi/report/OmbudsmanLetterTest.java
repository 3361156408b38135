package io.complaintskpi.report;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.authorities.CouncilType;
import io.complaintskpi.authorities.OmbudsmanAverage;
import io.complaintskpi.authorities.OmbudsmanAverage.Measure;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.contributions.OfflineReplay;
import io.complaintskpi.disclosure.Cell;
import io.complaintskpi.disclosure.Disclosure;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.ComplaintEvent;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanDecision;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanEnquiryReceived;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanRecommendationCompleted;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanRecommendationMade;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.OmbudsmanOutcome;
import io.complaintskpi.events.RecommendationKind;
import io.complaintskpi.figures.FigureSettings;
import io.complaintskpi.figures.KpiEvaluator;
import io.complaintskpi.rules.CorporateTimescales;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.rules.Period;
import io.complaintskpi.rules.Stage2ClockStart;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.UUID;

import static io.complaintskpi.events.OmbudsmanOutcome.ADVICE_GIVEN;
import static io.complaintskpi.events.OmbudsmanOutcome.CLOSED_AFTER_INITIAL_ENQUIRIES;
import static io.complaintskpi.events.OmbudsmanOutcome.INCOMPLETE_INVALID;
import static io.complaintskpi.events.OmbudsmanOutcome.NOT_UPHELD;
import static io.complaintskpi.events.OmbudsmanOutcome.PREMATURE;
import static io.complaintskpi.events.OmbudsmanOutcome.UPHELD;
import static io.complaintskpi.events.OmbudsmanOutcome.UPHELD_MALADMINISTRATION_INJUSTICE;
import static io.complaintskpi.events.OmbudsmanOutcome.UPHELD_MALADMINISTRATION_NO_INJUSTICE;
import static io.complaintskpi.events.OmbudsmanOutcome.UPHELD_SATISFACTORY_REMEDY_BY_COUNCIL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Ombudsman's annual review letter from a hand-made council, every figure worked out by hand. 2016/17: 13
 * decisions, 4 not for the Ombudsman (2 advice given, 1 incomplete, 1 premature), 3 assessed and closed, 6
 * investigated (2 not upheld, 4 upheld of which 1 already remedied by the council). Uphold rate 4 of 6 investigated =
 * 66.7% (of all 13 decisions it would be 30.8%). 350,000 residents: 4 x 100,000 / 350,000 = 1.14 = 1.1 per 100,000.
 * Recommendations due in the year: 3 (case A's apology met on time, its £500 payment met late; case B's procedure
 * review done without evidence, so not complied with; B's training falls due in 2017/18): 1 of 3 = 33.3%; £500 paid.
 * Satisfactory remedy: 1 of 4 upheld = 25.0%. 2015/16: 2 decisions (1 assessed and closed, 1 upheld after
 * investigation): uphold rate 100.0%, no recommendations (compliance z), population not known (x).
 */
class OmbudsmanLetterTest {

    private static final String AUTHORITY = "E10000098";
    private static final DomainRules RULES = DomainWiring.rules(ServiceConfig.load(Map.of(), new Properties(), Map.of()));
    private static final FinancialYear YEAR = FinancialYear.parse("2016/17");
    private static final AuthorityNames NAMES = new AuthorityNames() {
        @Override
        public String nameOf(String code) {
            return "Hand-made Council";
        }

        @Override
        public OptionalLong residents(String code, FinancialYear year) {
            return year.equals(YEAR) ? OptionalLong.of(350_000) : OptionalLong.empty();
        }
    };

    private final List<EventEnvelope> events = new ArrayList<>();
    private int cases;

    private final KpiEvaluator catalogue = fixture();

    private KpiEvaluator fixture() {
        decided("2015-09-01", CLOSED_AFTER_INITIAL_ENQUIRIES);
        decided("2015-11-02", UPHELD);
        for (OmbudsmanOutcome outcome : List.of(ADVICE_GIVEN, ADVICE_GIVEN, INCOMPLETE_INVALID, PREMATURE,
                CLOSED_AFTER_INITIAL_ENQUIRIES, CLOSED_AFTER_INITIAL_ENQUIRIES, CLOSED_AFTER_INITIAL_ENQUIRIES,
                NOT_UPHELD, NOT_UPHELD, UPHELD_SATISFACTORY_REMEDY_BY_COUNCIL, UPHELD_MALADMINISTRATION_NO_INJUSTICE)) {
            decided("2016-06-01", outcome);
        }
        String a = decided("2016-08-01", UPHELD_MALADMINISTRATION_INJUSTICE);
        on(a, "2016-08-01", new OmbudsmanRecommendationMade(1, RecommendationKind.APOLOGY, 0, LocalDate.parse("2016-09-30")));
        on(a, "2016-08-01", new OmbudsmanRecommendationMade(2, RecommendationKind.PAYMENT, 50_000,
                LocalDate.parse("2016-10-14")));
        on(a, "2016-09-20", new OmbudsmanRecommendationCompleted(1, true));
        on(a, "2016-10-20", new OmbudsmanRecommendationCompleted(2, true));
        String b = decided("2016-11-01", UPHELD_MALADMINISTRATION_INJUSTICE);
        on(b, "2016-11-01", new OmbudsmanRecommendationMade(1, RecommendationKind.PROCEDURE_REVIEW, 0,
                LocalDate.parse("2017-01-31")));
        on(b, "2016-11-01", new OmbudsmanRecommendationMade(2, RecommendationKind.STAFF_TRAINING, 0,
                LocalDate.parse("2017-04-28")));
        on(b, "2017-01-15", new OmbudsmanRecommendationCompleted(1, false));
        OfflineReplay.Result result = new OfflineReplay(RULES.machine(), RULES.contributions()).replay(events);
        assertThat(result.rejected()).as("the fixture is a valid history").isEmpty();
        return new KpiEvaluator(result.series());
    }

    /** An Ombudsman case decided on {@code date} (its enquiry a month before); returns its reference. */
    private String decided(String date, OmbudsmanOutcome outcome) {
        String key = "LGSCO-" + (++cases);
        on(key, LocalDate.parse(date).minusMonths(1).toString(), new OmbudsmanEnquiryReceived("Adult Care"));
        on(key, date, new OmbudsmanDecision(outcome, 0));
        return key;
    }

    private void on(String key, String date, ComplaintEvent event) {
        events.add(new EventEnvelope(UUID.nameUUIDFromBytes((key + date + event).getBytes()),
                OffsetDateTime.parse(date + "T10:00:00+01:00"), key, AUTHORITY, 1, event));
    }

    /** Label -> [prior, current] as shown. */
    private static Map<String, List<String>> shown(ReportTable table) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        table.rows().forEach(r -> out.put(r.label(), List.of(r.cells().get(1).text(), r.cells().get(2).text())));
        return out;
    }

    private ReportTable letter(Period period, boolean publicOutput) {
        return OmbudsmanLetter.table(Disclosure.disclose(catalogue.snapshot(AUTHORITY, period), publicOutput), NAMES);
    }

    @Test
    void theLettersFiguresAreTheHandWorkedOnes() {
        ReportTable letter = letter(Period.financialYear(YEAR), false);

        assertThat(letter.columns()).containsExactly("Measure", "2015/16", "2016/17");
        assertThat(shown(letter)).containsExactly(
                Map.entry("Complaints and enquiries decided", List.of("2", "13")),
                Map.entry("... not for the Ombudsman", List.of("0", "4")),
                Map.entry("... assessed and closed", List.of("1", "3")),
                Map.entry("... investigated", List.of("1", "6")),
                Map.entry("Upheld", List.of("1", "4")),
                Map.entry("Uphold rate (% of investigated)", List.of("100.0%", "66.7%")),
                Map.entry("Upheld per 100,000 residents", List.of("x", "1.1")),
                Map.entry("Residents (the population the rate is per)", List.of("x", "350000")),
                Map.entry("Recommendations due", List.of("0", "3")),
                Map.entry("... complied with by the due date", List.of("0", "1")),
                Map.entry("Compliance with recommendations (%)", List.of("z", "33.3%")),
                Map.entry("Upheld where the council had already provided a satisfactory remedy", List.of("0", "1")),
                Map.entry("Satisfactory remedy by the council (% of upheld)", List.of("0.0%", "25.0%")),
                Map.entry("Payments recommended, complied with", List.of("£0", "£500")));
        // The uphold rate is of the investigated, not of every decision (4 of 13 would be 30.8%).
        assertThat(catalogue.snapshot(AUTHORITY, Period.financialYear(YEAR)).figure("ombudsman.fault_found.rate")
                .rate().percent()).isEqualByComparingTo("30.8");
    }

    @Test
    void anyPeriodHasItsPriorBesideIt() {
        // Quarter 3 (October to December 2016): case B decided (upheld), A's payment due (14 October) and met late.
        // Quarter 2 (July to September) beside it: case A decided (upheld), its apology due and met on time.
        ReportTable q3 = letter(Period.quarter(YEAR, 3), false);

        assertThat(q3.columns()).containsExactly("Measure", "2016/17 Q2", "2016/17 Q3");
        Map<String, List<String>> shown = shown(q3);
        assertThat(shown.get("Upheld")).containsExactly("1", "1");
        assertThat(shown.get("Recommendations due")).containsExactly("1", "1");
        assertThat(shown.get("Compliance with recommendations (%)")).containsExactly("100.0%", "0.0%");
        assertThat(shown.get("Upheld per 100,000 residents")).containsExactly("0.3", "0.3");
    }

    @Test
    void aPublicCopyHidesThePerResidentFigureWithItsCount() {
        Map<String, List<String>> shown = shown(letter(Period.financialYear(YEAR), true));

        assertThat(shown.get("Upheld")).containsExactly(Cell.SUPPRESSED, Cell.SUPPRESSED);
        assertThat(shown.get("Upheld per 100,000 residents")).containsExactly(Cell.SUPPRESSED, Cell.SUPPRESSED);
    }

    @Test
    void everyRegimesReportEndsWithTheLetterNumberedInItsPlaceInEveryFormat() {
        FigureSettings settings = new FigureSettings(Stage2ClockStart.STATEMENT_AGREED, List.of(), List.of());
        Instant generated = Instant.parse("2017-05-01T09:00:00Z");
        for (AnnualReport report : List.of(
                AnnualReport.build(catalogue, AUTHORITY, NAMES, YEAR, false, settings, generated, Commentary.NONE),
                AnnualReport.corporate(catalogue, AUTHORITY, NAMES, YEAR, false, settings, CorporateTimescales.CODE,
                        generated, Commentary.NONE),
                AnnualReport.adults(catalogue, AUTHORITY, NAMES, YEAR, false, settings, generated, Commentary.NONE))) {
            ReportTable last = report.tables().get(report.tables().size() - 1);
            String title = "Table " + report.tables().size() + ": " + OmbudsmanLetter.TITLE;
            assertThat(last.title()).as(report.title()).isEqualTo(title);
            assertThat(last.id()).isEqualTo("table" + report.tables().size());
            assertThat(shown(last).get("Uphold rate (% of investigated)")).containsExactly("100.0%", "66.7%");
            assertThat(AnnualReportCsv.render(report)).contains(title);
            assertThat(AnnualReportHtml.render(report)).contains(AnnualReportHtml.escape(title));
        }
    }

    @Test
    void theOmbudsmansAveragesOfSimilarAuthoritiesSitUnderTheirRatesWithTheirSource() {
        OmbudsmanAverage.Source source = new OmbudsmanAverage.Source("Annual review letter 2017",
                "https://www.lgo.org.uk/your-councils-performance", 2017);
        Map<String, OmbudsmanAverage> averages = Map.of(
                "uphold-rate", new OmbudsmanAverage(CouncilType.COUNTY, YEAR, Measure.UPHOLD_RATE,
                        new BigDecimal("54"), source),
                "compliance", new OmbudsmanAverage(CouncilType.COUNTY, YEAR, Measure.COMPLIANCE,
                        new BigDecimal("99.5"), source));
        AuthorityNames withAverages = new AuthorityNames() {
            @Override
            public String nameOf(String code) {
                return NAMES.nameOf(code);
            }

            @Override
            public Optional<OmbudsmanAverage> ombudsmanAverage(String code, FinancialYear year, Measure measure) {
                return Optional.ofNullable(averages.get(measure.code())).filter(a -> a.year().equals(year));
            }
        };

        ReportTable letter = OmbudsmanLetter.table(Disclosure.disclose(
                catalogue.snapshot(AUTHORITY, Period.financialYear(YEAR)), false), withAverages);

        List<String> labels = new ArrayList<>(shown(letter).keySet());
        Map<String, List<String>> shown = shown(letter);
        // Under its rate; x for 2015/16, for which no average is held; none for satisfactory remedy (none held).
        assertThat(labels.get(labels.indexOf("Uphold rate (% of investigated)") + 1))
                .isEqualTo("... average of similar authorities (the Ombudsman's, uphold rate)");
        assertThat(shown.get("... average of similar authorities (the Ombudsman's, uphold rate)"))
                .containsExactly("x", "54%");
        assertThat(labels.get(labels.indexOf("Compliance with recommendations (%)") + 1))
                .isEqualTo("... average of similar authorities (the Ombudsman's, compliance)");
        assertThat(shown.get("... average of similar authorities (the Ombudsman's, compliance)"))
                .containsExactly("x", "99.5%");
        assertThat(labels).doesNotContain("... average of similar authorities (the Ombudsman's, satisfactory remedy)");
        assertThat(letter.note()).endsWith(" The averages of similar authorities are the Ombudsman's for councils of"
                + " the same type, from Annual review letter 2017 (2017, https://www.lgo.org.uk/your-councils-performance).");
        // Without averages the letter has no such row and its note says nothing of them.
        ReportTable plain = letter(Period.financialYear(YEAR), false);
        assertThat(plain.rows()).hasSize(letter.rows().size() - 2);
        assertThat(plain.note()).doesNotContain("averages");
    }
}
