package io.complaintskpi.benchmark;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.app.ComplaintsService;
import io.complaintskpi.broker.EmbeddedKafkaBroker;
import io.complaintskpi.broker.TopicProvisioner;
import io.complaintskpi.broker.TopicSpecs;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.events.ComplainantType;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Regime;
import io.complaintskpi.publish.EventPublisher;
import io.complaintskpi.rules.FinancialYear;
import io.complaintskpi.simulate.EventSink;
import io.complaintskpi.simulate.Simulation;
import io.complaintskpi.streams.Names;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * The service measured as a user runs it, on the embedded broker, each figure beside a baseline taken in
 * the same run: simulated history published; a plain consumer and a bare exactly-once count topology
 * over it; the service's full replay (rate, peak memory, disk); dashboard routes under concurrent
 * clients beside {@code /health}; end-to-end latency under a steady load; the deadline scan with few and
 * with many open complaints (two restarts of the service on its own state).
 */
public final class Bench {

    private static final String APPLICATION_ID = "complaints-kpi";
    private static final String PROBE_AUTHORITY = "BENCH-PROBE";
    private static final String OPEN_AUTHORITY = "BENCH-OPEN";
    private static final String CASELOAD = "/api/v1/complaints?status=open&limit=50";
    private static final Pattern PUNCTUATE_AVG =
            Pattern.compile("(?m)^kafka_stream_thread_punctuate_latency_avg\\{[^}]*} ([0-9.eE+-]+|NaN)$");

    private final BenchSettings settings;
    private final PrintStream log;
    private final BenchTable table;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String bootstrap;
    private CatchUp catchUp;
    private EventCodec codec;
    private long opened;

    private Bench(BenchSettings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
        this.table = new BenchTable(row -> log.println("| " + String.join(" | ", row.figure(), row.measured(),
                row.baseline(), row.comparison()) + " |"));
    }

    /** Runs every part and returns the table; {@code log} gets progress lines. */
    public static BenchTable run(BenchSettings settings, PrintStream log) throws Exception {
        return new Bench(settings, log).run();
    }

    private BenchTable run() throws Exception {
        Path kafkaLogs = ServiceConfig.embeddedBrokerDir(settings.dataDir()).resolve("logs");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(ServiceConfig.embeddedBrokerDir(settings.dataDir()));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            bootstrap = broker.bootstrapServers();
            TopicProvisioner.provision(bootstrap, TopicSpecs.load());
            int partitions = widenInput(admin);
            catchUp = new CatchUp(admin);
            catchUp.awaitServed(Names.EVENTS_TOPIC, Duration.ofMinutes(2));
            codec = DomainWiring.rules(config(Duration.ofMinutes(1))).codec();

            long events = publishHistory();
            long input = Disk.usage(kafkaLogs, name -> name.matches(Pattern.quote(Names.EVENTS_TOPIC) + "-\\d+"));
            table.note(String.format("bench: %,d simulated events (%d authorities from %s, seed %d, %,.0f MiB of"
                            + " input log in %d partitions), one JVM with the embedded broker, %d stream thread(s), commits every"
                            + " %d ms, RocksDB bound %d MiB; %d CPUs,"
                    + " max heap %s, Java %s.",
                    events, settings.plan().authorities(), settings.plan().firstYear(), settings.plan().seed(),
                    input / 1048576.0, partitions, settings.streamThreads(), settings.commitInterval().toMillis(),
                    settings.rocksDbMemoryMb(),
                    Runtime.getRuntime().availableProcessors(), BenchTable.mib(ProcessMemory.maxHeap()),
                    System.getProperty("java.version")));
            double plain = plainConsumer(events);
            long countCpu = ProcessMemory.cpuNanos();
            double count;
            String countWent;
            try (CpuShares countShares = CpuShares.start()) {
                count = countTopology(events);
                countWent = countShares.sinceStart();
            }
            countCpu = ProcessMemory.cpuNanos() - countCpu;

            ProcessMemory.resetPeaks();
            long started = System.nanoTime();
            long replayCpu = ProcessMemory.cpuNanos();
            try (CpuShares shares = CpuShares.start();
                 ComplaintsService service = ComplaintsService.start(config(Duration.ofMinutes(1)))) {
                catchUp.await(APPLICATION_ID, List.of(Names.EVENTS_TOPIC), List.of(repartitionTopic()),
                        Duration.ofSeconds(300 + events / 20)); // a guard against a stuck run, generous for a loaded machine
                double replay = events / seconds(started);
                replayCpu = ProcessMemory.cpuNanos() - replayCpu;
                String replayShares = shares.sinceStart();
                log.printf("replay: %,.0f events/s%n", replay);
                table.add("full replay, events/s (service start to nothing left to consume)", BenchTable.rate(replay),
                        "bare exactly_once_v2 groupByKey().count(): " + BenchTable.rate(count),
                        BenchTable.ratio(replay / count) + " (target >= 0.3x)");
                table.add("CPU per event during the replay (every thread of the JVM, the broker's included)",
                        BenchTable.micros(replayCpu / 1000.0 / events), "bare count: "
                                + BenchTable.micros(countCpu / 1000.0 / events),
                        BenchTable.ratio((double) countCpu / replayCpu) + " (the bare count's CPU over the service's)");
                table.add("where the replay's CPU went (shares of the JVM's)", replayShares, "bare count: " + countWent,
                        "");
                table.add("full replay beside a plain KafkaConsumer", BenchTable.rate(replay),
                        "plain KafkaConsumer: " + BenchTable.rate(plain), BenchTable.ratio(replay / plain));
                memory();
                long replayed = System.nanoTime();
                disk("straight after the replay", kafkaLogs, input, events);
                queries(service.httpPort(), dashboardRoutes(settings));
                // The same input, later: what the log cleaner and RocksDB's compaction leave is what is kept.
                disk(String.format("%.0f s later, after the queries", seconds(replayed)), kafkaLogs, input, events);
                latency(service.httpPort());
                openComplaints(settings.openFew(), "few");
            }
            settle();
            double fewScan = scan("few", settings.openMany() - settings.openFew());
            double manyScan = scan("many", 0);
            table.add(String.format("deadline scan, ms per scan (mean over %s, every %s)", settings.scanTime(),
                            settings.scanInterval()), BenchTable.ms(manyScan) + " with " + String.format("%,d", settings.openMany())
                            + " more open", BenchTable.ms(fewScan) + " with " + String.format("%,d", settings.openFew())
                            + " more open", BenchTable.ratio(manyScan / fewScan) + " (target <= 2)");
            return table;
        }
    }

    // ---- the history and the baselines ----------------------------------------------------------------

    private long publishHistory() {
        Simulation simulation = new Simulation(settings.plan());
        try (Producer<String, byte[]> producer = EventPublisher.createProducer(bootstrap);
             EventSink sink = EventSink.topic(producer, codec)) {
            return simulation.writeTo(sink, log, settings.events());
        }
    }

    private double plainConsumer(long events) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long started = System.nanoTime();
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = catchUp.endOffsets(List.of(Names.EVENTS_TOPIC)).keySet().stream().toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (read < events && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        double rate = read / seconds(started);
        log.printf("plain consumer: %,.0f events/s%n", rate);
        return rate;
    }

    /** More input partitions than the spec's, for measuring how the replay scales with them; returns how many it has. */
    private int widenInput(Admin admin) throws Exception {
        int specified = inputPartitions(admin);
        if (settings.partitions() < specified) {
            throw new IllegalArgumentException("--partitions " + settings.partitions() + " is fewer than the input"
                    + " topic's " + specified + ": partitions can only be added");
        }
        if (settings.partitions() > specified) {
            admin.createPartitions(Map.of(Names.EVENTS_TOPIC, NewPartitions.increaseTo(settings.partitions()))).all().get();
        }
        return inputPartitions(admin);
    }

    private static int inputPartitions(Admin admin) throws Exception {
        return admin.describeTopics(List.of(Names.EVENTS_TOPIC)).allTopicNames().get().get(Names.EVENTS_TOPIC)
                .partitions().size();
    }

    private double countTopology(long events) throws InterruptedException {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Names.EVENTS_TOPIC, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .groupByKey().count(Materialized.as("bench-count"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-count");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.dataDir().resolve("baseline-state").toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streamThreads());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
        long started = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            catchUp.await("bench-count", List.of(Names.EVENTS_TOPIC), List.of(), Duration.ofSeconds(300 + events / 100));
        }
        double rate = events / seconds(started);
        log.printf("bare count topology: %,.0f events/s%n", rate);
        return rate;
    }

    private void memory() {
        long rss = ProcessMemory.peakRss();
        table.add("peak RSS during the replay (whole JVM, broker included)", rss < 0 ? "n/a" : BenchTable.mib(rss),
                "max heap " + BenchTable.mib(ProcessMemory.maxHeap()), "target <= 1,024 MiB");
        table.add("peak heap during the replay (sum of the pools' peaks)", BenchTable.mib(ProcessMemory.peakHeap()),
                "max heap " + BenchTable.mib(ProcessMemory.maxHeap()), "");
    }

    private void disk(String when, Path kafkaLogs, long input, long events) {
        long internal = Disk.usage(kafkaLogs, name -> name.startsWith(APPLICATION_ID + "-"));
        long state = Disk.usage(ServiceConfig.streamsStateDir(settings.dataDir()));
        double perMillion = 1_000_000.0 / events;
        table.add("disk per million events " + when + ": input log / internal topics / Streams state",
                BenchTable.mib((long) (input * perMillion)) + " / " + BenchTable.mib((long) (internal * perMillion))
                        + " / " + BenchTable.mib((long) (state * perMillion)),
                "input " + BenchTable.mib((long) (input * perMillion)),
                BenchTable.ratio((double) (input + internal + state) / input) + " of the input (target <= 3x)");
    }

    // ---- queries and latency ----------------------------------------------------------------------------

    /** The dashboard's routes, each beside {@code /health} loaded the same way just before. */
    private void queries(int port, Map<String, List<String>> routes) throws InterruptedException {
        HttpLoad.Result health = load(port, List.of("/health"));
        String baseline = String.format("/health: %s, p99 %s", BenchTable.rate(health.perSecond()),
                BenchTable.ms(health.latencies().percentileMs(99)));
        for (var route : routes.entrySet()) {
            HttpLoad.Result result = load(port, route.getValue());
            table.add(route.getKey() + String.format(", %d clients", settings.clients()),
                    String.format("%s, p50 %s, p99 %s%s", BenchTable.rate(result.perSecond()),
                            BenchTable.ms(result.latencies().percentileMs(50)),
                            BenchTable.ms(result.latencies().percentileMs(99)),
                            result.failures() > 0 ? ", " + result.failures() + " failed" : ""),
                    baseline, BenchTable.ratio(result.perSecond() / health.perSecond()) + " of /health"
                            + (route.getKey().contains("kpis?") ? " (target >= 1,000/s, p99 <= 20 ms)"
                            : route.getKey().contains("caseload") || route.getKey().contains("authorities")
                            || route.getKey().contains("first page")
                            || route.getKey().contains("drill-down") || route.getKey().contains("/complaints (")
                            || route.getKey().contains("alerts")
                            ? " (target p99 <= 50 ms)" : ""));
        }
    }

    /** Each figure's requests: one route, or a page's requests sent one after another (timed as one). */
    private static Map<String, List<String>> dashboardRoutes(BenchSettings settings) {
        FinancialYear year = new FinancialYear(settings.plan().firstYear().startYear()
                + Math.min(3, settings.plan().years() - 1));
        String authority = Simulation.Plan.authority(0);
        String period = encode(year.label());
        Map<String, List<String>> routes = new LinkedHashMap<>();
        String kpis = "/api/v1/kpis?period=" + period + "&authority=" + authority;
        routes.put("GET /api/v1/kpis?period= (a financial year, one authority)", List.of(kpis));
        List<String> firstPage = consoleFirstPage(authority, period, kpis);
        routes.put("the console's first page (children's; its " + firstPage.size()
                + " API requests one after another, timed as one page)", firstPage);
        routes.put("GET /api/v1/kpis/escalation.rate/series?interval=month (a rate series)",
                List.of("/api/v1/kpis/escalation.rate/series?period=" + period + "&interval=month&authority=" + authority));
        // A drill-down page reads its rows from the kpi-contributors index: cost the page, not the year.
        routes.put("GET /api/v1/kpis/stage1.received/complaints?period= (drill-down, first 50 of a year)",
                List.of("/api/v1/kpis/stage1.received/complaints?limit=50&period=" + period + "&authority=" + authority));
        routes.put("GET /api/v1/kpis/stage1.received.by_service_area/complaints (every service area, first 50)",
                List.of("/api/v1/kpis/stage1.received.by_service_area/complaints?limit=50&period=" + period
                        + "&authority=" + authority));
        // A balance's list reads the spans ending after the year: the complaints open at its end, not the history.
        routes.put("GET /api/v1/kpis/stage1.open/complaints (drill-down of a balance, first 50 open at a year end)",
                List.of("/api/v1/kpis/stage1.open/complaints?limit=50&period=" + period + "&authority=" + authority));
        routes.put("GET /api/v1/authorities", List.of("/api/v1/authorities"));
        routes.put("GET /api/v1/complaints?status=open (the caseload)", List.of(CASELOAD));
        routes.put("GET /api/v1/alerts (the open alerts)", List.of("/api/v1/alerts"));
        return routes;
    }

    /**
     * What the console's dashboard asks for when it opens on an authority's year (children's procedure, the
     * default), in its order: the catalogue, the authorities, the periods, the figures, the two timeliness charts
     * (each month and rolling 90 days), the Ombudsman's letter, the caseload and the open alerts.
     */
    private static List<String> consoleFirstPage(String authority, String period, String kpis) {
        String at = "authority=" + authority;
        String series = "/series?interval=month&period=" + period + "&" + at;
        return List.of("/api/v1/kpis/definitions", "/api/v1/authorities", "/api/v1/periods?" + at, kpis,
                "/api/v1/kpis/stage1.timeliness.within10.rate" + series,
                "/api/v1/kpis/stage1.timeliness.within10.rate" + series + "&rolling=90",
                "/api/v1/kpis/stage2.timeliness.within25.rate" + series,
                "/api/v1/kpis/stage2.timeliness.within25.rate" + series + "&rolling=90",
                "/api/v1/ombudsman/letter?period=" + period + "&" + at,
                "/api/v1/complaints?status=open&regime=children&limit=20&" + at,
                "/api/v1/alerts?regime=children&" + at);
    }

    private HttpLoad.Result load(int port, List<String> paths) throws InterruptedException {
        List<URI> uris = paths.stream().map(path -> URI.create("http://localhost:" + port + path)).toList();
        HttpLoad.run(uris, settings.clients(), settings.queryTime().dividedBy(5)); // warm-up: connections, JIT, caches
        HttpLoad.Result result = HttpLoad.run(uris, settings.clients(), settings.queryTime());
        log.printf("%s: %,.0f/s, p99 %.1f ms%n", paths.get(0) + (paths.size() > 1 ? " and " + (paths.size() - 1)
                + " more" : ""), result.perSecond(), result.latencies().percentileMs(99));
        return result;
    }

    /**
     * Publishes a steady load of further simulated events (an earlier year, so no key collides with the
     * history) and meanwhile, one at a time, probe receipts for an authority of their own, timing each
     * from send to its count moving on the HTTP API.
     */
    private void latency(int port) throws Exception {
        Simulation more = new Simulation(new Simulation.Plan(settings.plan().authorities(),
                settings.plan().firstYear().previous(), settings.plan().years(), settings.plan().complaintsPerYear(),
                settings.plan().seed() + 1));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong sent = new AtomicLong();
        long started = System.nanoTime();
        Thread loader = new Thread(() -> steadyLoad(more.days(), stop, sent, started), "bench-load");
        loader.start();
        List<Long> latencies = new ArrayList<>();
        int lost = 0;
        LocalDate today = LocalDate.now(EventEnvelope.LONDON);
        URI received = URI.create("http://localhost:" + port + "/api/v1/kpis/received?period="
                + encode(FinancialYear.of(today).label()) + "&authority=" + PROBE_AUTHORITY);
        try (Producer<String, byte[]> producer = EventPublisher.createProducer(bootstrap)) {
            long seen = probeCount(received);
            long end = started + settings.latencyTime().toNanos();
            for (int i = 0; System.nanoTime() < end; i++) {
                String key = "PROBE-" + i + "-" + System.currentTimeMillis();
                long sentAt = System.nanoTime();
                producer.send(record(receipt(key, PROBE_AUTHORITY))).get();
                long giveUp = sentAt + Duration.ofSeconds(10).toNanos();
                while (probeCount(received) <= seen && System.nanoTime() < giveUp) {
                    LockSupport.parkNanos(2_000_000);
                }
                long now = System.nanoTime();
                if (now >= giveUp) {
                    lost++;
                } else {
                    latencies.add(now - sentAt);
                }
                seen = probeCount(received);
            }
        } finally {
            stop.set(true);
            loader.join();
        }
        double achieved = sent.get() / seconds(started);
        Samples samples = Samples.of(latencies.stream().mapToLong(Long::longValue).toArray());
        table.add(String.format("end to end, event to visible over HTTP, under %,.0f events/s for %s (%d probes%s)",
                        achieved, settings.latencyTime(), samples.count(), lost > 0 ? ", " + lost + " not seen in 10 s" : ""),
                String.format("p50 %s, p95 %s, p99 %s", BenchTable.ms(samples.percentileMs(50)),
                        BenchTable.ms(samples.percentileMs(95)), BenchTable.ms(samples.percentileMs(99))),
                "steady load asked: " + BenchTable.rate(settings.rate()), "target p99 <= 250 ms at 1,000/s");
    }

    private void steadyLoad(Iterator<List<EventEnvelope>> days, AtomicBoolean stop, AtomicLong sent, long started) {
        double nanosPerEvent = 1e9 / settings.rate();
        try (Producer<String, byte[]> producer = EventPublisher.createProducer(bootstrap)) {
            while (!stop.get() && days.hasNext()) {
                for (EventEnvelope event : days.next()) {
                    long due = started + (long) (sent.get() * nanosPerEvent);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (stop.get()) {
                        return;
                    }
                    producer.send(record(event));
                    sent.incrementAndGet();
                }
            }
        }
    }

    /** Probe receipts counted so far; the API answers 404 for an authority until its first one is in. */
    private long probeCount(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return 0;
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return EventCodec.MAPPER.readTree(response.body()).path("receivedByStage").path("1").asLong(0);
    }

    // ---- the deadline scan ------------------------------------------------------------------------------

    /** Receipts dated now for an authority of their own: open, with deadlines weeks ahead. */
    private void openComplaints(int count, String label) throws InterruptedException {
        List<EventEnvelope> receipts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            receipts.add(receipt("OPEN-" + label + "-" + (opened++), OPEN_AUTHORITY));
        }
        try (Producer<String, byte[]> producer = EventPublisher.createProducer(bootstrap)) {
            EventPublisher.publishAll(receipts, producer, codec::encode);
        }
        catchUp.await(APPLICATION_ID, List.of(Names.EVENTS_TOPIC), List.of(repartitionTopic()),
                Duration.ofSeconds(120 + count / 200));
        log.printf("%,d open complaints added%n", count);
    }

    /**
     * A first restart with the short scan interval raises every alert come due since the replay, so the
     * measured runs after it scan only (Kafka's mean would otherwise keep that first scan for a minute).
     */
    private void settle() throws InterruptedException {
        try (ComplaintsService service = ComplaintsService.start(config(settings.scanInterval()))) {
            awaitReady(service.httpPort());
            Thread.sleep(Math.max(2_000, settings.scanInterval().toMillis() * 10));
        }
    }

    /**
     * The service restarted on its state, idle, scanning often: the mean scan time from its metric. Then
     * {@code thenOpen} more open complaints.
     */
    private double scan(String label, int thenOpen) throws Exception {
        try (ComplaintsService service = ComplaintsService.start(config(settings.scanInterval()))) {
            awaitReady(service.httpPort());
            catchUp.await(APPLICATION_ID, List.of(Names.EVENTS_TOPIC), List.of(repartitionTopic()),
                    Duration.ofMinutes(5));
            Thread.sleep(settings.scanTime().toMillis());
            double mean = punctuateMean(service.httpPort());
            log.printf("deadline scan with %s open: %.3f ms%n", label, mean);
            if (thenOpen > 0) {
                openComplaints(thenOpen, "many");
            } else {
                // The caseload again, now with every complaint opened for the scan: it costs what is open.
                queries(service.httpPort(), Map.of(String.format(
                        "GET /api/v1/complaints?status=open (the caseload, %,d more open)", settings.openMany()),
                        List.of(CASELOAD)));
            }
            return mean;
        }
    }

    /**
     * Kafka's mean punctuation time. On a loaded machine the stream thread may not have punctuated within the
     * watched window yet (the metric reads NaN): wait for its first value rather than report none.
     */
    private double punctuateMean(int port) throws IOException, InterruptedException {
        URI metricsUri = URI.create("http://localhost:" + port + "/metrics");
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            // One series per stream thread: the mean of those that have punctuated.
            OptionalDouble mean = PUNCTUATE_AVG.matcher(HttpLoad.get(http, metricsUri)).results()
                    .map(match -> match.group(1)).filter(value -> !value.equals("NaN"))
                    .mapToDouble(Double::parseDouble).average();
            if (mean.isPresent()) {
                return mean.getAsDouble();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no kafka_stream_thread_punctuate_latency_avg value on /metrics in a minute");
            }
            Thread.sleep(200);
        }
    }

    /** Restarted on its state, the service answers queries only once its tasks run. */
    private void awaitReady(int port) throws InterruptedException {
        URI ready = URI.create("http://localhost:" + port + "/ready");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpLoad.get(http, ready);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the service did not become ready in 5 minutes");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private EventEnvelope receipt(String key, String authority) {
        OffsetDateTime now = OffsetDateTime.now(EventEnvelope.LONDON);
        return new EventEnvelope(UUID.nameUUIDFromBytes(("bench/" + key).getBytes(StandardCharsets.UTF_8)), now, key,
                authority, 1, new ComplaintReceived(Regime.CHILDREN, "Bench", ComplainantType.PARENT, null));
    }

    private ProducerRecord<String, byte[]> record(EventEnvelope event) {
        return EventPublisher.record(event, codec.encode(event));
    }

    private ServiceConfig config(Duration scanInterval) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("kafka.bootstrap-servers", bootstrap == null ? "" : bootstrap);
        overrides.put("data.dir", settings.dataDir().toString());
        overrides.put("http.port", "0");
        overrides.put("application.id", APPLICATION_ID);
        overrides.put("authority.default", Simulation.Plan.authority(0));
        overrides.put("alerts.scan-interval", scanInterval.toString());
        overrides.put("streams.threads", Integer.toString(settings.streamThreads()));
        overrides.put("streams.commit-interval", settings.commitInterval().toString());
        overrides.put("streams.rocksdb-memory-mb", Integer.toString(settings.rocksDbMemoryMb()));
        return ServiceConfig.load(Map.of(), new Properties(), overrides);
    }

    private static String repartitionTopic() {
        return Names.kpiContributionsTopic(APPLICATION_ID);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
