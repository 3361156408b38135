package io.complaintskpi.streams;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.contributions.Contributions;
import io.complaintskpi.contributions.InternalErrorException;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.series.KpiKey;
import io.complaintskpi.testing.ContractEvents;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.complaintskpi.testing.ContractEvents.received;
import static io.complaintskpi.testing.ContractEvents.responded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bug in the case step (here the contributions, built without their due dates, throw a
 * NullPointerException when a stage closes) dead-letters the one record as an internal error to report,
 * not as a rejection, and processing goes on; the contract's and the rules' rejections stay rejections.
 */
class InternalErrorsTest {

    @TempDir
    Path dir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> events;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void start() {
        Properties file = new Properties();
        file.setProperty("data.dir", dir.toString());
        file.setProperty("kafka.bootstrap-servers", "unused:9092");
        ServiceConfig config = ServiceConfig.load(Map.of(), file, Map.of());
        DomainRules rules = DomainWiring.rules(config);
        DomainRules broken = new DomainRules(rules.codec(), rules.machine(), rules.dueDates(), new Contributions(null),
                rules.deadlineWatch(), rules.settling());
        driver = new TopologyTestDriver(ComplaintsTopology.build(config, broken), ComplaintsTopology.properties(config),
                Instant.parse("2016-01-04T09:00:00Z"));
        events = driver.createInputTopic(Names.EVENTS_TOPIC, new StringSerializer(), new ByteArraySerializer());
        dlq = driver.createOutputTopic(Names.DLQ_TOPIC, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aBugDeadLettersItsRecordAsAnInternalErrorAndProcessingGoesOn() {
        events.pipeInput("C-1", received("C-1", "2015-06-03T10:00:00+01:00", "First Response"));
        byte[] answer = responded("C-1", "2015-06-10T10:00:00+01:00", 1, "NOT_UPHELD");
        events.pipeInput("C-1", answer);
        events.pipeInput("K-1", ContractEvents.event("ComplimentReceived", "K-1", "2015-06-11T10:00:00+01:00",
                "{\"serviceArea\":\"Fostering\"}"));

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(answer);
        assertThat(header(dead.get(0), "__streams.errors.exception")).isEqualTo(InternalErrorException.class.getName());
        assertThat(header(dead.get(0), "__streams.errors.message"))
                .startsWith("internal error, not a fault of the event: please report it")
                .contains("NullPointerException");
        assertThat(header(dead.get(0), "__streams.errors.stacktrace")).contains("Contributions");
        assertThat(kpi("children.stage1.received", "all", "2015-06-03")).as("the event before it stands").isEqualTo(1);
        assertThat(kpi("compliments", "Fostering", "2015-06-11")).as("the event after it is counted").isEqualTo(1);
        CaseStore cases = new CaseStore(driver.getKeyValueStore(Names.CASE_STATE_STORE),
                driver.getKeyValueStore(Names.CASE_EVENTS_STORE), DomainWiring.rules(ServiceConfig.defaults()));
        assertThat(cases.history("C-1").events()).as("the failed event is not in the history").hasSize(1);
        assertThat(cases.snapshot("C-1").eventIds()).as("nor in the snapshot").hasSize(1);
    }

    @Test
    void theContractsAndTheRulesRejectionsStayRejections() {
        events.pipeInput("C-2", "{not json".getBytes(StandardCharsets.UTF_8));
        events.pipeInput("C-3", responded("C-3", "2015-06-10T10:00:00+01:00", 1, "NOT_UPHELD"));

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).extracting(r -> header(r, "__streams.errors.exception")).containsExactly(
                "io.complaintskpi.events.InvalidEventException", "io.complaintskpi.lifecycle.IllegalTransitionException");
    }

    private long kpi(String metric, String dimension, String date) {
        KeyValueStore<String, Long> totals = driver.getKeyValueStore(Names.KPI_TOTALS_STORE);
        Long v = totals.get(new KpiKey(ContractEvents.AUTHORITY, metric, dimension, LocalDate.parse(date)).encode());
        return v == null ? 0 : v;
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
