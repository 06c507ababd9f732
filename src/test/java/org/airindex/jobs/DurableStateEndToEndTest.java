package org.airindex.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.airindex.config.AirIndexConfig;
import org.airindex.pipeline.Fixtures;
import org.airindex.testing.RealServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state of {@code run} outlives its process: with {@code checkpointing.dir} set, checkpoints are
 * written there and kept when the job is cancelled, ready for {@code run --from-savepoint}.
 */
class DurableStateEndToEndTest {
    @TempDir
    static Path work;

    @Test
    void theConfigurationKeepsCheckpointsInTheDirectoryAndStartsFromTheOneGiven() {
        AirIndexConfig.Checkpointing c = new AirIndexConfig.Checkpointing();
        Configuration none = ProductionIo.durableState(c, null);
        assertEquals("hashmap", none.get(StateBackendOptions.STATE_BACKEND));
        assertFalse(none.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY), "no directory: nothing to keep");
        assertFalse(none.contains(CheckpointingOptions.SAVEPOINT_DIRECTORY));
        c.dir = "work/checkpoints";
        c.savepointDir = "work/savepoints";
        c.stateBackend = "rocksdb";
        Configuration conf = ProductionIo.durableState(c, work.toString());
        assertEquals(Path.of("work/checkpoints").toAbsolutePath().toUri().toString(),
                conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY));
        assertEquals(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION,
                conf.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION));
        assertEquals(work.toUri().toString(), conf.get(StateRecoveryOptions.SAVEPOINT_PATH));
        assertEquals(Path.of("work/savepoints").toAbsolutePath().toUri().toString(),
                conf.get(CheckpointingOptions.SAVEPOINT_DIRECTORY));
        assertEquals("rocksdb", conf.get(StateBackendOptions.STATE_BACKEND));
        assertTrue(conf.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS), "RocksDB uploads only what changed");
        var e = assertThrows(IllegalArgumentException.class,
                () -> ProductionIo.durableState(c, work.resolve("chk-404").toString()));
        assertTrue(e.getMessage().startsWith("--from-savepoint: no savepoint or checkpoint folder at"), e.getMessage());
        c.dir = "s3://bucket/airindex";
        assertEquals("s3://bucket/airindex", ProductionIo.durableState(c, null).get(CheckpointingOptions.CHECKPOINTS_DIRECTORY));
    }

    @Test
    void aCancelledJobLeavesItsLastCheckpointBehind() throws Exception {
        AirIndexConfig config = new AirIndexConfig();
        config.checkpointing.interval = Duration.ofMillis(500);
        config.checkpointing.minPause = Duration.ofMillis(100);
        config.checkpointing.dir = work.resolve("checkpoints").toString();
        try (RealServers servers = RealServers.start(work, config)) {
            List<String[]> one = List.<String[]>of(new String[] {"A1",
                    "{\"station\":\"A1\",\"ts\":\"2026-11-10T10:00:00+08:00\",\"pm25\":35}"});
            servers.produce(one);
            StreamExecutionEnvironment env = RealServers.environment(config,
                    ProductionIo.durableState(config.checkpointing, null));
            ProductionIo.job(config, Fixtures.REGISTRY, false).build(env);
            JobClient job = env.executeAsync("durable state");
            Path jobDir = work.resolve("checkpoints").resolve(job.getJobID().toString());
            long deadline = System.currentTimeMillis() + 60_000;
            while (latest(jobDir).isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(latest(jobDir).isPresent(), "no completed checkpoint under " + jobDir);
            job.cancel().get();
            Thread.sleep(1_000);
            Optional<Path> kept = latest(jobDir);
            assertTrue(kept.isPresent(), "the last checkpoint is kept after the cancel");
            assertTrue(Files.size(kept.get().resolve("_metadata")) > 0);
        }
    }

    /** The newest completed checkpoint (its _metadata is written last). */
    private static Optional<Path> latest(Path jobDir) throws Exception {
        if (!Files.isDirectory(jobDir)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jobDir)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("chk-"))
                    .filter(d -> Files.exists(d.resolve("_metadata")))
                    .max((a, b) -> Long.compare(number(a), number(b)));
        }
    }

    private static long number(Path chk) {
        return Long.parseLong(chk.getFileName().toString().substring(4));
    }
}
