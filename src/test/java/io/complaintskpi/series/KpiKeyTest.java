package io.complaintskpi.series;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A value holding the separator or the mark cannot move a key into another series or key family. */
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
}
