package io.complaintskpi.demo;

import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.SchemaValidator;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.streams.Names;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Publishes the demo to the events topic ({@link Names#EVENTS_TOPIC}): first the seed history,
 * time-compressed (one business date per {@code perBusinessDay}, with a progress line per month), then
 * the live simulator's events every {@code liveInterval} until {@link #stop()}. Key = complaintId, value =
 * the encoded event, record timestamp = occurredAt.
 */
public final class DemoPublisher {

    /** About a minute for the three years of the seed history. */
    public static final Duration DEFAULT_PER_BUSINESS_DAY = Duration.ofMillis(50);
    public static final Duration DEFAULT_LIVE_INTERVAL = Duration.ofSeconds(3);

    /** Waits between steps; tests pass one that does not wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Producer<String, byte[]> producer;
    private final Function<EventEnvelope, byte[]> encoder;
    private final Duration perBusinessDay;
    private final Duration liveInterval;
    private final Consumer<String> progress;
    private final Sleeper sleeper;
    private volatile boolean stopped;

    /** {@code encoder} is normally {@code codec::encode}. */
    public DemoPublisher(Producer<String, byte[]> producer, Function<EventEnvelope, byte[]> encoder,
                         Duration perBusinessDay, Duration liveInterval, Consumer<String> progress, Sleeper sleeper) {
        this.producer = producer;
        this.encoder = encoder;
        this.perBusinessDay = perBusinessDay;
        this.liveInterval = liveInterval;
        this.progress = progress;
        this.sleeper = sleeper;
    }

    /** An idempotent producer that waits for all in-sync replicas: no duplicates, no losses on retry. */
    public static Properties producerConfig(String bootstrapServers) {
        return producerConfig(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** The same producer on {@code clientProperties}: the cluster and any pass-through client settings. */
    public static Properties producerConfig(Map<String, Object> clientProperties) {
        Properties config = new Properties();
        config.putAll(clientProperties);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "complaints-kpi-demo");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    public static Producer<String, byte[]> createProducer(String bootstrapServers) {
        return new KafkaProducer<>(producerConfig(bootstrapServers));
    }

    public static Producer<String, byte[]> createProducer(Map<String, Object> clientProperties) {
        return new KafkaProducer<>(producerConfig(clientProperties));
    }

    /** Sends every event at once, in order, encoded by the codec, and waits until all are acknowledged. */
    public static void publishAll(List<EventEnvelope> events, Producer<String, byte[]> producer) {
        publishAll(events, producer, new EventCodec(SeedHistory.AUTHORITY, new SchemaValidator())::encode);
    }

    public static void publishAll(List<EventEnvelope> events, Producer<String, byte[]> producer,
                                  Function<EventEnvelope, byte[]> encoder) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        events.forEach(event -> send(event, producer, encoder, failure));
        flush(producer, failure);
    }

    /** The history then the live stream, until stopped or interrupted. */
    public void run(List<EventEnvelope> history, LiveComplaintsSimulator simulator, Clock clock)
            throws InterruptedException {
        replay(history);
        live(simulator, clock);
    }

    /** Publishes the history business date by business date, pausing {@code perBusinessDay} after each. */
    public void replay(List<EventEnvelope> history) throws InterruptedException {
        if (history.isEmpty()) {
            return;
        }
        TreeMap<LocalDate, List<EventEnvelope>> byDate = history.stream().collect(
                Collectors.groupingBy(EventEnvelope::businessDate, TreeMap::new, Collectors.toList()));
        AtomicReference<Exception> failure = new AtomicReference<>();
        LocalDate last = byDate.lastKey();
        Tally tally = new Tally();
        for (LocalDate date = byDate.firstKey(); !date.isAfter(last) && !stopped;
             date = date.plusDays(1)) {
            for (EventEnvelope event : byDate.getOrDefault(date, List.of())) {
                send(event, producer, encoder, failure);
                tally.count(event);
            }
            if (date.equals(last) || date.getMonth() != date.plusDays(1).getMonth()) {
                flush(producer, failure);
                progress.accept(tally.line(YearMonth.from(date)));
            }
            sleeper.sleep(perBusinessDay);
        }
    }

    /** Publishes a simulator tick every {@code liveInterval} until stopped. */
    public void live(LiveComplaintsSimulator simulator, Clock clock) throws InterruptedException {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long published = 0;
        while (!stopped) {
            List<EventEnvelope> events = simulator.next(clock.instant());
            events.forEach(event -> send(event, producer, encoder, failure));
            flush(producer, failure);
            published += events.size();
            if (!events.isEmpty()) {
                progress.accept("live " + clock.instant() + ": " + events.size() + " events published ("
                        + published + " live so far)");
            }
            sleeper.sleep(liveInterval);
        }
    }

    /** Ends the replay or the live loop after the current step. */
    public void stop() {
        stopped = true;
    }

    private static void send(EventEnvelope event, Producer<String, byte[]> producer,
                             Function<EventEnvelope, byte[]> encoder, AtomicReference<Exception> failure) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Names.EVENTS_TOPIC, null,
                event.occurredAt().toInstant().toEpochMilli(), event.complaintId(), encoder.apply(event));
        producer.send(record, (metadata, exception) -> {
            if (exception != null) {
                failure.compareAndSet(null, exception);
            }
        });
    }

    private static void flush(Producer<String, byte[]> producer, AtomicReference<Exception> failure) {
        producer.flush();
        Exception first = failure.get();
        if (first != null) {
            throw new IllegalStateException("publishing to " + Names.EVENTS_TOPIC + " failed", first);
        }
    }

    /** Running counts for the progress lines. */
    private static final class Tally {
        private long published;
        private final Map<FinancialYear, Long> receivedByYear = new TreeMap<>();

        void count(EventEnvelope event) {
            published++;
            if (event.event() instanceof ComplaintReceived) {
                receivedByYear.merge(FinancialYear.of(event.businessDate()), 1L, Long::sum);
            }
        }

        String line(YearMonth month) {
            FinancialYear year = FinancialYear.of(month.atDay(1));
            return String.format("%s: %d events published (stage 1 received in %s so far: %d)", month, published,
                    year, receivedByYear.getOrDefault(year, 0L));
        }
    }
}
