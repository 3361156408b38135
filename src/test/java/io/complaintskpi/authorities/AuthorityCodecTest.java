package io.complaintskpi.authorities;

import io.complaintskpi.events.InvalidEventException;
import io.complaintskpi.rules.FinancialYear;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorityCodecTest {

    private final AuthorityCodec codec = new AuthorityCodec();

    static final String LEICESTERSHIRE = """
            {"code":"E10000018","name":"Leicestershire County Council","onsCode":"E10000018",
             "councilType":"county","region":"East Midlands",
             "populations":[{"year":"2015/16","residents":675300,"children":138200},
                            {"year":"2014/15","residents":667900,"children":137100}]}""";

    private static com.fasterxml.jackson.databind.JsonNode json(String text) throws java.io.IOException {
        return io.complaintskpi.events.EventCodec.MAPPER.readTree(text);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsARecordAndWritesItBackTheSame() {
        Authority read = codec.decode("E10000018", bytes(LEICESTERSHIRE));

        assertThat(read.name()).isEqualTo("Leicestershire County Council");
        assertThat(read.councilType()).isEqualTo(CouncilType.COUNTY);
        assertThat(read.region()).isEqualTo("East Midlands");
        assertThat(read.populations()).containsExactly(
                Map.entry(FinancialYear.parse("2014/15"), new Population(667900, 137100)),
                Map.entry(FinancialYear.parse("2015/16"), new Population(675300, 138200)));
        assertThat(codec.decode("E10000018", codec.encode(read))).isEqualTo(read);
    }

    @Test
    void aKeyThatIsNotTheCodeIsRejected() {
        assertThatThrownBy(() -> codec.decode("E10000019", bytes(LEICESTERSHIRE)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("key 'E10000019' is not its code");
    }

    @Test
    void schemaViolationsAreNamed() {
        String badType = LEICESTERSHIRE.replace("\"county\"", "\"parish\"");
        assertThatThrownBy(() -> codec.decode("E10000018", bytes(badType)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("$.councilType");
        String badOns = LEICESTERSHIRE.replace("\"onsCode\":\"E10000018\"", "\"onsCode\":\"X1\"");
        assertThatThrownBy(() -> codec.decode("E10000018", bytes(badOns)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("$.onsCode");
        assertThatThrownBy(() -> codec.decode("E10000018", bytes("{not json")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not JSON");
    }

    @Test
    void moreChildrenThanResidentsOrAYearTwiceIsRejected() {
        String tooManyChildren = LEICESTERSHIRE.replace("\"children\":138200", "\"children\":975300");
        assertThatThrownBy(() -> codec.decode("E10000018", bytes(tooManyChildren)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("more than its 675300 residents");
        String twice = LEICESTERSHIRE.replace("2014/15", "2015/16");
        assertThatThrownBy(() -> codec.decode("E10000018", bytes(twice)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("two populations for 2015/16");
        String notConsecutive = LEICESTERSHIRE.replace("2014/15", "2014/16");
        assertThatThrownBy(() -> codec.decode("E10000018", bytes(notConsecutive)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("consecutive");
    }

    static final String COUNTY_UPHOLD_2015 = """
            {"councilType":"county","year":"2015/16","measure":"uphold-rate","percent":"54.5",
             "source":{"title":"Annual review letter 2016","url":"https://www.lgo.org.uk/your-councils-performance",
                       "year":2016}}""";
    static final String AVERAGE_KEY = "ombudsman-average|county|2015/16|uphold-rate";

    @Test
    void readsAnOmbudsmansAverageExactlyAndWritesItBackTheSame() {
        OmbudsmanAverage read = codec.decodeAverage(AVERAGE_KEY, bytes(COUNTY_UPHOLD_2015));

        assertThat(read).isEqualTo(new OmbudsmanAverage(CouncilType.COUNTY, FinancialYear.parse("2015/16"),
                OmbudsmanAverage.Measure.UPHOLD_RATE, new java.math.BigDecimal("54.5"),
                new OmbudsmanAverage.Source("Annual review letter 2016",
                        "https://www.lgo.org.uk/your-councils-performance", 2016)));
        assertThat(read.key()).isEqualTo(AVERAGE_KEY);
        assertThat(new String(codec.encode(read), StandardCharsets.UTF_8)).contains("\"percent\":\"54.5\"");
        assertThat(codec.decodeAverage(AVERAGE_KEY, codec.encode(read))).isEqualTo(read);
        // The key names the kind: validating by key accepts it, and an average's key is never an authority.
        codec.validate(AVERAGE_KEY, bytes(COUNTY_UPHOLD_2015));
        codec.validate("E10000018", bytes(LEICESTERSHIRE));
        assertThat(OmbudsmanAverage.isKey(AVERAGE_KEY)).isTrue();
        assertThat(OmbudsmanAverage.isKey("E10000018")).isFalse();
    }

    @Test
    void anAverageIsKeyedByItsCouncilTypeYearAndMeasure() throws Exception {
        assertThat(AuthorityCodec.keyOf(json(COUNTY_UPHOLD_2015))).contains(AVERAGE_KEY);
        assertThat(AuthorityCodec.keyOf(json(LEICESTERSHIRE))).contains("E10000018");
        assertThat(AuthorityCodec.keyOf(json("{\"measure\":\"uphold-rate\"}"))).isEmpty();
        assertThatThrownBy(() -> codec.validate("ombudsman-average|district|2015/16|uphold-rate",
                bytes(COUNTY_UPHOLD_2015)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("is not its key 'ombudsman-average|county|2015/16|uphold-rate'");
    }

    @Test
    void anInvalidAverageIsRejectedWithItsReason() {
        String asFloat = COUNTY_UPHOLD_2015.replace("\"54.5\"", "54.5");
        assertThatThrownBy(() -> codec.validate(AVERAGE_KEY, bytes(asFloat)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("$.percent");
        String over100 = COUNTY_UPHOLD_2015.replace("\"54.5\"", "\"154.5\"");
        assertThatThrownBy(() -> codec.validate(AVERAGE_KEY, bytes(over100)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("$.percent");
        String unknownMeasure = COUNTY_UPHOLD_2015.replace("uphold-rate", "stage1-timeliness");
        assertThatThrownBy(() -> codec.validate("ombudsman-average|county|2015/16|stage1-timeliness",
                bytes(unknownMeasure)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("$.measure");
        String noSource = COUNTY_UPHOLD_2015.substring(0, COUNTY_UPHOLD_2015.indexOf(",\n")) + "}";
        assertThatThrownBy(() -> codec.validate(AVERAGE_KEY, bytes(noSource)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("schema violation in Ombudsman's average")
                .hasMessageContaining("source");
        String notConsecutive = COUNTY_UPHOLD_2015.replace("2015/16", "2015/17");
        assertThatThrownBy(() -> codec.validate("ombudsman-average|county|2015/17|uphold-rate", bytes(notConsecutive)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("Ombudsman's average year");
        // An authority record under an average's key is checked as an average, and fails as one.
        assertThatThrownBy(() -> codec.validate(AVERAGE_KEY, bytes(LEICESTERSHIRE)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("schema violation in Ombudsman's average");
    }
}
