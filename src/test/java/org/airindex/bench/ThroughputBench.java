package org.airindex.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import org.airindex.config.Station;
import org.airindex.config.StationRegistry;
import org.airindex.domain.Pollutant;
import org.airindex.io.influx.InfluxWriter;
import org.airindex.io.influx.ResultPoints;
import org.airindex.io.json.ReadingJson;
import org.airindex.io.json.TimeBounds;
import org.airindex.io.kafka.KafkaIo;
import org.airindex.jobs.AirIndexJob;
import org.airindex.jobs.InfluxOutputs;
import org.airindex.jobs.ProductionIo;
import org.airindex.local.SyntheticReadings;
import org.airindex.pipeline.Keys;
import org.airindex.records.HourlyValue;
import org.airindex.records.Places;
import org.airindex.records.RawReading;
import org.airindex.testing.RealServers;

/**
 * Throughput of the streaming job against the limits of the servers it runs on, measured side by side in
 * one run on one real Kafka broker and one real influxd (jobs/bench.sh):
 * <ol>
 *   <li>read limit: a plain KafkaConsumer and the job's own parser over the readings topic;</li>
 *   <li>write limit: the job's own InfluxDB writer, one station-hour point (the job's tags and fields) per
 *   station hour, in its batch size;</li>
 *   <li>a Flink SQL peer ({@link FlinkSqlPeer}): station-hour and county means, to blackhole sinks;</li>
 *   <li>compute only: the production graph from the same topic, its outputs discarded (points still made),
 *   with its state ({@link StateProbe}): the largest checkpoint per operator, the live heap;</li>
 *   <li>the production job, Kafka to InfluxDB.</li>
 * </ol>
 * The input is S stations (counties of four, cities of five counties, one province) × H hours of
 * synthetic readings, hourly or 60 of a minute per station hour, on P partitions. Each figure is readings
 * per second of wall time, start-up of the Flink job included; the ratios, the state and a CSV line per
 * figure (work/bench/bench.csv) follow.
 * Usage: ThroughputBench STATIONS HOURS PARTITIONS PARALLELISM MINUTE_DATA [ONLY]
 */
public final class ThroughputBench {

    public static void main(String[] args) throws Exception {
        int stations = Integer.parseInt(args[0]);
        int hours = Integer.parseInt(args[1]);
        int partitions = Integer.parseInt(args[2]);
        int parallelism = Integer.parseInt(args[3]);
        boolean minutes = Boolean.parseBoolean(args[4]);
        String only = args.length > 5 ? args[5] : "";
        new ThroughputBench(stations, hours, partitions, parallelism, minutes, only).run();
        System.exit(0);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int stations;
    private final int hours;
    private final int partitions;
    private final int parallelism;
    private final LocalDate first = LocalDate.of(2026, 1, 1);
    private final boolean minutes;
    /** Runs only the measures whose name holds this (all when empty), for profiling one of them. */
    private final String only;
    private final Map<String, Double> perSecond = new LinkedHashMap<>();
    private final Map<String, Long> state = new LinkedHashMap<>();

    private ThroughputBench(int stations, int hours, int partitions, int parallelism, boolean minutes, String only) {
        this.stations = stations;
        this.hours = hours;
        this.partitions = partitions;
        this.parallelism = parallelism;
        this.minutes = minutes;
        this.only = only;
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("airindex-bench");
        AirIndexConfig config = config();
        StationRegistry registry = registry(stations);
        try (RealServers servers = RealServers.startOwn(work, config)) {
            servers.kafka.createTopics(partitions, "bench.readings");
            config.kafka.readingsTopic = "bench.readings";
            Input input = input(servers, registry, config);
            int readings = input.readings();

            measure("read limit (KafkaConsumer + the job's parser)", readings, () -> readLimit(config, readings));
            String write = "write limit (the job's InfluxDB writer, 1 point per station hour)";
            if (wanted(write)) {
                List<String> lines = stationHourLines(input.hourly(), registry);
                measure(write, readings, () -> writeLimit(servers, config, lines));
                input = new Input(readings, input.stationHours(), List.of());
            }
            measure("Flink SQL peer (station hour + county mean, blackhole)", readings,
                    () -> FlinkSqlPeer.run(config, parallelism, "bench-sql"));
            if (only.isEmpty()) {
                long peerHours = FlinkSqlPeer.stationHours(config, parallelism, "bench-sql-check");
                System.out.printf("  (the peer's query makes %d valid station hours of the topic)%n", peerHours);
                if (peerHours < input.stationHours() / 2) {
                    throw new IllegalStateException("the SQL peer made " + peerHours + " station hours of "
                            + input.stationHours() + ": its figure would not compare");
                }
            }
            measure("airindex compute only (outputs discarded)", readings, () -> {
                AirIndexConfig c = copy(config, "compute", work);
                try (StateProbe probe = new StateProbe(Path.of(c.checkpointing.dir), operatorUids())) {
                    StreamExecutionEnvironment env = environment(c);
                    new AirIndexJob(c, registry, KafkaIo.readings(c.kafka, TimeBounds.of(c), true),
                            new InfluxOutputs(new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>()))
                            .build(env);
                    env.execute("bench compute only");
                    recordState(probe, registry);
                }
            });
            measure("airindex Kafka -> InfluxDB", readings, () -> {
                AirIndexConfig c = copy(config, "full", work);
                servers.influxd.createDatabase(c.influx.database);
                StreamExecutionEnvironment env = environment(c);
                ProductionIo.job(c, registry, true).build(env);
                env.execute("bench full");
            });
        }
        report();
    }

    /**
     * The generated hourly readings (kept only while the write limit needs them, so that the jobs' heap is
     * measured without them), sent to the topic.
     */
    private record Input(int readings, int stationHours, List<SyntheticReadings.Record> hourly) {}

    private Input input(RealServers servers, StationRegistry registry, AirIndexConfig config) throws Exception {
        List<SyntheticReadings.Record> hourly = new SyntheticReadings(registry, config.zone(), first,
                (hours + 23) / 24, 7).generate().stream()
                .filter(r -> r.ts() < first.atStartOfDay(config.zone()).plusHours(hours).toInstant().toEpochMilli())
                .toList();
        long t = System.nanoTime();
        int readings = produce(servers, hourly, config.zone());
        System.out.printf("%d readings (%d stations x %d hours%s) on %d partitions, produced in %.1f s%n",
                readings, stations, hours, minutes ? " x 60 minutes" : "", partitions, (System.nanoTime() - t) / 1e9);
        return new Input(readings, hourly.size(), wanted("write limit") ? hourly : List.of());
    }

    private boolean wanted(String measure) {
        return only.isEmpty() || measure.contains(only);
    }

    /** The uids of the production graph's operators, as pinned for savepoints. */
    private static List<String> operatorUids() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/operator-uids.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    /**
     * State per station: the operators keyed by station. State per place: the other keyed operators, over
     * the counties, cities and province. Taken from the largest checkpoint of the run.
     */
    private void recordState(StateProbe probe, StationRegistry registry) {
        long stationState = 0;
        long placeState = 0;
        System.out.println("  state of the largest checkpoint, by operator:");
        for (Map.Entry<String, Long> e : probe.largestByUid().entrySet()) {
            System.out.printf("    %-28s %,12d bytes%n", e.getKey(), e.getValue());
            if (e.getKey().startsWith("station-")) {
                stationState += e.getValue();
            } else if (!e.getKey().endsWith("-points") && !e.getKey().equals("readings-source")) {
                placeState += e.getValue(); // the sinks' and the source's state is not a place's
            }
        }
        if (probe.largestCheckpointBytes() < 0) {
            System.out.println("    no checkpoint completed" + (probe.lastFailure() == null ? ""
                    : ", the last one read failed: " + probe.lastFailure()));
        }
        Map<String, Set<Integer>> keys = Keys.families(registry, List.of());
        long places = Places.PLACE_LEVELS.stream().mapToLong(level -> keys.get(level).size()).sum();
        long checkpoint = probe.largestCheckpointBytes();
        state.put("largest checkpoint (bytes)", checkpoint);
        state.put("keyed state per station (bytes)", checkpoint < 0 ? -1 : stationState / stations);
        state.put("keyed state per place (bytes)", checkpoint < 0 ? -1 : placeState / places);
        state.put("checkpoint per station (bytes)", checkpoint < 0 ? -1 : checkpoint / stations);
        state.put("live heap after GC, peak (MB)", probe.liveHeapPeak() >> 20);
        state.put("live heap before the job (MB)", probe.heapBefore() >> 20);
    }

    private AirIndexConfig config() {
        AirIndexConfig c = ConfigLoader.load(Path.of("conf/airindex.yaml"), name -> null);
        c.processingClock = Clock.fixed(first.plusDays(hours / 24 + 2).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        c.province.baselines = "none";
        return c;
    }

    /** The run's own consumer group and database, so each measure reads the whole topic afresh. */
    private static AirIndexConfig copy(AirIndexConfig base, String name, Path work) {
        AirIndexConfig c = ConfigLoader.load(Path.of("conf/airindex.yaml"), n -> null);
        c.processingClock = base.processingClock;
        c.province.baselines = base.province.baselines;
        c.kafka.bootstrap = base.kafka.bootstrap;
        c.kafka.startingOffsets = "earliest";
        c.kafka.readingsTopic = base.kafka.readingsTopic;
        c.kafka.deadLetterTopic = base.kafka.deadLetterTopic;
        c.kafka.alertsTopic = base.kafka.alertsTopic;
        c.kafka.group = "bench-" + name;
        c.kafka.alertsTransactionalIdPrefix = "bench-" + name;
        c.influx.url = base.influx.url;
        c.influx.database = "bench_" + name;
        c.checkpointing.dir = work.resolve("checkpoints-" + name).toString();
        // More often than production's 30 s, so that a run of a minute shows its state; the cost is in the figures.
        c.checkpointing.interval = Duration.ofSeconds(10);
        return c;
    }

    /** The production job's checkpoint storage too: files under checkpointing.dir, where the probe reads them. */
    private StreamExecutionEnvironment environment(AirIndexConfig c) {
        StreamExecutionEnvironment env = RealServers.environment(c, ProductionIo.durableState(c.checkpointing, null));
        env.setParallelism(parallelism);
        return env;
    }

    /** S stations: counties of four stations, cities of five counties, one province. */
    static StationRegistry registry(int stations) {
        List<Station> list = new ArrayList<>();
        for (int i = 0; i < stations; i++) {
            int county = i / 4;
            list.add(new Station(String.format("B%05d", i), "站" + i, "县" + county, "市" + county / 5, "省", null, null));
        }
        return new StationRegistry(list);
    }

    /**
     * Sends the hourly readings, or with minute data 60 readings of a minute each in their place, minute by
     * minute across the stations as a live feed has them; the few hostile records are sent as they are.
     * @return the readings sent
     */
    private int produce(RealServers servers, List<SyntheticReadings.Record> hourly, ZoneId zone) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafka.bootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        int sent = 0;
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int from = 0; from < hourly.size(); ) {
                int to = from;
                while (to < hourly.size() && hourly.get(to).ts() == hourly.get(from).ts()) {
                    to++;
                }
                List<SyntheticReadings.Record> hour = hourly.subList(from, to);
                for (int m = 1; m <= (minutes ? 60 : 1); m++) {
                    for (SyntheticReadings.Record r : hour) {
                        String json = minutes ? minute(r, m, zone) : r.json();
                        if (json != null) {
                            producer.send(new ProducerRecord<>("bench.readings", r.key(), json));
                            sent++;
                        }
                    }
                }
                from = to;
            }
            producer.flush();
        }
        return sent;
    }

    /** Minute m (1..60) of an hourly reading, with its values; other records once, unchanged (null after). */
    private static String minute(SyntheticReadings.Record r, int m, ZoneId zone) throws IOException {
        JsonNode node = JSON.readTree(r.json());
        if (!(node instanceof ObjectNode reading) || reading.path("interval_s").asInt() != 3600) {
            return m == 1 ? r.json() : null;
        }
        long end = r.ts() - (60 - m) * 60_000L;
        reading.put("ts", Instant.ofEpochMilli(end).atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        reading.put("interval_s", 60);
        return reading.toString();
    }

    private static void readLimit(AirIndexConfig config, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka.bootstrap);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        TimeBounds bounds = TimeBounds.of(config);
        try (var consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(config.kafka.readingsTopic).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            int read = 0;
            long valid = 0;
            while (read < expected) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    RawReading reading = ReadingJson.parse(r.topic() + "-" + r.partition() + "@" + r.offset(),
                            new String(r.value(), StandardCharsets.UTF_8), bounds);
                    valid += reading.reading != null ? 1 : 0;
                    read++;
                }
            }
            if (valid == 0) {
                throw new IllegalStateException("no valid reading parsed");
            }
        }
    }

    /**
     * Station-hour points as the job writes them (its tags and fields, through its own line writer), one per
     * station hour of the input; made before the clock starts, so that the limit is the writing alone.
     */
    private static List<String> stationHourLines(List<SyntheticReadings.Record> hourly, StationRegistry registry) {
        List<String> lines = new ArrayList<>(hourly.size());
        for (SyntheticReadings.Record r : hourly) {
            Station s = r.key() == null ? null : registry.get(r.key());
            if (s != null) {
                HourlyValue v = HourlyValue.ofStation(s, r.ts());
                v.stations = 1;
                v.rules = "bench";
                for (Pollutant p : Pollutant.values()) {
                    v.set(p, (double) (r.ts() / 3_600_000 % 97 + p.ordinal()));
                }
                v.aqi = (int) (r.ts() / 3_600_000 % 300);
                v.category = "良";
                v.primary = "PM2.5";
                v.iaqiPm25 = v.aqi;
                lines.addAll(ResultPoints.hourly(v).lines());
            }
        }
        return lines;
    }

    private static void writeLimit(RealServers servers, AirIndexConfig config, List<String> lines) throws IOException {
        AirIndexConfig c = copy(config, "write", Path.of("work/bench"));
        servers.influxd.createDatabase(c.influx.database);
        try (InfluxWriter writer = new InfluxWriter(ProductionIo.influx(c.influx))) {
            for (int from = 0; from < lines.size(); from += c.influx.batchSize) {
                writer.write(lines.subList(from, Math.min(lines.size(), from + c.influx.batchSize)));
            }
        }
    }

    private interface Measure {
        void run() throws Exception;
    }

    private void measure(String what, int readings, Measure m) throws Exception {
        if (!wanted(what)) {
            return;
        }
        long t = System.nanoTime();
        m.run();
        double seconds = (System.nanoTime() - t) / 1e9;
        perSecond.put(what, readings / seconds);
        System.out.printf("%-62s %8.1f s %10.0f readings/s%n", what, seconds, readings / seconds);
    }

    private void report() throws IOException {
        Double read = rate("read limit");
        Double write = rate("write limit");
        Double peer = rate("SQL peer");
        Double compute = rate("compute only");
        Double full = rate("-> InfluxDB");
        Map<String, Double> ratios = new LinkedHashMap<>();
        if (full != null && read != null && write != null) {
            ratios.put("full / slower limit (target >= 0.6)", full / Math.min(read, write));
        }
        if (compute != null && peer != null) {
            ratios.put("compute only / SQL peer (target >= 1.5)", compute / peer);
        }
        if (compute != null && read != null) {
            ratios.put("compute only / read limit", compute / read);
        }
        if (full != null && compute != null) {
            ratios.put("full / compute only", full / compute);
        }
        ratios.forEach((what, r) -> System.out.printf("%-62s %8.2f%n", what, r));
        state.forEach((what, b) -> System.out.printf("%-62s %,10d%s%n", what, b,
                what.contains("per station") && b > 4096 ? "  (target <= 4096)" : ""));
        BenchCsv csv = new BenchCsv(String.format("%d stations x %d h%s, %d partitions, parallelism %d", stations,
                hours, minutes ? " x 60 min" : "", partitions, parallelism));
        perSecond.forEach((what, v) -> csv.add(what, Math.round(v), "readings/s"));
        ratios.forEach((what, v) -> csv.add(what, Math.round(v * 1000) / 1000.0, "ratio"));
        state.forEach((what, v) -> csv.add(what, v, ""));
        csv.append();
    }

    private Double rate(String measure) {
        return perSecond.entrySet().stream().filter(e -> e.getKey().contains(measure)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
