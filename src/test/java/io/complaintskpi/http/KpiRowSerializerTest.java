package io.complaintskpi.http;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.complaintskpi.catalogue.KpiDefinition.Unit;
import io.complaintskpi.events.EventCodec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rows' own serializer writes exactly what Jackson's record serializer writes, to the byte. */
class KpiRowSerializerTest {

    /** The API's mapper without annotations: the record serializer {@link KpiRowSerializer} replaces. */
    private static final ObjectMapper BY_RECORD = ((JsonMapper) EventCodec.MAPPER).rebuild()
            .disable(MapperFeature.USE_ANNOTATIONS).build();

    @Test
    void rowsReadAsTheRecordSerializerWritesThem() throws Exception {
        List<KpiRoutes.KpiRow> rows = List.of(
                new KpiRoutes.KpiRow("context.referrals", null, "context.referrals", null, Unit.COUNT, null, "x",
                        null, "x", null, "x", null),
                new KpiRoutes.KpiRow("adults.stage1.received", "adults", "stage1.received", "Home care", Unit.COUNT,
                        new BigDecimal(1234), "1,234", new BigDecimal(-7), "-7", new BigDecimal("1E+3"), "+1,000",
                        new BigDecimal("-12.5")),
                new KpiRoutes.KpiRow("costs.total", null, "costs.total", "\"quoted\" \\ £ é\n", Unit.PENCE,
                        new BigDecimal("123456789012345678901234"), "£1,234,567.89", new BigDecimal("45.50"),
                        "45.5%", BigDecimal.ZERO, "0", new BigDecimal(Long.MIN_VALUE)),
                new KpiRoutes.KpiRow("stage1.timeliness.within_20", null, "stage1.timeliness.within_20", null,
                        null, new BigDecimal("99.9"), "99.9%", new BigDecimal("999999999999999999"), "y",
                        new BigDecimal("-0.0"), "", new BigDecimal("100")));

        byte[] own = EventCodec.MAPPER.writeValueAsBytes(new KpiRoutes.Rows<>(rows));

        assertThat(new String(own, java.nio.charset.StandardCharsets.UTF_8)).contains("\"percentChange\":-12.5")
                .contains("\"unit\":\"PENCE\"").contains("\"regime\":null");
        assertThat(own).isEqualTo(BY_RECORD.writeValueAsBytes(new KpiRoutes.Rows<>(rows)));
    }
}
