package org.airindex.jobs;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.checkpoint.CompletedCheckpointStats;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import org.airindex.config.StationRegistry;
import org.airindex.io.influx.InfluxQl;
import org.airindex.io.influx.Series;
import org.airindex.io.json.DeadLetterJson;
import org.airindex.records.DeadLetter;
import org.airindex.testing.RealServers;

/**
 * One run of the production job over {@link FailureFeed} on its own Flink cluster (a JobManager and two
 * TaskManagers of one slot, parallelism 2, checkpoints every second, kept on cancel), its own topics,
 * consumer group and database on the shared servers, and the means to hurt it and to read what it wrote.
 */
final class FailureRun implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    final String name;
    final AirIndexConfig config;
    final Path checkpoints;
    final MiniCluster cluster;
    private final RealServers servers;
    private static final Pattern PARTITION = Pattern.compile("\\.partition\\.(\\d+)\\.currentOffset$");

    private final StationRegistry registry;
    private final InMemoryReporter reporter = InMemoryReporter.create();
    private JobClient job;
    /** What the last check of the consumer group saw, for the message when waiting gives up. */
    private String progress = "";
    /** Restarts of the jobs before the current one (each resume is a new job). */
    private long earlierRestarts;

    FailureRun(String name, RealServers servers, StationRegistry registry, Path work, String stateBackend)
            throws Exception {
        this.name = name;
        this.servers = servers;
        this.registry = registry;
        this.config = ConfigLoader.load(Path.of("conf/airindex.yaml"));
        config.processingClock = Clock.fixed(Instant.parse("2026-11-08T00:30:00Z"), ZoneOffset.UTC);
        config.kafka.bootstrap = servers.config.kafka.bootstrap;
        config.kafka.startingOffsets = "earliest";
        config.kafka.readingsTopic = name + ".readings";
        config.kafka.deadLetterTopic = name + ".readings.dlq";
        config.kafka.alertsTopic = name + ".alerts";
        config.kafka.group = "airindex-" + name;
        config.kafka.alertsTransactionalIdPrefix = "airindex-" + name + "-alerts";
        config.influx.api = "v1";
        config.influx.url = servers.config.influx.url;
        config.influx.database = name;
        config.checkpointing.interval = Duration.ofSeconds(1);
        config.checkpointing.minPause = Duration.ofMillis(500);
        config.checkpointing.timeout = Duration.ofMinutes(1);
        config.checkpointing.stateBackend = stateBackend;
        this.checkpoints = work.resolve(name).resolve("checkpoints");
        config.checkpointing.dir = checkpoints.toString();
        config.checkpointing.savepointDir = work.resolve(name).resolve("savepoints").toString();
        servers.kafka.createTopics(2, config.kafka.readingsTopic, config.kafka.alertsTopic);
        servers.kafka.createTopics(1, config.kafka.deadLetterTopic);
        servers.influxd.createDatabase(config.influx.database);

        Configuration clusterConf = new Configuration();
        clusterConf.set(RestOptions.BIND_PORT, "0");
        clusterConf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 50);
        reporter.addToConfiguration(clusterConf);
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(clusterConf)
                .setNumTaskManagers(2).setNumSlotsPerTaskManager(1).build());
        cluster.start();
    }

    /** Starts the job, from a savepoint or retained checkpoint when given one. */
    void start(String fromSavepoint) throws Exception {
        if (job != null) {
            earlierRestarts += currentRestarts();
        }
        Configuration conf = ProductionIo.durableState(config.checkpointing, fromSavepoint);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 50);
        // Fixed short delays: the default exponential delay would stretch the test, not change what it shows.
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1000);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
        TestStreamEnvironment env = new TestStreamEnvironment(cluster, conf, 2, List.of(), List.of());
        ProductionIo.configureCheckpointing(env, config.checkpointing);
        ProductionIo.job(config, registry, false).build(env);
        job = env.executeAsync(name);
        await("the job runs", () -> status() == JobStatus.RUNNING);
    }

    void produce(List<FailureFeed.Line> lines) throws Exception {
        servers.produce(config.kafka.readingsTopic, lines.stream().map(FailureFeed.Line::record).toList());
    }

    /**
     * Waits until the job has read every record on the readings topic, then for two checkpoints more: the
     * second starts after the watermark of the last record, so what that watermark closed is written too.
     */
    void awaitConsumed() throws Exception {
        await("every reading read", this::allRead);
        awaitCheckpoints(2);
    }

    void awaitCheckpoints(int more) throws Exception {
        long target = completedCheckpoints() + more;
        await(more + " more checkpoints", () -> completedCheckpoints() >= target);
    }

    /** The external path of the newest completed checkpoint of the current job. */
    String latestCheckpoint() throws Exception {
        CompletedCheckpointStats latest = stats().getHistory().getLatestCompletedCheckpoint();
        if (latest == null) {
            throw new AssertionError(name + ": no completed checkpoint");
        }
        return latest.getExternalPath();
    }

    /** Flink reports the current job's state as restored from this folder (a path or a file: URI). */
    void assertRestoredFrom(String location) throws Exception {
        var restored = stats().getLatestRestoredCheckpoint();
        if (restored == null || !localPath(restored.getExternalPath()).equals(localPath(location))) {
            throw new AssertionError(name + ": restored from " + (restored == null ? "nothing" : restored.getExternalPath())
                    + ", not " + location);
        }
    }

    private static Path localPath(String location) {
        return Path.of(location.startsWith("file:") ? URI.create(location).getPath() : location);
    }

    long completedCheckpoints() {
        try {
            return stats().getCounts().getNumberOfCompletedCheckpoints();
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * A counter of the current job summed over its subtasks, e.g. {@code KafkaSourceReader.commitsFailed}
     * (how a broker outage shows without a restart) or {@code influxReplaced} (points deleted before a
     * recomputed result was written).
     */
    long counter(String name) {
        return reporter.findMetrics(job.getJobID(), name).values().stream()
                .mapToLong(m -> ((Counter) m).getCount()).sum();
    }

    long failedCheckpoints() throws Exception {
        return stats().getCounts().getNumberOfFailedCheckpoints();
    }

    /** Restarts of this run so far, over the jobs it resumed too. */
    long restarts() throws Exception {
        return earlierRestarts + currentRestarts();
    }

    /** Restarts of the current job: the highest attempt number of any of its tasks. */
    private long currentRestarts() throws Exception {
        long highest = 0;
        for (AccessExecutionVertex v : graph().getAllExecutionVertices()) {
            highest = Math.max(highest, v.getCurrentExecutionAttempt().getAttemptNumber());
        }
        return highest;
    }

    JobStatus status() {
        try {
            return cluster.getJobStatus(job.getJobID()).get();
        } catch (Exception e) {
            return JobStatus.INITIALIZING;
        }
    }

    void cancel() throws Exception {
        earlierRestarts += currentRestarts();
        job.cancel().get();
        await("the job is cancelled", () -> status() == JobStatus.CANCELED);
        job = null;
    }

    /** Every record consumed, then stopped with a savepoint: the alert transactions of the end are committed. */
    void finish() throws Exception {
        awaitConsumed();
        job.stopWithSavepoint(false, ProductionIo.location(config.checkpointing.savepointDir),
                SavepointFormatType.CANONICAL).get();
    }

    String restAddress() throws Exception {
        return cluster.getRestAddress().get().toString();
    }

    private AccessExecutionGraph graph() throws Exception {
        return cluster.getExecutionGraph(job.getJobID()).get();
    }

    private CheckpointStatsSnapshot stats() throws Exception {
        return graph().getCheckpointStatsSnapshot();
    }

    /**
     * Whether the source has handed the last record of every partition to the job: the Kafka source's
     * {@code currentOffset} gauge (the offset of the last record it emitted), or its committed offsets,
     * which say so too but move only when its fetcher's 10 s poll returns.
     */
    private boolean allRead() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka.bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
            List<TopicPartition> parts = List.of(new TopicPartition(config.kafka.readingsTopic, 0),
                    new TopicPartition(config.kafka.readingsTopic, 1));
            var ends = admin.listOffsets(parts.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get();
            Map<Integer, Long> read = new TreeMap<>();
            reporter.findMetrics(job.getJobID(), "currentOffset").forEach((id, metric) -> {
                Matcher m = PARTITION.matcher(id);
                if (m.find()) {
                    read.merge(Integer.parseInt(m.group(1)), ((Number) ((Gauge<?>) metric).getValue()).longValue(), Math::max);
                }
            });
            // A job restored at the end of a partition reads nothing more, and its gauge stays at -1.
            admin.listConsumerGroupOffsets(config.kafka.group).partitionsToOffsetAndMetadata().get()
                    .forEach((p, committed) -> read.merge(p.partition(), committed.offset() - 1, Math::max));
            progress = "read through " + read + ", ends " + ends + ", checkpoints " + completedCheckpoints();
            for (TopicPartition p : parts) {
                if (read.getOrDefault(p.partition(), -1L) < ends.get(p).offset() - 1) {
                    return false;
                }
            }
            return true;
        } catch (Exception brokerAway) {
            progress = brokerAway.toString();
            return false;
        }
    }

    void await(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (job != null && status() == JobStatus.FAILED) {
                throw new AssertionError(name + ": the job failed while waiting for " + what + ":\n"
                        + graph().getFailureInfo().getExceptionAsString());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + ": gave up waiting after " + PATIENCE + " for " + what
                        + " (job " + status() + "; " + progress + ")");
            }
            Thread.sleep(100);
        }
    }

    /** Every point of every measurement, with its tags and fields, in a stable order. */
    List<String> points() throws Exception {
        InfluxQl q = InfluxQl.of(ProductionIo.influx(config.influx));
        List<String> points = new ArrayList<>();
        for (Series list : q.query("SHOW MEASUREMENTS")) {
            for (List<Object> measurement : list.values()) {
                String m = InfluxQl.identifier((String) measurement.get(0));
                for (Series s : q.query("SELECT * FROM " + m + " GROUP BY *")) {
                    for (Map<String, Object> row : s.rows()) {
                        points.add(s.name() + new TreeMap<>(s.tags()) + new TreeMap<>(row));
                    }
                }
            }
        }
        return points;
    }

    /** The alert events as a consumer with read_committed sees them, key and value, in a stable order. */
    List<String> alerts() {
        List<String> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : servers.readAll(config.kafka.alertsTopic, true)) {
            out.add(r.key() + " " + r.value());
        }
        out.sort(null);
        return out;
    }

    /** The dead letters as "reason origin-offset"; an at-least-once re-send after a restore shows once here. */
    Set<String> deadLetters() {
        Set<String> out = new TreeSet<>();
        for (DeadLetter d : deadLetterRecords()) {
            out.add(d.reason + " " + d.origin.substring(d.origin.indexOf('-') + 1));
        }
        return out;
    }

    List<DeadLetter> deadLetterRecords() {
        List<DeadLetter> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : servers.readAll(config.kafka.deadLetterTopic, false)) {
            out.add(DeadLetterJson.read(r.value()));
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        if (job != null && !status().isGloballyTerminalState()) {
            job.cancel().get();
        }
        cluster.close();
    }
}
