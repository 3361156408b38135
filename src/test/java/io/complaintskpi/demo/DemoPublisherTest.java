package io.complaintskpi.demo;

import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.SchemaValidator;
import io.complaintskpi.testing.MutableClock;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPublisherTest {

    private static final List<EventEnvelope> HISTORY = SeedHistory.events();
    /** Enough to tell records apart without the schemas. */
    private static final Function<EventEnvelope, byte[]> ID = e -> e.eventId().toString().getBytes(StandardCharsets.UTF_8);

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final List<String> progress = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();

    @Test
    void publish_all_with_the_real_codec_sends_what_the_service_decodes() {
        assertThat(getClass().getResource("/topics/schemas/envelope.schema.json")).as("the JSON Schemas").isNotNull();
        DemoPublisher.publishAll(HISTORY, producer);
        EventCodec codec = new EventCodec(SeedHistory.AUTHORITY, new SchemaValidator());
        assertThat(producer.history()).extracting(r -> codec.decode(r.value())).isEqualTo(HISTORY);
    }

    @Test
    void replay_compresses_time_by_business_date_and_reports_each_month() throws InterruptedException {
        DemoPublisher publisher = publisher();
        publisher.replay(HISTORY);
        assertThat(producer.history()).extracting(ProducerRecord::value)
                .containsExactlyElementsOf(HISTORY.stream().map(ID).toList());
        LocalDate first = HISTORY.get(0).businessDate();
        LocalDate last = HISTORY.get(HISTORY.size() - 1).businessDate();
        assertThat(sleeps).hasSize((int) (last.toEpochDay() - first.toEpochDay() + 1))
                .containsOnly(Duration.ofMillis(50));
        assertThat(progress).hasSize(36).first().asString().startsWith("2013-04: ");
        long receivedByJune2015 = HISTORY.stream().filter(e -> e.event() instanceof ComplaintReceived
                && !e.businessDate().isBefore(LocalDate.of(2015, 4, 1))
                && e.businessDate().isBefore(LocalDate.of(2015, 7, 1))).count();
        long publishedByJune2015 = HISTORY.stream().filter(e -> e.businessDate().isBefore(LocalDate.of(2015, 7, 1)))
                .count();
        assertThat(progress).contains(String.format(
                "2015-06: %d events published (stage 1 received in 2015/16 so far: %d)",
                publishedByJune2015, receivedByJune2015));
        assertThat(progress.get(35)).isEqualTo(String.format(
                "2016-03: %d events published (stage 1 received in 2015/16 so far: 65)", HISTORY.size()));
    }

    /** The seed years, then the recent history: paced each on its own dates, the years between skipped. */
    @Test
    void run_replays_each_history_over_its_own_dates_then_goes_live() throws InterruptedException {
        List<EventEnvelope> recent = LiveComplaintsSimulator.recentHistory(LocalDate.of(2026, 6, 1));
        DemoPublisher[] publisher = new DemoPublisher[1];
        publisher[0] = new DemoPublisher(producer, ID, Duration.ofMillis(50), Duration.ofSeconds(3), progress::add,
                duration -> {
                    sleeps.add(duration);
                    if (duration.equals(Duration.ofSeconds(3))) {
                        publisher[0].stop();
                    }
                });
        publisher[0].run(List.of(HISTORY, recent), new LiveComplaintsSimulator(
                new MutableClock(Instant.parse("2026-06-01T10:00:00Z")), new Random(5)),
                new MutableClock(Instant.parse("2026-06-01T10:00:00Z")));
        long days = days(HISTORY) + days(recent);
        assertThat(sleeps).hasSize((int) days + 1).endsWith(Duration.ofSeconds(3));
        assertThat(producer.history()).extracting(ProducerRecord::value).startsWith(
                java.util.stream.Stream.concat(HISTORY.stream(), recent.stream()).map(ID).toArray(byte[][]::new));
        assertThat(progress).contains(String.format("2016-03: %d events published (stage 1 received in 2015/16 so"
                + " far: 65)", HISTORY.size())).anyMatch(line -> line.startsWith("2025-04: "));
    }

    private static long days(List<EventEnvelope> history) {
        return history.get(history.size() - 1).businessDate().toEpochDay() - history.get(0).businessDate().toEpochDay() + 1;
    }

    @Test
    void live_publishes_a_tick_per_interval_until_stopped() throws InterruptedException {
        Instant start = Instant.parse("2026-03-10T10:00:00Z");
        MutableClock clock = new MutableClock(start);
        LiveComplaintsSimulator simulator = new LiveComplaintsSimulator(clock, new Random(5));
        LiveComplaintsSimulator twin = new LiveComplaintsSimulator(clock, new Random(5));
        List<EventEnvelope> expected = new ArrayList<>();
        DemoPublisher[] publisher = new DemoPublisher[1];
        publisher[0] = new DemoPublisher(producer, ID, Duration.ofMillis(50), Duration.ofSeconds(3), progress::add,
                duration -> {
                    sleeps.add(duration);
                    clock.advance(duration);
                    if (sleeps.size() == 20) {
                        publisher[0].stop();
                    }
                });
        for (int tick = 0; tick < 20; tick++) {
            expected.addAll(twin.next(start.plusSeconds(3L * tick)));
        }
        publisher[0].live(simulator, clock);
        assertThat(sleeps).hasSize(20).containsOnly(Duration.ofSeconds(3));
        assertThat(producer.history()).extracting(ProducerRecord::value)
                .containsExactlyElementsOf(expected.stream().map(ID).toList());
        assertThat(progress).isNotEmpty().allMatch(line -> line.startsWith("live "));
    }

    @Test
    void a_stopped_replay_publishes_nothing_more() throws InterruptedException {
        DemoPublisher publisher = publisher();
        publisher.stop();
        publisher.replay(HISTORY);
        assertThat(producer.history()).isEmpty();
    }

    private DemoPublisher publisher() {
        return new DemoPublisher(producer, ID, Duration.ofMillis(50), Duration.ofSeconds(3), progress::add,
                sleeps::add);
    }
}
