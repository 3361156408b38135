package io.complaintskpi.disclosure;

import io.complaintskpi.catalogue.KpiDefinition.Unit;
import io.complaintskpi.figures.Change;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Money as the reports print it: pounds grouped in thousands, pence only when there are some, the sign first. */
class CellTest {

    @Test
    void moneyIsPoundsGroupedByThousandsWithPenceWhenThereAreSome() {
        assertThat(Cell.money(0).text()).isEqualTo("£0");
        assertThat(Cell.money(5).text()).isEqualTo("£0.05");
        assertThat(Cell.money(1_210_000).text()).isEqualTo("£12,100");
        assertThat(Cell.money(1_210_005).text()).isEqualTo("£12,100.05");
        assertThat(Cell.money(123_456_789_050L).text()).isEqualTo("£1,234,567,890.50");
        assertThat(Cell.money(-100_000).text()).isEqualTo("-£1,000");
        assertThat(Cell.change(new Change(BigDecimal.valueOf(-99_999), null), Unit.PENCE).text())
                .isEqualTo("-£999.99");
        assertThat(Cell.change(new Change(BigDecimal.valueOf(100_000), null), Unit.PENCE).text())
                .isEqualTo("+£1,000");
    }

    /** The same text as the JDK's own UK grouping, over amounts of every length and both signs. */
    @Test
    void moneyReadsAsTheUkNumberFormatWritesIt() {
        Random random = new Random(24);
        for (int i = 0; i < 10_000; i++) {
            long pence = (long) (random.nextGaussian() * Math.pow(10, random.nextInt(14)));
            long abs = Math.abs(pence);
            String expected = (pence < 0 ? "-" : "") + String.format(Locale.UK, "£%,d", abs / 100)
                    + (abs % 100 == 0 ? "" : String.format(Locale.UK, ".%02d", abs % 100));
            assertThat(Cell.money(pence).text()).as("%d pence", pence).isEqualTo(expected);
        }
    }
}
