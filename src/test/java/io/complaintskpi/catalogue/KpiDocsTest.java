package io.complaintskpi.catalogue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/kpis.md lists the catalogue exactly as the code defines it. */
class KpiDocsTest {

    private static final Path DOC = Path.of("docs/kpis.md");

    @Test
    void everyKpiIdIsDocumented() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        assertThat(KpiDefinitions.all()).allSatisfy(kpi -> assertThat(doc).contains("`" + kpi.id() + "`"));
    }

    @Test
    void theDocumentedTableIsTheGeneratedOne() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        assertThat(doc)
                .as("regenerate the table in %s from KpiDefinitions.markdown()", DOC)
                .contains(KpiDefinitions.markdown());
    }

    @Test
    void catalogueIdsAreUniqueAndRatesReferToCounts() {
        assertThat(KpiDefinitions.all()).extracting(KpiDefinition::id).doesNotHaveDuplicates();
        for (KpiDefinition kpi : KpiDefinitions.all()) {
            if (kpi.formula() instanceof Formula.Ratio ratio) {
                assertThat(KpiDefinitions.require(ratio.numeratorId()).unit()).isEqualTo(KpiDefinition.Unit.COUNT);
                assertThat(KpiDefinitions.require(ratio.denominatorId()).byDimension()).isFalse();
            }
        }
        for (SumRule rule : KpiDefinitions.sumRules()) {
            assertThat(KpiDefinitions.find(rule.totalId())).as(rule.totalId()).isPresent();
            rule.parts().forEach(part -> assertThat(KpiDefinitions.find(part.id())).as(part.id()).isPresent());
        }
    }
}
