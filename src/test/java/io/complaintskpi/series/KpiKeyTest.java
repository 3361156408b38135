package io.complaintskpi.series;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A value holding the separator or the mark cannot move a key into another series or key family; the dates in
 * keys, read by position, are the dates written, as LocalDate's own parse reads them.
 */
class KpiKeyTest {

    private static final LocalDate DAY = LocalDate.of(2015, 4, 1);

    @Test
    void separatorsAndMarksInValuesAreReplacedAndCleanValuesKeptAsTheyAre() {
        KpiKey key = new KpiKey("E10|x", "stage1.received", "area\u0000|b", DAY);

        assertThat(key.authority()).isEqualTo("E10/x");
        assertThat(key.dimension()).isEqualTo("area//b");
        assertThat(KpiKey.decode(key.encode())).isEqualTo(key);
        String clean = "children's services";
        assertThat(KpiKey.clean(clean)).isSameAs(clean);
    }

    @Test
    void everyDateAKeyCanHoldReadsBackAsWritten() {
        Random random = new Random(24);
        for (int i = 0; i < 20_000; i++) {
            LocalDate day = LocalDate.ofEpochDay(random.nextLong(LocalDate.of(1900, 4, 1).toEpochDay(),
                    LocalDate.of(2200, 1, 1).toEpochDay()));
            KpiKey key = new KpiKey("E10000018", "stage1.received", "all", day);
            assertThat(KpiKey.decode(key.encode())).isEqualTo(key);
            assertThat(KpiKey.date("x|" + day + "|y", 2, 12)).isEqualTo(LocalDate.parse(day.toString()));
        }
    }

    @Test
    void whatIsNotADateIsRefusedAsLocalDateRefusesIt() {
        assertThatThrownBy(() -> KpiKey.date("2015-02-30", 0, 10)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> KpiKey.date("2015/02/03", 0, 10)).isInstanceOf(DateTimeParseException.class);
        assertThat(KpiKey.date("+10000-01-01", 0, 12)).isEqualTo(LocalDate.of(10_000, 1, 1));
    }
}
