package io.complaintskpi.demo;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seed's figures as data: read whole, in the file's order, and a mistyped field is an error. */
class SeedYearsTest {

    @Test
    void theSeedFileGivesThreeYearsInOrderWithTheirFigures() {
        SeedYears seed = SeedYears.read(SeedYears.RESOURCE);
        assertThat(seed.years()).extracting(y -> y.year().label()).containsExactly("2013/14", "2014/15", "2015/16");
        for (SeedYear year : seed.years()) {
            assertThat(year.serviceAreas().values().stream().mapToInt(Integer::intValue).sum())
                    .as(year.year().label()).isEqualTo(year.received());
            assertThat(year.complainants().values().stream().mapToInt(Integer::intValue).sum())
                    .as(year.year().label()).isEqualTo(year.received());
        }
        assertThat(seed.last().serviceAreas().keySet()).first().isEqualTo("Child Protection (Charnwood & Melton)");
        assertThat(seed.ombudsman()).hasSize(24);
        assertThat(seed.redress().reference()).isEqualTo("COST-2015-001");
    }

    @Test
    void aFieldTheReaderDoesNotKnowIsAnErrorNamingIt() {
        assertThatThrownBy(() -> SeedYears.read("/fixtures/seed-years-unknown-field.json"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("seed-years-unknown-field.json")
                .hasMessageContaining("\"extra\"");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> SeedYears.read("/fixtures/no-such.json")).hasMessageContaining("/fixtures/no-such.json");
    }
}
