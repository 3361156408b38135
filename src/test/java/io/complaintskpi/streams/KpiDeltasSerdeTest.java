package io.complaintskpi.streams;

import io.complaintskpi.series.KpiKey;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KpiDeltasSerdeTest {

    private final KpiDeltasSerde serde = new KpiDeltasSerde();

    @Test
    void anEventsDeltasComeBackAsTheyWentWithTheirSignsAndOrder() {
        Map<KpiKey, Long> deltas = new LinkedHashMap<>();
        deltas.put(new KpiKey("E10000034", "stage1.open", "all", LocalDate.of(2016, 3, 31)), -1L);
        deltas.put(new KpiKey("E10000034", "stage1.closed", "service-area=Children in care", LocalDate.of(2016, 3, 31)), 1L);
        deltas.put(new KpiKey("E10000034", "cost.compensation", "all", LocalDate.of(2015, 4, 1)), 25_000L);

        byte[] bytes = serde.serializer().serialize("t", deltas);
        Map<KpiKey, Long> read = serde.deserializer().deserialize("t", bytes);

        assertThat(read).containsExactlyEntriesOf(deltas);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text.indexOf("E10000034")).as("the authority written once").isEqualTo(text.lastIndexOf("E10000034"))
                .isNotNegative();
    }

    @Test
    void deltasOfTwoAuthoritiesInOneRecordAreRefusedNotMisplaced() {
        Map<KpiKey, Long> deltas = new LinkedHashMap<>();
        deltas.put(new KpiKey("A", "stage1.received", "all", LocalDate.of(2016, 3, 31)), 1L);
        deltas.put(new KpiKey("B", "stage1.received", "all", LocalDate.of(2016, 3, 31)), 1L);

        assertThatThrownBy(() -> serde.serializer().serialize("t", deltas))
                .isInstanceOf(SerializationException.class).hasMessageContaining("two authorities");
    }

    @Test
    void anUnknownFormIsAnErrorNotAWrongSum() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown version 9");
    }
}
