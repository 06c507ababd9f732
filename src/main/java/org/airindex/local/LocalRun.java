package org.airindex.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.StationRegistry;
import org.airindex.io.influx.InfluxQl;
import org.airindex.io.json.DeadLetterJson;
import org.airindex.jobs.ProductionIo;
import org.airindex.reports.InfluxResults;
import org.airindex.reports.Report;
import org.airindex.reports.ReportWriter;
import org.airindex.reports.Reports;
import org.airindex.reports.Results;
import org.airindex.reports.ResultsException;

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

    /**
     * @param keep leave Kafka and InfluxDB running and the job's state in a savepoint, and continue from
     *     them when the last run did the same: only the days since are produced, and the job resumes with
     *     its windows, history and open alerts. Such a job is stopped, not drained, so the last day stays
     *     open until readings after it arrive; without {@code keep} the job reads to the end and closes all.
     */
    public void run(boolean keep) throws Exception {
        Optional<KeptServers> kept = keep ? KeptServers.find(workDir) : Optional.empty();
        if (keep && kept.isEmpty()) {
            KeptServers.forget(workDir);
        }
        if (keep) {
            config.checkpointing.dir = workDir.resolve("checkpoints").toString();
            config.checkpointing.savepointDir = workDir.resolve("savepoints").toString();
            // It waits for its offsets to be committed before it stops: checkpoints often enough to wait little.
            config.checkpointing.interval = Duration.ofSeconds(2);
            config.checkpointing.minPause = Duration.ofSeconds(1);
        }
        LocalInfluxd influxd = null;
        LocalKafka kafka = null;
        try {
            LocalDate first = firstDay;
            String savepoint = null;
            config.influx.api = "v1";
            config.kafka.startingOffsets = "earliest";
            if (kept.isPresent()) {
                config.influx.url = kept.get().influxUrl();
                config.kafka.bootstrap = kept.get().kafkaBootstrap();
                savepoint = kept.get().savepoint();
                first = kept.get().lastDay().plusDays(1);
                out.println("continuing the kept run: InfluxDB " + config.influx.url + ", Kafka " + config.kafka.bootstrap
                        + ", the job from " + savepoint);
            } else {
                out.println("starting InfluxDB and Kafka under " + workDir.toAbsolutePath());
                influxd = LocalInfluxd.start(workDir);
                influxd.createDatabase(config.influx.database);
                influxd.createDatabase(config.influx.metricsDatabase);
                kafka = LocalKafka.start(workDir, kafkaClasspath);
                kafka.createTopics(2, config.kafka.readingsTopic);
                kafka.createTopics(1, config.kafka.deadLetterTopic, config.kafka.alertsTopic);
                config.influx.url = influxd.url();
                config.kafka.bootstrap = kafka.bootstrapServers();
            }
            LocalDate last = firstDay.plusDays(days - 1);
            StationRegistry registry = StationRegistry.load(Path.of(config.stations));
            List<SyntheticReadings.Record> records = first.isAfter(last) ? List.of()
                    : new SyntheticReadings(registry, config.zone(), first, (int) ChronoUnit.DAYS.between(first, last) + 1,
                            20261128L + first.toEpochDay()).generate();
            produce(records);
            out.printf(records.isEmpty() ? "no new days to produce (the kept run reached %2$s)%n"
                    : "produced %d readings for %d stations, %s .. %s%n", records.size(), registry.stations().size(),
                    records.isEmpty() ? last : first, last);

            long started = System.nanoTime();
            Configuration flink = ProductionIo.metricsToInflux(config.influx, Duration.ofSeconds(5));
            if (keep) {
                flink.addAll(ProductionIo.durableState(config.checkpointing, savepoint));
            }
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
            env.setParallelism(parallelism);
            ProductionIo.configureCheckpointing(env, config.checkpointing);
            // Kept: a stream to stop and resume; otherwise read to the end, which closes every window.
            ProductionIo.job(config, !keep).build(env);
            if (keep) {
                JobClient job = env.executeAsync("airindex (local, kept)");
                awaitCommitted();
                savepoint = job.stopWithSavepoint(false, ProductionIo.location(config.checkpointing.savepointDir),
                        SavepointFormatType.CANONICAL).get();
            } else {
                env.execute("airindex (local)");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("job %s in %.1f s (%.0f readings/s)%n%n", keep ? "stopped with a savepoint" : "finished", seconds,
                    records.size() / seconds);

            LocalSummary summary = new LocalSummary(InfluxQl.of(ProductionIo.influx(config.influx)), config.zone(), out);
            summary.latestCountyHours();
            summary.rankings();
            summary.alerts();
            printDeadLetters();
            // A kept job is stopped, not drained: its last day is still open.
            writeReports(registry.onlyProvince(), keep ? last.minusDays(1) : last);
            if (keep) {
                String pids = kept.isPresent() ? kept.get().pids() : influxd.pid() + " " + kafka.pid();
                if (influxd != null) {
                    influxd.keep();
                    kafka.keep();
                }
                new KeptServers(config.influx.url, config.kafka.bootstrap, last, savepoint, pids).write(workDir);
                out.printf("%nkept running: InfluxDB %s (database %s), Kafka %s (pids %s); the job's state is in %s."
                        + "%nRun again with --keep to continue from there; the day of the last readings closes once"
                        + " later readings arrive.%n", config.influx.url, config.influx.database, config.kafka.bootstrap,
                        pids, savepoint);
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

    /**
     * The three reports of the last day, its week and the last whole month, read back from InfluxDB, under
     * work/local/reports; one the data cannot give (a month not yet whole) is left out, saying why.
     */
    private void writeReports(String province, LocalDate last) throws IOException {
        Results results = new InfluxResults(InfluxQl.of(ProductionIo.influx(config.influx)), config.zone());
        YearMonth month = YearMonth.from(last.plusDays(1)).minusMonths(1);
        Map<String, Supplier<Report>> reports = new LinkedHashMap<>();
        reports.put("daily analysis of " + last, () -> Reports.daily(results, province, last, config));
        reports.put("weekly dispatch of " + Reports.isoWeek(last), () -> Reports.weekly(results, province,
                Reports.isoWeek(last), config));
        reports.put("monthly bulletin of " + month, () -> Reports.monthly(results, province, month, config));
        ReportWriter writer = new ReportWriter(config.reports.fonts.stream().map(Path::of).toList());
        Path dir = workDir.resolve("reports");
        out.printf("%nreports in %s:%n", dir);
        for (Map.Entry<String, Supplier<Report>> r : reports.entrySet()) {
            try {
                List<Path> files = writer.write(r.getValue().get(), dir);
                out.printf("  %-32s %s%n", r.getKey(), files.stream().filter(f -> !f.toString().endsWith(".csv")
                        && !f.toString().endsWith(".png")).map(Path::toString).collect(Collectors.joining("  ")));
            } catch (ResultsException e) {
                out.printf("  %-32s not written: %s%n", r.getKey(), e.getMessage());
            }
        }
    }

    /**
     * Until the job has committed offsets at the end of every partition of the readings topic: it commits
     * with its checkpoints, after it read them. A window the last watermark has not closed by the stop is
     * not lost: the savepoint keeps it open for the next run.
     */
    private void awaitCommitted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka.bootstrap))) {
            while (true) {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(List.of(config.kafka.readingsTopic)).allTopicNames().get()
                        .get(config.kafka.readingsTopic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(config.kafka.readingsTopic, p.partition()), OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                var committed = admin.listConsumerGroupOffsets(config.kafka.group).partitionsToOffsetAndMetadata().get();
                if (ends.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue().offset())) {
                    break;
                }
                Thread.sleep(500);
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

    private void printDeadLetters() {
        Map<String, Integer> byReason = new TreeMap<>();
        List<ConsumerRecord<String, String>> dead = LocalKafka.readAll(config.kafka.bootstrap, config.kafka.deadLetterTopic, false);
        dead.forEach(r -> byReason.merge(DeadLetterJson.read(r.value()).reason, 1, Integer::sum));
        out.printf("%n%d records went to the dead-letter topic %s: %s%n", dead.size(), config.kafka.deadLetterTopic,
                byReason);
    }
}
