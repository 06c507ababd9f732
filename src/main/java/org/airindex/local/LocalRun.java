package org.airindex.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.StationRegistry;
import org.airindex.io.influx.InfluxQl;
import org.airindex.io.json.DeadLetterJson;
import org.airindex.jobs.AirIndexJob;
import org.airindex.jobs.ProductionIo;

/**
 * The local run behind {@code jobs/run-local.sh}: a real InfluxDB and a real Kafka broker on free
 * loopback ports, synthetic readings for the sample registry, the production job on a local Flink
 * cluster until the data is processed, then a summary read back from what the job wrote.
 */
public final class LocalRun {
    private final AirIndexConfig config;
    private final Path workDir;
    private final String kafkaClasspath;
    private final LocalDate firstDay;
    private final int days;
    private final int parallelism;
    private final PrintStream out;

    public LocalRun(AirIndexConfig config, Path workDir, String kafkaClasspath, LocalDate firstDay, int days,
            int parallelism, PrintStream out) {
        this.config = config;
        this.workDir = workDir;
        this.kafkaClasspath = kafkaClasspath;
        this.firstDay = firstDay;
        this.days = days;
        this.parallelism = parallelism;
        this.out = out;
    }

    /** @param keep leave Kafka and InfluxDB running after the run and print their addresses */
    public void run(boolean keep) throws Exception {
        LocalInfluxd influxd = null;
        LocalKafka kafka = null;
        try {
            out.println("starting InfluxDB and Kafka under " + workDir.toAbsolutePath());
            influxd = LocalInfluxd.start(workDir);
            influxd.createDatabase(config.influx.database);
            kafka = LocalKafka.start(workDir, kafkaClasspath);
            kafka.createTopics(2, config.kafka.readingsTopic);
            kafka.createTopics(1, config.kafka.deadLetterTopic, config.kafka.alertsTopic);
            config.influx.api = "v1";
            config.influx.url = influxd.url();
            config.kafka.bootstrap = kafka.bootstrapServers();
            config.kafka.startingOffsets = "earliest";

            StationRegistry registry = StationRegistry.load(Path.of(config.stations));
            List<SyntheticReadings.Record> records =
                    new SyntheticReadings(registry, config.zone(), firstDay, days, 20261128L).generate();
            produce(records);
            out.printf("produced %d readings for %d stations, %s .. %s%n", records.size(),
                    registry.stations().size(), firstDay, firstDay.plusDays(days - 1));

            long started = System.nanoTime();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                    ProductionIo.metricsToInflux(config.influx, Duration.ofSeconds(5)));
            env.setParallelism(parallelism);
            ProductionIo.configureCheckpointing(env, config.checkpointing);
            AirIndexJob job = ProductionIo.job(config, true);
            job.build(env);
            env.execute("airindex (local)");
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("job finished in %.1f s (%.0f readings/s)%n%n", seconds, records.size() / seconds);

            LocalSummary summary = new LocalSummary(InfluxQl.of(ProductionIo.influx(config.influx)), config.zone(), out);
            summary.latestCountyHours();
            summary.rankings();
            summary.alerts();
            printDeadLetters(kafka);
            if (keep) {
                influxd.keep();
                kafka.keep();
                out.printf("%nkept running: InfluxDB %s (database %s), Kafka %s (pids %d, %d)%n", influxd.url(),
                        config.influx.database, kafka.bootstrapServers(), influxd.pid(), kafka.pid());
            }
        } finally {
            if (kafka != null) {
                kafka.close();
            }
            if (influxd != null) {
                influxd.close();
            }
        }
    }

    private void produce(List<SyntheticReadings.Record> records) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka.bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (SyntheticReadings.Record r : records) {
                producer.send(new ProducerRecord<>(config.kafka.readingsTopic, r.key(), r.json()));
            }
            producer.flush();
        }
    }

    private void printDeadLetters(LocalKafka kafka) {
        Map<String, Integer> byReason = new TreeMap<>();
        List<ConsumerRecord<String, String>> dead = kafka.readAll(config.kafka.deadLetterTopic, false);
        dead.forEach(r -> byReason.merge(DeadLetterJson.read(r.value()).reason, 1, Integer::sum));
        out.printf("%n%d records went to the dead-letter topic %s: %s%n", dead.size(), config.kafka.deadLetterTopic,
                byReason);
    }
}
