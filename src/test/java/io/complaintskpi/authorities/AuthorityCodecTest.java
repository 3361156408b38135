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
}
