package org.airindex.jobs;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.airindex.config.AirIndexConfig;
import org.airindex.config.StationRegistry;
import org.airindex.testing.RealServers;

/**
 * One run of the production job over {@link FailureFeed} on its own Flink cluster (a JobManager and two
 * TaskManagers of one slot, parallelism 2, checkpoints every second, kept on cancel), its own topics,
 * consumer group and database on the shared servers, and the means to hurt it and to read what it wrote.
 */
final class FailureRun implements ObservedRun, AutoCloseable {
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    final String name;
    final RunResults results;
    final AirIndexConfig config;
    final Path checkpoints;
    final MiniCluster cluster;
    private static final Pattern PARTITION = Pattern.compile("\\.partition\\.(\\d+)\\.currentOffset$");

    private final StationRegistry registry;
    private final InMemoryReporter reporter = InMemoryReporter.create();
    private JobClient job;
    /** Restarts of the jobs before the current one (each resume is a new job). */
    private long earlierRestarts;

    FailureRun(String name, RealServers servers, StationRegistry registry, Path work, String stateBackend)
            throws Exception {
        this.name = name;
        this.registry = registry;
        this.results = RunResults.prepare(name, servers, work, stateBackend, 2);
        this.config = results.config;
        config.processingClock = Clock.fixed(Instant.parse("2026-11-08T00:30:00Z"), ZoneOffset.UTC);
        this.checkpoints = Path.of(config.checkpointing.dir);

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
        results.produce(lines);
    }

    /**
     * Waits until the job has read every record on the readings topic, then for two checkpoints more: the
     * second starts after the watermark of the last record, so what that watermark closed is written too.
     */
    void awaitConsumed() throws Exception {
        await("every reading read", this::allRead);
        awaitCheckpoints(2);
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

    @Override
    public long completedCheckpoints() {
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

    @Override
    public long failedCheckpoints() throws Exception {
        return stats().getCounts().getNumberOfFailedCheckpoints();
    }

    /** Restarts of this run so far, over the jobs it resumed too. */
    @Override
    public long restarts() throws Exception {
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
     * {@code currentOffset} gauge (the offset of the last record it emitted), or its committed offsets.
     */
    private boolean allRead() {
        Map<Integer, Long> read = new TreeMap<>();
        reporter.findMetrics(job.getJobID(), "currentOffset").forEach((id, metric) -> {
            Matcher m = PARTITION.matcher(id);
            if (m.find()) {
                read.merge(Integer.parseInt(m.group(1)), ((Number) ((Gauge<?>) metric).getValue()).longValue(), Math::max);
            }
        });
        return results.allRead(read, completedCheckpoints());
    }

    @Override
    public void await(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (job != null && status() == JobStatus.FAILED) {
                throw new AssertionError(name + ": the job failed while waiting for " + what + ":\n"
                        + graph().getFailureInfo().getExceptionAsString());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + ": gave up waiting after " + PATIENCE + " for " + what
                        + " (job " + status() + "; " + results.progress() + ")");
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws Exception {
        if (job != null && !status().isGloballyTerminalState()) {
            job.cancel().get();
        }
        cluster.close();
    }
}
