package io.complaintskpi.streams;

import io.complaintskpi.authorities.Authorities;
import io.complaintskpi.authorities.CouncilType;
import io.complaintskpi.events.InvalidEventException;
import io.complaintskpi.rules.FinancialYear;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Authority records through the real topology: valid ones into the global table, invalid ones to the DLQ. */
class AuthoritiesTopologyTest {

    private static final String KENT = """
            {"code":"KENT","name":"Kent County Council","onsCode":"E10000016","councilType":"county",
             "region":"South East","populations":[{"year":"2015/16","residents":1500000,"children":330000}]}""";

    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aValidRecordReachesTheGlobalTableAndAnInvalidOneTheDeadLetterTopicWithItsReason() {
        try (TopologyHarness h = new TopologyHarness(dir, Instant.parse("2016-01-04T09:00:00Z"))) {
            Authorities table = new GlobalAuthorities(() -> h.driver.getKeyValueStore(Names.AUTHORITIES_STORE));

            h.authorities.pipeInput("KENT", bytes(KENT));
            h.authorities.pipeInput("KENT", bytes(KENT.replace("\"county\"", "\"parish\"")));

            assertThat(table.authority("KENT")).hasValueSatisfying(kent -> {
                assertThat(kent.councilType()).isEqualTo(CouncilType.COUNTY);
                assertThat(kent.population(FinancialYear.parse("2016/17")).orElseThrow().residents())
                        .isEqualTo(1_500_000);
            });
            TestRecord<byte[], byte[]> dead = h.dlq.readRecord();
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).contains("parish");
            assertThat(header(dead, "__streams.errors.exception")).isEqualTo(InvalidEventException.class.getName());
            assertThat(header(dead, "__streams.errors.message")).contains("$.councilType");
            assertThat(header(dead, "__streams.errors.topic")).isEqualTo(Names.AUTHORITIES_TOPIC);
            assertThat(h.dlq.isEmpty()).isTrue();
        }
    }

    @Test
    void aTombstoneRemovesTheAuthorityAndAKeylessRecordIsDeadLettered() {
        try (TopologyHarness h = new TopologyHarness(dir, Instant.parse("2016-01-04T09:00:00Z"))) {
            Authorities table = new GlobalAuthorities(() -> h.driver.getKeyValueStore(Names.AUTHORITIES_STORE));
            h.authorities.pipeInput("KENT", bytes(KENT));
            h.authorities.pipeInput("SURREY", bytes(KENT.replace("\"KENT\"", "\"SURREY\"")));
            assertThat(table.all()).extracting(a -> a.code()).containsExactly("KENT", "SURREY");

            h.authorities.pipeInput("KENT", (byte[]) null);
            h.authorities.pipeInput((String) null, bytes(KENT));

            assertThat(table.all()).extracting(a -> a.code()).containsExactly("SURREY");
            assertThat(header(h.dlq.readRecord(), "__streams.errors.message")).contains("without a key");
        }
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
