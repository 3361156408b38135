package io.complaintskpi.demo;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.complaintskpi.events.OmbudsmanOutcome;
import io.complaintskpi.rules.FinancialYear;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * The seed report's figures (Leicestershire children's social care, annual report 2015-16) and the
 * plausible figures chosen where it gives none, read from {@value #RESOURCE}. {@code NOTES.md} beside it
 * explains every choice; change the two together. Money is in pence; maps keep the file's order, so the
 * generated history never depends on hash order.
 *
 * @param years     the financial years of the history, oldest first
 * @param ombudsman the Ombudsman cases; section 6 of the report lists the 2015-16 decisions in this order
 * @param redress   the council's payment agreed with the Ombudsman on LGO-2015-003 (table 8)
 */
record SeedYears(List<SeedYear> years, List<OmbudsmanCase> ombudsman, Redress redress) {

    static final String RESOURCE = "/fixtures/seed-years.json";

    static final SeedYears SEED = read(RESOURCE);

    SeedYears {
        years = List.copyOf(years);
        ombudsman = List.copyOf(ombudsman);
    }

    /** One Ombudsman case: the enquiry and, when made within the history, the decision. */
    record OmbudsmanCase(String reference, LocalDate received, String serviceArea, LocalDate decided,
                         OmbudsmanOutcome outcome, long remedyPence) {
    }

    /** A payment agreed with the Ombudsman: a cost with no complaint key, paid on one day. */
    record Redress(String reference, LocalDate paid) {
    }

    SeedYear first() {
        return years.get(0);
    }

    SeedYear last() {
        return years.get(years.size() - 1);
    }

    static SeedYears read(String resource) {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule().addDeserializer(FinancialYear.class,
                        new FromStringDeserializer<>(FinancialYear.class) {
                            @Override
                            protected FinancialYear _deserialize(String value, DeserializationContext ctxt) {
                                return FinancialYear.parse(value);
                            }
                        }))
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        try (InputStream in = SeedYears.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the seed figures " + resource + " are not on the classpath");
            }
            return mapper.readValue(in, SeedYears.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed figures " + resource + ": " + e.getMessage(), e);
        }
    }
}
