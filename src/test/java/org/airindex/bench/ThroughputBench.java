package org.airindex.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import org.airindex.io.influx.InfluxWriter;
import org.airindex.io.influx.Lines;
import org.airindex.io.json.ReadingJson;
import org.airindex.io.json.TimeBounds;
import org.airindex.io.kafka.KafkaIo;
import org.airindex.jobs.AirIndexJob;
import org.airindex.jobs.InfluxOutputs;
import org.airindex.jobs.ProductionIo;
import org.airindex.local.SyntheticReadings;
import org.airindex.records.RawReading;
import org.airindex.testing.RealServers;

/**
 * Throughput of the streaming job against the limits of the servers it runs on, measured side by side in
 * one run on one real Kafka broker and one real influxd (jobs/bench.sh):
 * <ol>
 *   <li>read limit: a plain KafkaConsumer and the job's own parser over the readings topic;</li>
 *   <li>write limit: the job's own InfluxDB writer, one station-hour point per reading, in its batch size;</li>
 *   <li>a Flink SQL peer ({@link FlinkSqlPeer}): station-hour and county means, to blackhole sinks;</li>
 *   <li>compute only: the production graph from the same topic, its outputs discarded (points still made);</li>
 *   <li>the production job, Kafka to InfluxDB.</li>
 * </ol>
 * The input is S stations (counties of four, cities of five counties, one province) × H hours of
 * synthetic hourly readings on P partitions. Each figure is readings per second of wall time, start-up of
 * the Flink job included; the ratios and a CSV line per measure (work/bench/throughput.csv) follow.
 * Usage: ThroughputBench STATIONS HOURS PARTITIONS PARALLELISM
 */
public final class ThroughputBench {

    public static void main(String[] args) throws Exception {
        int stations = Integer.parseInt(args[0]);
        int hours = Integer.parseInt(args[1]);
        int partitions = Integer.parseInt(args[2]);
        int parallelism = Integer.parseInt(args[3]);
        new ThroughputBench(stations, hours, partitions, parallelism).run();
        System.exit(0);
    }

    private final int stations;
    private final int hours;
    private final int partitions;
    private final int parallelism;
    private final LocalDate first = LocalDate.of(2026, 1, 1);
    private final Map<String, Double> perSecond = new LinkedHashMap<>();

    private ThroughputBench(int stations, int hours, int partitions, int parallelism) {
        this.stations = stations;
        this.hours = hours;
        this.partitions = partitions;
        this.parallelism = parallelism;
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("airindex-bench");
        AirIndexConfig config = config();
        StationRegistry registry = registry(stations);
        try (RealServers servers = RealServers.startOwn(work, config)) {
            servers.kafka.createTopics(partitions, "bench.readings");
            config.kafka.readingsTopic = "bench.readings";
            List<SyntheticReadings.Record> readings = new SyntheticReadings(registry, config.zone(), first,
                    (hours + 23) / 24, 7).generate().stream()
                    .filter(r -> r.ts() < first.atStartOfDay(config.zone()).plusHours(hours).toInstant().toEpochMilli())
                    .toList();
            long t = System.nanoTime();
            produce(servers, readings);
            System.out.printf("%d readings (%d stations x %d hours) on %d partitions, produced in %.1f s%n",
                    readings.size(), stations, hours, partitions, (System.nanoTime() - t) / 1e9);

            measure("read limit (KafkaConsumer + the job's parser)", readings.size(), () -> readLimit(config, readings.size()));
            measure("write limit (the job's InfluxDB writer, 1 point per reading)", readings.size(),
                    () -> writeLimit(servers, config, readings));
            measure("Flink SQL peer (station hour + county mean, blackhole)", readings.size(),
                    () -> FlinkSqlPeer.run(config, parallelism, "bench-sql"));
            long peerHours = FlinkSqlPeer.stationHours(config, parallelism, "bench-sql-check");
            System.out.printf("  (the peer's query makes %d valid station hours of the topic)%n", peerHours);
            if (peerHours < readings.size() / 2) {
                throw new IllegalStateException("the SQL peer made " + peerHours + " station hours of " + readings.size()
                        + " readings: its figure would not compare");
            }
            measure("airindex compute only (outputs discarded)", readings.size(), () -> {
                AirIndexConfig c = copy(config, "compute");
                StreamExecutionEnvironment env = environment(c);
                new AirIndexJob(c, registry, KafkaIo.readings(c.kafka, TimeBounds.of(c), true),
                        new InfluxOutputs(new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>())).build(env);
                env.execute("bench compute only");
            });
            measure("airindex Kafka -> InfluxDB", readings.size(), () -> {
                AirIndexConfig c = copy(config, "full");
                servers.influxd.createDatabase(c.influx.database);
                StreamExecutionEnvironment env = environment(c);
                ProductionIo.job(c, registry, true).build(env);
                env.execute("bench full");
            });
        }
        report();
    }

    private AirIndexConfig config() {
        AirIndexConfig c = ConfigLoader.load(Path.of("conf/airindex.yaml"), name -> null);
        c.processingClock = Clock.fixed(first.plusDays(hours / 24 + 2).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        c.province.baselines = "none";
        return c;
    }

    /** The run's own consumer group and database, so each measure reads the whole topic afresh. */
    private static AirIndexConfig copy(AirIndexConfig base, String name) {
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
        return c;
    }

    private StreamExecutionEnvironment environment(AirIndexConfig c) {
        StreamExecutionEnvironment env = RealServers.environment(c);
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

    private static void produce(RealServers servers, List<SyntheticReadings.Record> readings) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafka.bootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (SyntheticReadings.Record r : readings) {
                producer.send(new ProducerRecord<>("bench.readings", r.key(), r.json()));
            }
            producer.flush();
        }
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

    private static void writeLimit(RealServers servers, AirIndexConfig config, List<SyntheticReadings.Record> readings)
            throws IOException {
        AirIndexConfig c = copy(config, "write");
        servers.influxd.createDatabase(c.influx.database);
        List<String> lines = new ArrayList<>(readings.size());
        for (SyntheticReadings.Record r : readings) {
            lines.add(Lines.line("station_hourly", Map.of("station", r.key() == null ? "none" : r.key()),
                    Map.of("aqi", (long) (r.ts() % 300), "pm25", (r.ts() % 1000) / 10.0), r.ts() / 1000).orElseThrow());
        }
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
        long t = System.nanoTime();
        m.run();
        double seconds = (System.nanoTime() - t) / 1e9;
        perSecond.put(what, readings / seconds);
        System.out.printf("%-62s %8.1f s %10.0f readings/s%n", what, seconds, readings / seconds);
    }

    private void report() throws IOException {
        List<Double> v = new ArrayList<>(perSecond.values());
        double slowerLimit = Math.min(v.get(0), v.get(1));
        System.out.printf("full / slower limit: %.2f (target >= 0.6)   compute only / SQL peer: %.2f (target >= 1.5)"
                + "   compute only / read limit: %.2f   full / compute only: %.2f%n",
                v.get(4) / slowerLimit, v.get(3) / v.get(2), v.get(3) / v.get(0), v.get(4) / v.get(3));
        Path csv = Path.of("work/bench/throughput.csv");
        Files.createDirectories(csv.getParent());
        if (!Files.exists(csv)) {
            Files.writeString(csv, "at,stations,hours,partitions,parallelism,measure,readings_per_second\n");
        }
        StringBuilder out = new StringBuilder();
        String at = Instant.now().toString();
        perSecond.forEach((what, rate) -> out.append(String.format("%s,%d,%d,%d,%d,\"%s\",%.0f%n", at, stations, hours,
                partitions, parallelism, what, rate)));
        Files.writeString(csv, out, StandardOpenOption.APPEND);
        System.out.println("appended to " + csv);
    }
}
