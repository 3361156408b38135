package io.complaintskpi.demo;

import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.SchemaValidator;
import io.complaintskpi.publish.EventPublisher;
import io.complaintskpi.rules.FinancialYear;
import org.apache.kafka.clients.producer.Producer;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo's pacing over {@link EventPublisher}: first the seed history, time-compressed (one business date
 * per {@code perBusinessDay}, with a progress line per month), then the live simulator's events every
 * {@code liveInterval} until {@link #stop()}.
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

    private final EventPublisher publisher;
    private final Duration perBusinessDay;
    private final Duration liveInterval;
    private final Consumer<String> progress;
    private final Sleeper sleeper;
    private volatile boolean stopped;

    /** {@code encoder} is normally {@code codec::encode}. */
    public DemoPublisher(Producer<String, byte[]> producer, Function<EventEnvelope, byte[]> encoder,
                         Duration perBusinessDay, Duration liveInterval, Consumer<String> progress, Sleeper sleeper) {
        this.publisher = new EventPublisher(producer, encoder);
        this.perBusinessDay = perBusinessDay;
        this.liveInterval = liveInterval;
        this.progress = progress;
        this.sleeper = sleeper;
    }

    /** Sends the seed's events at once, in order, encoded as the demo does, and waits for every acknowledgement. */
    public static void publishAll(List<EventEnvelope> events, Producer<String, byte[]> producer) {
        EventPublisher.publishAll(events, producer, new EventCodec(SeedHistory.AUTHORITY, new SchemaValidator())::encode);
    }

    /**
     * The histories one after the other, each paced from its first business date to its last (so the years
     * between the seed history and the recent one take no time), then the live stream, until stopped or
     * interrupted.
     */
    public void run(List<List<EventEnvelope>> histories, LiveComplaintsSimulator simulator, Clock clock)
            throws InterruptedException {
        for (List<EventEnvelope> history : histories) {
            replay(history);
        }
        live(simulator, clock);
    }

    /** Publishes the history business date by business date, pausing {@code perBusinessDay} after each. */
    public void replay(List<EventEnvelope> history) throws InterruptedException {
        if (history.isEmpty()) {
            return;
        }
        TreeMap<LocalDate, List<EventEnvelope>> byDate = history.stream().collect(
                Collectors.groupingBy(EventEnvelope::businessDate, TreeMap::new, Collectors.toList()));
        LocalDate last = byDate.lastKey();
        Tally tally = new Tally();
        for (LocalDate date = byDate.firstKey(); !date.isAfter(last) && !stopped;
             date = date.plusDays(1)) {
            for (EventEnvelope event : byDate.getOrDefault(date, List.of())) {
                publisher.send(event);
                tally.count(event);
            }
            if (date.equals(last) || date.getMonth() != date.plusDays(1).getMonth()) {
                publisher.flush();
                progress.accept(tally.line(YearMonth.from(date)));
            }
            sleeper.sleep(perBusinessDay);
        }
    }

    /** Publishes a simulator tick every {@code liveInterval} until stopped. */
    public void live(LiveComplaintsSimulator simulator, Clock clock) throws InterruptedException {
        long published = 0;
        while (!stopped) {
            List<EventEnvelope> events = simulator.next(clock.instant());
            events.forEach(publisher::send);
            publisher.flush();
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
